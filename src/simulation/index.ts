/** Public API of the simulator: read scenarios, run them on the engine, export the log. See README.md. */
export { readScenarios, bpsimData, TIME_UNITS, DEFAULT_START } from './bpsim/read';
export { ScenarioError } from './bpsim/errors';
export { simulate } from './simulate';
export type { SimulationOptions, SimulationResult, SimulationReport } from './simulate';
export type { LogEntry } from './replication';
export type { Figure } from './summary';
export type * from './scenario';
export type { Distribution } from './distributions';
export { sample, sampleNumber, distributionMean } from './distributions';
export { Rng } from './random';
export { parseCalendar, isOpen, nextOpen, closesAt, CalendarError } from './calendar';
export type { WeeklyCalendar } from './calendar';
export { toProsimosCsv, toXes, toOcel } from './log-export';
export type { SimulationProgress } from './simulate';
export type { TimelineSample } from './timeline';
export type { Histogram } from './histogram';
export { histogram } from './histogram';
