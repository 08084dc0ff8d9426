import type { ElementRegistry } from '../runtime/element-type';
import { AD_HOC_COMMANDS, adHocSubProcess } from './ad-hoc-sub-process';
import { boundaryEvent } from './boundary-event';
import { businessRuleTask } from './business-rule-task';
import { CALL_COMMANDS, callActivity } from './call-activity';
import { cancelEvent } from './cancel-event';
import { compensateEvent } from './compensate-event';
import { compensationLifecycle } from './compensation';
import { complexGateway } from './complex-gateway';
import { conditionalEvent } from './conditional-event';
import { endEvent } from './end-event';
import { errorEvent } from './error-event';
import { escalationEvent } from './escalation-event';
import { eventBasedGateway } from './event-based-gateway';
import { exclusiveGateway } from './exclusive-gateway';
import { inclusiveGateway } from './inclusive-gateway';
import { intermediateCatchEvent } from './intermediate-catch-event';
import { intermediateThrowEvent } from './intermediate-throw-event';
import { JOB_COMMANDS } from './job';
import { linkEvent } from './link-event';
import { manualTask } from './manual-task';
import { MESSAGE_COMMANDS, messageEvent } from './message-event';
import { multiInstance } from './multi-instance';
import { parallelGateway } from './parallel-gateway';
import { receiveTask } from './receive-task';
import { scriptTask } from './script-task';
import { sendTask } from './send-task';
import { serviceTask } from './service-task';
import { SIGNAL_COMMANDS, signalEvent } from './signal-event';
import { standardLoop } from './standard-loop';
import { startEvent } from './start-event';
import { subProcess } from './sub-process';
import { task } from './task';
import { terminateEvent } from './terminate-event';
import { TIMER_COMMANDS, timerEvent } from './timer-event';
import { transaction } from './transaction';
import { USER_TASK_COMMANDS, userTask } from './user-task';

/**
 * Every element kind the engine executes, by BPMN type: the one place a new element is added
 * (its file, plus one line here). Handed to the compiler, which stores each node's behaviour.
 */
export const defaultRegistry: ElementRegistry = {
  elements: {
    'bpmn:StartEvent': startEvent,
    'bpmn:EndEvent': endEvent,
    'bpmn:IntermediateThrowEvent': intermediateThrowEvent,
    'bpmn:BoundaryEvent': boundaryEvent,
    'bpmn:Task': task,
    'bpmn:ManualTask': manualTask,
    'bpmn:UserTask': userTask,
    'bpmn:ServiceTask': serviceTask,
    'bpmn:SendTask': sendTask,
    'bpmn:ScriptTask': scriptTask,
    'bpmn:BusinessRuleTask': businessRuleTask,
    'bpmn:ExclusiveGateway': exclusiveGateway,
    'bpmn:ParallelGateway': parallelGateway,
    'bpmn:InclusiveGateway': inclusiveGateway,
    'bpmn:ComplexGateway': complexGateway,
    'bpmn:SubProcess': subProcess,
    'bpmn:AdHocSubProcess': adHocSubProcess,
    'bpmn:Transaction': transaction,
    'bpmn:CallActivity': callActivity,
    'bpmn:IntermediateCatchEvent': intermediateCatchEvent,
    'bpmn:ReceiveTask': receiveTask,
    'bpmn:EventBasedGateway': eventBasedGateway,
  },
  events: {
    'bpmn:ErrorEventDefinition': errorEvent,
    'bpmn:EscalationEventDefinition': escalationEvent,
    'bpmn:TerminateEventDefinition': terminateEvent,
    'bpmn:MessageEventDefinition': messageEvent,
    'bpmn:TimerEventDefinition': timerEvent,
    'bpmn:SignalEventDefinition': signalEvent,
    'bpmn:ConditionalEventDefinition': conditionalEvent,
    'bpmn:LinkEventDefinition': linkEvent,
    'bpmn:CompensateEventDefinition': compensateEvent,
    'bpmn:CancelEventDefinition': cancelEvent,
  },
  loops: {
    'bpmn:MultiInstanceLoopCharacteristics': multiInstance,
    'bpmn:StandardLoopCharacteristics': standardLoop,
  },
  commands: { ...JOB_COMMANDS, ...USER_TASK_COMMANDS, ...CALL_COMMANDS, ...TIMER_COMMANDS, ...MESSAGE_COMMANDS, ...SIGNAL_COMMANDS, ...AD_HOC_COMMANDS },
  lifecycle: compensationLifecycle,
};
