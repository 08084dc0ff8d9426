/**
 * Every rule of bpmnlint-plugin-camunda-compat that a Camunda 8 configuration (8.0 to 8.10) uses,
 * imported one by one for the browser, as `lint-config.ts` does for bpmnlint's own rules (the
 * plugin names its rules by path for Node's `require`). Regenerate the list from the plugin's
 * `configs["camunda-cloud-8-*"]` when the plugin adds rules; `lint-config.test.ts` fails when one
 * is missing.
 */
import adHocSubProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/ad-hoc-sub-process.js';
import agentFromaiContract from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-fromai-contract.js';
import agentToolDocumentation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-documentation.js';
import agentToolOutputKey from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-output-key.js';
import beforeAllExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/before-all-execution-listener.js';
import calledElement from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/called-element.js';
import cancelExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/cancel-execution-listener.js';
import collapsedSubprocess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/collapsed-subprocess.js';
import connectorProperties from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/connector-properties/index.js';
import duplicateExecutionListenerHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-execution-listener-headers.js';
import duplicateExecutionListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-execution-listeners.js';
import duplicateTaskHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-task-headers.js';
import elementType from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/element-type/index.js';
import errorReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/error-reference.js';
import escalationBoundaryEventAttachedToRef from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-boundary-event-attached-to-ref.js';
import escalationReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-reference.js';
import eventBasedGatewayTarget from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/event-based-gateway-target.js';
import executableProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/executable-process.js';
import executionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/execution-listener.js';
import feel from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel.js';
import feelCompatibility from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel-compatibility.js';
import implementation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/implementation/index.js';
import inclusiveGateway from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/inclusive-gateway.js';
import ioMapping from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/io-mapping.js';
import linkEvent from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/link-event.js';
import loopCharacteristics from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/loop-characteristics.js';
import messageReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/message-reference.js';
import noBeforeAllExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-before-all-execution-listener.js';
import noBindingType from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-binding-type.js';
import noBusinessId from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-business-id.js';
import noCancelExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-cancel-execution-listener.js';
import noCandidateUsers from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-candidate-users.js';
import noExecutionListenerHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-execution-listener-headers.js';
import noExecutionListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-execution-listeners.js';
import noExpression from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-expression.js';
import noInterruptingEventSubprocess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-interrupting-event-subprocess.js';
import noJobPriorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-job-priority-definition.js';
import noLoop from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-loop.js';
import noMultipleNoneStartEvents from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-multiple-none-start-events.js';
import noPriorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-priority-definition.js';
import noPropagateAllParentVariables from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-propagate-all-parent-variables.js';
import noSignalEventSubProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-signal-event-sub-process.js';
import noTaskListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-task-listeners.js';
import noTaskSchedule from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-task-schedule.js';
import noVersionTag from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-version-tag.js';
import noZeebeProperties from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-zeebe-properties.js';
import noZeebeUserTask from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-zeebe-user-task.js';
import priorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/priority-definition.js';
import secrets from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/secrets.js';
import sequenceFlowCondition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/sequence-flow-condition.js';
import signalReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/signal-reference.js';
import startEventForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/start-event-form.js';
import startEventFormEmbedded from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/start-event-form-embedded.js';
import subscription from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/subscription.js';
import taskListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-listener.js';
import taskSchedule from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-schedule.js';
import timer from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/timer/index.js';
import unresolvableSecretReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/unresolvable-secret-reference.js';
import userTaskDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-definition.js';
import userTaskForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-form.js';
import variableName from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/variable-name.js';
import versionTag from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/version-tag.js';
import waitForCompletion from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/wait-for-completion.js';
import zeebeUserTask from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/zeebe-user-task.js';

// bpmnlint rules are factories `(config) => ({ check, meta? })`; the linter only calls them.
export const CAMUNDA_RULES: Record<string, (config?: unknown) => unknown> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'agent-fromai-contract': agentFromaiContract,
  'agent-tool-documentation': agentToolDocumentation,
  'agent-tool-output-key': agentToolOutputKey,
  'before-all-execution-listener': beforeAllExecutionListener,
  'called-element': calledElement,
  'cancel-execution-listener': cancelExecutionListener,
  'collapsed-subprocess': collapsedSubprocess,
  'connector-properties': connectorProperties,
  'duplicate-execution-listener-headers': duplicateExecutionListenerHeaders,
  'duplicate-execution-listeners': duplicateExecutionListeners,
  'duplicate-task-headers': duplicateTaskHeaders,
  'element-type': elementType,
  'error-reference': errorReference,
  'escalation-boundary-event-attached-to-ref': escalationBoundaryEventAttachedToRef,
  'escalation-reference': escalationReference,
  'event-based-gateway-target': eventBasedGatewayTarget,
  'executable-process': executableProcess,
  'execution-listener': executionListener,
  'feel': feel,
  'feel-compatibility': feelCompatibility,
  'implementation': implementation,
  'inclusive-gateway': inclusiveGateway,
  'io-mapping': ioMapping,
  'link-event': linkEvent,
  'loop-characteristics': loopCharacteristics,
  'message-reference': messageReference,
  'no-before-all-execution-listener': noBeforeAllExecutionListener,
  'no-binding-type': noBindingType,
  'no-business-id': noBusinessId,
  'no-cancel-execution-listener': noCancelExecutionListener,
  'no-candidate-users': noCandidateUsers,
  'no-execution-listener-headers': noExecutionListenerHeaders,
  'no-execution-listeners': noExecutionListeners,
  'no-expression': noExpression,
  'no-interrupting-event-subprocess': noInterruptingEventSubprocess,
  'no-job-priority-definition': noJobPriorityDefinition,
  'no-loop': noLoop,
  'no-multiple-none-start-events': noMultipleNoneStartEvents,
  'no-priority-definition': noPriorityDefinition,
  'no-propagate-all-parent-variables': noPropagateAllParentVariables,
  'no-signal-event-sub-process': noSignalEventSubProcess,
  'no-task-listeners': noTaskListeners,
  'no-task-schedule': noTaskSchedule,
  'no-version-tag': noVersionTag,
  'no-zeebe-properties': noZeebeProperties,
  'no-zeebe-user-task': noZeebeUserTask,
  'priority-definition': priorityDefinition,
  'secrets': secrets,
  'sequence-flow-condition': sequenceFlowCondition,
  'signal-reference': signalReference,
  'start-event-form': startEventForm,
  'start-event-form-embedded': startEventFormEmbedded,
  'subscription': subscription,
  'task-listener': taskListener,
  'task-schedule': taskSchedule,
  'timer': timer,
  'unresolvable-secret-reference': unresolvableSecretReference,
  'user-task-definition': userTaskDefinition,
  'user-task-form': userTaskForm,
  'variable-name': variableName,
  'version-tag': versionTag,
  'wait-for-completion': waitForCompletion,
  'zeebe-user-task': zeebeUserTask,
};
