import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import { describe, expect, it } from 'vitest';
import { createLintConfig, RECOMMENDED_RULES } from './lint-config';

const xml = readFileSync(new URL('./lint-config.test.bpmn', import.meta.url), 'utf8');

async function lint(overrides = {}) {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  return new Linter(createLintConfig(overrides)).lint(rootElement);
}

describe('createLintConfig', () => {
  it('given a task without flows, when linted with the packed config, then no-disconnected reports it', async () => {
    const reports = await lint();

    expect(reports['no-disconnected']?.map((r) => r.id)).toEqual(['Orphan']);
    expect(reports['no-disconnected']?.[0].category).toBe('error');
  });

  it('given every recommended rule, when linted, then none fails to resolve', async () => {
    const reports = await lint();

    const ruleErrors = Object.values(reports).flat().filter((r) => r.category === 'rule-error');
    expect(ruleErrors).toEqual([]);
    expect(Object.keys(RECOMMENDED_RULES).length).toBeGreaterThan(20);
  });

  it('given an override turning a rule off, when linted, then that rule stays silent', async () => {
    const reports = await lint({ 'no-disconnected': 'off' });

    expect(reports['no-disconnected']).toBeUndefined();
  });

  it('given a rule of a plugin package, when resolved, then the resolver answers null so the linter reports it unknown', () => {
    const { resolver } = createLintConfig();

    expect(resolver.resolveRule('bpmnlint-plugin-foo', 'bar')).toBeNull();
    expect(resolver.resolveRule('bpmnlint', 'no-disconnected')).toBeTypeOf('function');
  });
});
