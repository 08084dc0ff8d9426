import type { ModdleElement } from 'bpmn-moddle';
import { list } from './extensions';

/*
 * BPMN constructs the engine reads but does not execute: each is a compile error naming the
 * element, so a model never deploys with a part silently skipped. Element kinds the registry does
 * not know are refused by the compiler itself (`unsupported element ...`); this file holds what
 * hides inside a known element (an attribute, a child) or beside the processes (choreographies).
 */

type Report = (elementId: string, message: string) => void;

/** Root elements with behaviour of their own that Flowdeck does not run (choreographies). */
export function reportUnexecutedRoots(definitions: ModdleElement, report: Report): void {
  for (const root of list(definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Choreography' || root.$type === 'bpmn:GlobalChoreographyTask') {
      report(root.id ?? root.$type, `${root.$type} is not executed: choreographies describe message exchanges between participants, not a process to run`);
    }
  }
}

/** Parts of a flow node the engine does not execute. */
export function reportUnexecutedParts(el: ModdleElement, elementId: string, report: Report): void {
  if (el.$type === 'bpmn:EventBasedGateway') {
    if (el.instantiate === true) report(elementId, 'an instantiating event-based gateway (instantiate="true") is not executed: start the process with message, signal or timer start events');
    if (el.eventGatewayType === 'Parallel') report(elementId, 'a parallel event-based gateway (eventGatewayType="Parallel") is not executed');
  }
  if (el.$type === 'bpmn:ReceiveTask' && el.instantiate === true) {
    report(elementId, 'an instantiating receive task (instantiate="true") is not executed: use a message start event');
  }
  for (const key of ['dataInputAssociations', 'dataOutputAssociations']) {
    for (const a of list(el, key)) {
      // A bare association only documents which data the element uses; these would copy data.
      if (list(a, 'assignment').length > 0 || a.transformation) {
        report(elementId, `a data association with ${a.transformation ? 'a transformation' : 'assignments'} (${a.id ?? key}) is not executed: map data with zeebe:ioMapping`);
      }
    }
  }
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
    const behavior = loop.behavior as string | undefined;
    if (behavior && behavior !== 'All') report(elementId, `a multi-instance behavior="${behavior}" (events thrown as instances complete) is not executed`);
    for (const cbd of list(loop, 'complexBehaviorDefinition')) {
      report(elementId, `bpmn:ComplexBehaviorDefinition${cbd.id ? ` ${cbd.id}` : ''} is not executed`);
    }
  }
}
