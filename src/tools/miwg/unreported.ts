import { diffKinds, type KindDelta } from '../../bpmn-io/audit/kinds';
import type { FileResult } from './studio-path';

/**
 * The kinds whose counts differ between a file and what the studio saves although no item of the
 * import report names them: what would be lost (or added) without the user being told.
 */
export function unreportedDifferences(result: FileResult): KindDelta[] {
  const reported = new Set(result.items.flatMap((item) => item.kinds ?? []));
  return diffKinds(result.countsIn, result.countsOut).filter((d) => !reported.has(d.kind));
}
