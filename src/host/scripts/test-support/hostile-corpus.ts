import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptRequest } from '../../../engine/ports';
import { fingerprintScript, INTRINSICS, USE_SCRIPT } from './intrinsics';

/**
 * One attack of the hostile corpus (`src/host/scripts/hostile/*.attack`): a script body with a
 * header of `//` lines: `attack:` what it tries, `expect:` its outcome (`isolated`, `error /re/`
 * or `result <json>`), and optionally `timeoutMs:` / `memoryLimitBytes:`.
 */
export interface Attack {
  name: string;
  attack: string;
  expect: { kind: 'isolated' } | { kind: 'error'; pattern: RegExp } | { kind: 'result'; value: unknown };
  source: string;
  timeoutMs?: number;
  memoryLimitBytes?: number;
}

const HOSTILE = join(import.meta.dirname, '..', 'hostile');

export function loadAttacks(): Attack[] {
  return readdirSync(HOSTILE).filter((f) => f.endsWith('.attack')).sort().map((file) => parseAttack(file.replace(/\.attack$/, ''), readFileSync(join(HOSTILE, file), 'utf8')));
}

function parseAttack(name: string, source: string): Attack {
  const header = new Map<string, string>();
  for (const line of source.split('\n')) {
    const m = /^\/\/\s*(\w+):\s*(.*)$/.exec(line);
    if (!m) break;
    header.set(m[1], m[2].trim());
  }
  const expectation = header.get('expect') ?? '';
  let expected: Attack['expect'];
  if (expectation === 'isolated') expected = { kind: 'isolated' };
  else if (expectation.startsWith('error ')) {
    const m = /^error \/(.*)\/$/.exec(expectation);
    if (!m) throw new Error(`${name}.attack: "expect: error" needs a /pattern/`);
    expected = { kind: 'error', pattern: new RegExp(m[1]) };
  } else if (expectation.startsWith('result ')) expected = { kind: 'result', value: JSON.parse(expectation.slice('result '.length)) };
  else throw new Error(`${name}.attack: "expect:" must be isolated, error /pattern/ or result <json> (got "${expectation}")`);
  const attack = header.get('attack');
  if (!attack) throw new Error(`${name}.attack: no "attack:" line`);
  const number = (key: string) => (header.has(key) ? Number(header.get(key)) : undefined);
  return { name, attack, expect: expected, source, timeoutMs: number('timeoutMs'), memoryLimitBytes: number('memoryLimitBytes') };
}

export const NOW = Date.UTC(2025, 0, 1);

export function attackRequest(source: string, processInstanceId: string, overrides: Partial<ScriptRequest> = {}): ScriptRequest {
  return {
    elementId: 'Hostile', processInstanceId, language: 'javascript', source,
    variables: { cards: ['4111111111111111', '1234567812345678'], amount: 150 },
    now: NOW, randomSeed: 99, timeoutMs: 2000, memoryLimitBytes: 32 << 20, ...overrides,
  };
}

/**
 * What a later, innocent script sees of the realm: every intrinsic's fingerprint, every iterator
 * kind at work, the global names, the clock and the seeded random stream. Equal to what a
 * never-attacked sandbox shows = the attack left nothing behind.
 */
export const PROBE_SCRIPT = `
  const fingerprints = {};
  ${INTRINSICS.map((c) => `fingerprints[${JSON.stringify(c.name)}] = (() => { ${fingerprintScript(c)} })();`).join('\n  ')}
  const use = (() => { ${USE_SCRIPT} })();
  return {
    fingerprints,
    use,
    globals: Object.getOwnPropertyNames(globalThis).sort(),
    leaks: [typeof leak, typeof leak2, typeof ({}).isAdmin, typeof [].planted, typeof ({}).approved],
    time: [Date.now(), new Date().toISOString()],
    random: [Math.random(), Math.random()],
    cards: variables.cards.map((c) => [...c].length),
  };
`;
