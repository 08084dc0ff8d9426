import { jobElement } from './job';

/** Send task: as in Zeebe, a job whose worker sends the message. */
export const sendTask = jobElement('sendTask');
