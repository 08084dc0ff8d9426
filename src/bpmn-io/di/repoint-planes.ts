/**
 * Diagram planes that point at something bpmn-js cannot display (the definitions, nothing, an
 * unresolved id) or at another process than the one their shapes belong to. bpmn-js then refuses
 * the file ("unsupported bpmnElement", "no process or collaboration to display") or draws nothing.
 * The plane is pointed at what its shapes show: the collaboration of its pools, or the process
 * most of its shapes belong to.
 */
import { describe, is, many, type ModdleElement } from '../moddle-element';
import type { ReportItem } from '../report';
import { collaborationsOf, owningCollaboration, owningProcess } from './semantic-owner';

export function repointPlanes(definitions: ModdleElement): ReportItem[] {
  const items: ReportItem[] = [];
  for (const diagram of many(definitions, 'diagrams')) {
    const plane = diagram.get('plane') as ModdleElement | undefined;
    if (!plane) continue;
    const current = plane.get('bpmnElement') as ModdleElement | undefined;
    const votes = ownerVotes(definitions, plane);
    if (fits(current, votes)) continue;
    const next = winner(votes) ?? (current && isDisplayable(current) ? undefined : firstCandidate(definitions));
    if (!next || next === current) continue;
    plane.set('bpmnElement', next);
    const was = current ? describe(current) : 'nothing';
    items.push({
      severity: 'changed',
      elementId: plane.id ?? diagram.id,
      kind: 'bpmndi:BPMNPlane',
      diagramOnly: true,
      message:
        current && isDisplayable(current)
          ? `the diagram pointed at ${was}, but its shapes belong to ${describe(next)}; it now shows ${describe(next)}`
          : `the diagram pointed at ${was}, which cannot be displayed; it now shows ${describe(next)}, which its shapes belong to`,
    });
  }
  return items;
}

function isDisplayable(element: ModdleElement): boolean {
  return is(element, 'bpmn:Process') || is(element, 'bpmn:Collaboration') || is(element, 'bpmn:SubProcess');
}

/** For each shape/edge: the collaboration (pools, message flows) or process it belongs to. */
function ownerVotes(definitions: ModdleElement, plane: ModdleElement): Map<ModdleElement, number> {
  const votes = new Map<ModdleElement, number>();
  for (const di of many(plane, 'planeElement')) {
    const element = di.get('bpmnElement') as ModdleElement | undefined;
    if (!element) continue;
    let owner = owningCollaboration(element);
    if (!owner) {
      const process = is(element, 'bpmn:Process') ? element : owningProcess(element);
      owner = process ? (collaborationsOf(definitions, process)[0] && hasPools(plane) ? collaborationsOf(definitions, process)[0] : process) : undefined;
    }
    if (owner) votes.set(owner, (votes.get(owner) ?? 0) + 1);
  }
  return votes;
}

function hasPools(plane: ModdleElement): boolean {
  return many(plane, 'planeElement').some((di) => is(di.get('bpmnElement'), 'bpmn:Participant'));
}

function fits(current: ModdleElement | undefined, votes: Map<ModdleElement, number>): boolean {
  if (!current || !isDisplayable(current)) return false;
  if (votes.size === 0 || votes.has(current)) return true;
  if (is(current, 'bpmn:SubProcess')) return true;
  if (is(current, 'bpmn:Collaboration')) {
    const processes = new Set(many(current, 'participants').map((p) => p.get('processRef')));
    return [...votes.keys()].some((owner) => processes.has(owner));
  }
  // A process plane whose shapes belong to a collaboration of that process is what bpmn-js expects.
  return [...votes.keys()].some((owner) => is(owner, 'bpmn:Collaboration') && many(owner, 'participants').some((p) => p.get('processRef') === current));
}

function winner(votes: Map<ModdleElement, number>): ModdleElement | undefined {
  let best: ModdleElement | undefined;
  let most = 0;
  for (const [owner, n] of votes) {
    // Pools decide: a plane showing a collaboration's participants is that collaboration's.
    const weight = n + (is(owner, 'bpmn:Collaboration') ? 0.5 : 0);
    if (weight > most) {
      best = owner;
      most = weight;
    }
  }
  return best;
}

/** bpmn-js' fallback: the first process or collaboration of the definitions. */
function firstCandidate(definitions: ModdleElement): ModdleElement | undefined {
  return many(definitions, 'rootElements').find((e) => is(e, 'bpmn:Process') || is(e, 'bpmn:Collaboration'));
}
