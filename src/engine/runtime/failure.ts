import type { IncidentType } from './state';

/** A runtime failure of one element; the step turns it into an incident on that element. */
export class ElementFailure extends Error {
  readonly type: IncidentType;
  constructor(type: IncidentType, message: string) {
    super(message);
    this.name = 'ElementFailure';
    this.type = type;
  }
}
