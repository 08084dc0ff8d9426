import type { ModdleElement } from '../../engine';

/** What the BPSim reader needs to know of the model: element types, flow sources, activities, performers. */
export interface ModelIndex {
  types: Map<string, string>;
  flowSources: Map<string, string>;
  activities: Set<string>;
  /** Activity id → the `bpmn:resource` ids of its performers (`resourceRef`). */
  performers: Map<string, string[]>;
  /** `bpmn:Message` and `bpmn:Signal` id → its name. */
  names: Map<string, string>;
  /** Send tasks and message throw / end events → the `bpmn:Message` id they send. */
  sends: Map<string, string>;
}

const ACTIVITY = /Task$|^bpmn:SubProcess$|^bpmn:CallActivity$|^bpmn:Transaction$|^bpmn:AdHocSubProcess$/;

const THROWS = /^bpmn:(IntermediateThrowEvent|EndEvent)$/;

/** A moddle collection property (`flowElements`, `resources`...) or []. */
export function list(e: ModdleElement | undefined, key: string): ModdleElement[] {
  const v = e?.[key];
  return Array.isArray(v) ? (v as ModdleElement[]) : [];
}

/** A moddle reference (`sourceRef`, `resourceRef`) as the referenced element's id. */
export function refId(e: ModdleElement, key: string): string | undefined {
  const v = e[key] as ModdleElement | undefined;
  return v && typeof v.id === 'string' ? v.id : undefined;
}

export function modelIndex(definitions: ModdleElement): ModelIndex {
  const index: ModelIndex = { types: new Map(), flowSources: new Map(), activities: new Set(), performers: new Map(), names: new Map(), sends: new Map() };
  const visit = (e: ModdleElement): void => {
    const id = e.id;
    if (typeof id === 'string') {
      index.types.set(id, e.$type);
      const sent = e.$type === 'bpmn:SendTask' ? refId(e, 'messageRef') : THROWS.test(e.$type) ? list(e, 'eventDefinitions').map((d) => refId(d, 'messageRef')).find((m) => m) : undefined;
      if (sent) index.sends.set(id, sent);
      if ((e.$type === 'bpmn:Message' || e.$type === 'bpmn:Signal') && typeof e.name === 'string') index.names.set(id, e.name);
      const source = refId(e, 'sourceRef');
      if (e.$type === 'bpmn:SequenceFlow' && source) index.flowSources.set(id, source);
      if (ACTIVITY.test(e.$type)) {
        index.activities.add(id);
        const roles = list(e, 'resources').map((r) => refId(r, 'resourceRef')).filter((r): r is string => !!r);
        if (roles.length > 0) index.performers.set(id, roles);
      }
    }
    for (const c of list(e, 'flowElements')) visit(c);
  };
  for (const root of list(definitions, 'rootElements')) visit(root);
  return index;
}
