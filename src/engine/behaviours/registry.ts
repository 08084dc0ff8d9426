import type { NodeKind } from '../model/types';
import type { Behaviour } from './behaviour';
import { businessRuleTask } from './business-rule-task';
import { callActivity } from './call-activity';
import { endEvent, passThrough } from './events';
import { complexGateway, exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways';
import { scriptTask } from './script-task';
import { jobTask } from './service-task';
import { subProcess } from './subprocess';
import { immediateTask } from './tasks';
import { userTask } from './user-task';

/** The one map from element kind to behaviour. */
const BEHAVIOURS: Record<NodeKind, Behaviour> = {
  startEvent: passThrough,
  endEvent,
  intermediateThrowEvent: passThrough,
  boundaryEvent: passThrough,
  task: immediateTask,
  manualTask: immediateTask,
  userTask,
  serviceTask: jobTask,
  sendTask: jobTask,
  scriptTask,
  businessRuleTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  complexGateway,
  subProcess,
  callActivity,
};

export function behaviourFor(kind: NodeKind): Behaviour {
  return BEHAVIOURS[kind];
}
