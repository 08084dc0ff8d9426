import type { FileKind } from '../../store';

/** The small coloured BPMN / DMN / FORM tag in lists and the top bar. */
export function KindBadge({ kind }: { kind: FileKind }) {
  return <span className={`kind-badge kind-badge--${kind}`}>{kind === 'form' ? 'FORM' : kind.toUpperCase()}</span>;
}
