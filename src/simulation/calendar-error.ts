/** Thrown for iCalendar text the simulator cannot read; names the calendar and the line. */
export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}
