import type { Incident, Job, Subscription, Timer, UserTask, Variables } from './state';

/** What the host must do after a step (besides persisting the new state and history). */
export type Effect =
  | { type: 'jobCreated'; job: Job }
  | { type: 'jobCanceled'; jobKey: string }
  | { type: 'userTaskCreated'; task: UserTask }
  | { type: 'userTaskCanceled'; taskId: string }
  | {
      type: 'startChildInstance';
      /** Pass it as `StartOptions.instanceId` so the parent can find and cancel its child. */
      childInstanceId: string;
      parentInstanceId: string;
      parentElementInstanceId: string;
      processId: string;
      variables: Variables;
      businessKey: string | null;
      /** Pass it as `StartOptions.callDepth`. */
      callDepth: number;
    }
  | { type: 'cancelChildInstance'; childInstanceId: string | null; parentElementInstanceId: string }
  /** This instance was started by a call activity and completed: send `childCompleted` to the parent. */
  | { type: 'notifyParent'; parentInstanceId: string; parentElementInstanceId: string; variables: Variables }
  /** A BPMN error left this (child) instance uncaught, which is now canceled: send `childError` to the parent. */
  | { type: 'errorToParent'; parentInstanceId: string; parentElementInstanceId: string; errorCode: string; errorMessage: string | null; variables: Variables }
  /** An escalation nothing in this (child) instance caught: send `childEscalation` to the parent (the child goes on). */
  | { type: 'escalationToParent'; parentInstanceId: string; parentElementInstanceId: string; escalationCode: string }
  /** A timer to fire (`timerFired`) at `timer.dueAt`. */
  | { type: 'timerScheduled'; timer: Timer }
  | { type: 'timerCanceled'; timerKey: string }
  /** A message, signal or conditional subscription to index for correlation. */
  | { type: 'subscriptionOpened'; subscription: Subscription }
  | { type: 'subscriptionClosed'; key: string }
  /** A message throw event without a job: the host publishes the message. */
  | { type: 'publishMessage'; name: string; correlationKey: string | null; variables: Variables; sourceInstanceId: string }
  /** A signal throw or end event: the host broadcasts the signal. */
  | { type: 'broadcastSignal'; name: string; variables: Variables; sourceInstanceId: string }
  | { type: 'incidentRaised'; incident: Incident }
  | { type: 'incidentResolved'; incidentId: string }
  | { type: 'instanceCompleted'; instanceId: string; variables: Variables }
  | { type: 'instanceCanceled'; instanceId: string };
