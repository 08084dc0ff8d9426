import type { Incident, Job, UserTask, Variables } from './state';

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
    }
  | { type: 'cancelChildInstance'; childInstanceId: string | null; parentElementInstanceId: string }
  /** This instance was started by a call activity and completed: send `childCompleted` to the parent. */
  | { type: 'notifyParent'; parentInstanceId: string; parentElementInstanceId: string; variables: Variables }
  /** A BPMN error left this (child) instance uncaught, which is now canceled: send `childError` to the parent. */
  | { type: 'errorToParent'; parentInstanceId: string; parentElementInstanceId: string; errorCode: string; errorMessage: string | null; variables: Variables }
  | { type: 'incidentRaised'; incident: Incident }
  | { type: 'incidentResolved'; incidentId: string }
  | { type: 'instanceCompleted'; instanceId: string; variables: Variables }
  | { type: 'instanceCanceled'; instanceId: string };
