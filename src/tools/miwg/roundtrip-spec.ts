/**
 * The MIWG round trip as Vitest specs (`roundtrip-*.test.ts` each run one share of the files, so
 * that Vitest's workers run them in parallel). For every file of `Reference/` and `Vendors/`:
 * it opens and saves through the studio's path (or is refused for the reason listed below); every
 * element and attribute kind whose count differs between the file and what the studio saves is
 * named by an item of the import report; event definitions, documentation, lanes, data inputs and
 * outputs, boundary events and DI shapes/edges are never fewer; something is drawn; and the
 * report loses no more than `baseline.json` allows.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listCorpus, miwgDir, type CorpusFile } from './corpus';
import { studioPath } from './studio-path';
import { unreportedDifferences } from './unreported';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Files that cannot be opened, and bpmn-js' reason, which the import must give up front. */
export const EXPECTED_REFUSALS: Record<string, RegExp> = {
  // A round trip that lost its process: only DI pointing at elements that are not there.
  'Vendors/iGrafx FlowCharter 2013 15.1.1.1580/B.2.0-roundtrip.bpmn': /no process or collaboration to display/,
};

/** Kinds the issue names as lost: the studio may never write fewer of them than the file has. */
const NEVER_FEWER = /^(bpmn:\w+EventDefinition|bpmn:documentation|bpmn:lane|bpmn:laneSet|bpmn:dataInput|bpmn:dataOutput|bpmn:boundaryEvent|bpmndi:BPMNShape|bpmndi:BPMNEdge)$/;
const FLOW_NODE = /^bpmn:(task|\w+Task|subProcess|callActivity|\w+Event|\w*Gateway|transaction)$/;

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as { lostItems: Record<string, number> };

/** Declares the specs for the files whose index modulo `of` is `part`. */
export function describeRoundTrip(part: number, of: number): void {
  let files: CorpusFile[] = [];
  let missing: Error | undefined;
  try {
    files = listCorpus(miwgDir(repoRoot));
  } catch (e) {
    missing = e as Error;
  }

  describe(`MIWG round trip (${part + 1}/${of})`, () => {
    it('finds the BPMN MIWG files beside the repository', () => {
      if (missing) throw missing;
      expect(files.length).toBeGreaterThanOrEqual(500);
    });

    for (const file of files.filter((_, i) => i % of === part)) {
      it(file.name, async () => {
        const result = await studioPath(file.name, new Uint8Array(readFileSync(file.path)));
        const refusal = EXPECTED_REFUSALS[file.name];
        if (refusal) {
          expect(result.status).toBe('refused');
          expect(result.reason).toMatch(refusal);
          return;
        }
        expect([result.status, result.reason]).toEqual(['saved', undefined]);
        expect(unreportedDifferences(result)).toEqual([]);
        const fewer = [...result.countsIn].filter(([kind, n]) => NEVER_FEWER.test(kind) && (result.countsOut.get(kind) ?? 0) < n);
        expect(fewer).toEqual([]);
        if ([...result.countsIn.keys()].some((kind) => FLOW_NODE.test(kind))) expect(result.drawn).toBeGreaterThan(0);
        const lost = result.items.filter((i) => i.severity === 'lost').length;
        expect(lost, 'items lost; if fewer now, run npm run miwg -- --update-baseline').toBeLessThanOrEqual(baseline.lostItems[file.name] ?? 0);
      });
    }
  });
}
