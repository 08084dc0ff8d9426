import { jobElement } from './job';

/** Service task: hands out a job (`zeebe:taskDefinition`) and waits for its worker. */
export const serviceTask = jobElement('serviceTask');
