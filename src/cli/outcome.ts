import { activeElementIds } from '../engine';
import type { ExecutableProcess, InstanceState } from '../engine';

/** The end state of a run as `flowdeck run --json` prints it (documented in docs/cli.md). */
export interface RunOutcome {
  state: 'completed' | 'active' | 'incident' | 'terminated' | 'cancelled';
  /** Element ids in completion order (one entry per completed element instance). */
  path: string[];
  /** Element ids with a live element instance, sorted. */
  active: string[];
  variables: Record<string, unknown>;
  incidents: Array<{ elementId: string; message: string }>;
}

/**
 * Summarises an instance state. `process` tells a terminate end event apart from a normal end.
 *
 * @example
 * toOutcome(state, process); // { state: 'active', path: ['Start', 'Score'], active: ['Approve'], ... }
 */
export function toOutcome(state: InstanceState, process: ExecutableProcess | undefined): RunOutcome {
  const incidents = Object.values(state.incidents).map((i) => ({ elementId: i.elementId, message: i.message }));
  return {
    state: stateOf(state, process, incidents.length),
    path: [...state.path],
    active: activeElementIds(state),
    variables: state.variables,
    incidents,
  };
}

function stateOf(state: InstanceState, process: ExecutableProcess | undefined, incidents: number): RunOutcome['state'] {
  if (state.status === 'canceled') return 'cancelled';
  if (state.status === 'completed') {
    const terminated = state.path.some((id) => {
      const node = process?.nodes.get(id);
      return node !== undefined && node.kind === 'endEvent' && node.events.some((e) => e.kind === 'terminate') && node.containerId === null;
    });
    return terminated ? 'terminated' : 'completed';
  }
  return incidents > 0 ? 'incident' : 'active';
}

/** The human-readable form of an outcome: a few aligned lines. */
export function formatOutcome(title: string, outcome: RunOutcome): string {
  const lines = [
    `${title}: ${outcome.state}`,
    `  path:      ${outcome.path.length ? outcome.path.join(' -> ') : '(nothing completed)'}`,
    `  active:    ${outcome.active.length ? outcome.active.join(', ') : '(none)'}`,
  ];
  for (const i of outcome.incidents) lines.push(`  incident:  ${i.elementId}: ${i.message}`);
  lines.push(`  variables: ${JSON.stringify(outcome.variables)}`);
  return lines.join('\n');
}
