import type { ElementType } from '../runtime/element-type';
import { cancelJob, retryJob } from './job';
import { throwEvent } from './throw-events';

/** Intermediate throw event: throws what its definitions throw (none: passes through), then moves on. */
export const intermediateThrowEvent: ElementType = {
  kind: 'intermediateThrowEvent',
  activate: throwEvent,
  terminate: cancelJob,
  resolveIncident: retryJob,
};
