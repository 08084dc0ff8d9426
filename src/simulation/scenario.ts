import type { WeeklyCalendar } from './calendar';
import type { Distribution } from './distributions';

/** A drawn time: `sample(dist) * scale` milliseconds (`scale` is the base time unit in ms; 1 for ISO durations). */
export interface TimeValue {
  dist: Distribution;
  scale: number;
}

/** A case variable drawn once per instance, before it starts, so conditions and decisions see realistic data. */
export interface CaseVariable {
  name: string;
  dist: Distribution;
}

/** Arrivals at one start event (BPSim `InterTriggerTimer`, `TriggerCount`, properties on the start event). */
export interface Arrival {
  startEventId: string;
  interArrival: TimeValue;
  /** At most this many instances from this start event (null: until the scenario's duration ends). */
  triggerCount: number | null;
  /** Instances arrive only while this calendar is open; an arrival due outside waits for the next opening. */
  calendarId: string | null;
  variables: CaseVariable[];
}

/**
 * A global stream of messages or signals (BPSim `InterTriggerTimer`, `TriggerCount` on a
 * `bpmn:Message` or `bpmn:Signal`, ADR 0175): a signal goes to every case waiting for it (and
 * the signal start events), a message to the case that has waited longest for its name (FIFO,
 * whatever its correlation key), else to the message start event.
 */
export interface Stream {
  /** The `bpmn:Message` / `bpmn:Signal` id. */
  elementId: string;
  kind: 'message' | 'signal';
  /** The message or signal name the waits subscribe with. */
  name: string;
  /** Time from the scenario's start to the first trigger, and between triggers. */
  interTrigger: TimeValue;
  /** At most this many triggers (null: until the Duration ends or, without one, until the arrivals are over and nothing waits for it). */
  triggerCount: number | null;
}

export interface ResourceRequirement {
  /** The `bpmn:resource` id (the role). */
  role: string;
  quantity: number;
}

/** Per activity (BPSim `TimeParameters`, `ResourceParameters`, `CostParameters`, `PriorityParameters`). */
export interface ActivityParameters {
  elementId: string;
  /** Before the work: the resources are held, the task is not yet processing. */
  setup: TimeValue | null;
  processing: TimeValue | null;
  /** After the work, without resources (a delay the task waits out, e.g. for a reply). */
  wait: TimeValue | null;
  resources: ResourceRequirement[];
  /** Per completion, in the scenario's currency. */
  fixedCost: number;
  /** Per base time unit of setup + processing. */
  unitCost: number;
  /** Higher first in a resource queue; equal priorities are FIFO. */
  priority: number;
}

/** A role (`bpmn:resource`) with its BPSim parameters. */
export interface ResourceParameters {
  id: string;
  quantity: number;
  /** Per base time unit of busy time. */
  unitCost: number;
  /** On shift only while this calendar is open (null: always). */
  calendarId: string | null;
}

/**
 * One BPSim scenario, read into what the runner needs. Times are epoch ms or ms; costs in the
 * scenario's currency. `notSimulated` names every BPSim parameter that was read but is not
 * simulated (it is kept in the file on round trip).
 */
export interface Scenario {
  id: string;
  name: string | null;
  replications: number;
  seed: number;
  /** Simulated start time (epoch ms). */
  start: number;
  /** Length of a replication (ms); null: until every arrival's trigger count is reached and the instances end. */
  duration: number | null;
  /** Instances that start before `start + warmup` are run but not counted. */
  warmup: number;
  baseTimeUnit: string;
  /** Milliseconds per base time unit. */
  baseTimeUnitMs: number;
  currency: string | null;
  arrivals: Arrival[];
  activities: Record<string, ActivityParameters>;
  /**
   * Catching element id (intermediate catch event, boundary event, receive task with a message or
   * signal) → the delay from the moment it starts waiting until its message or signal arrives
   * (BPSim `InterTriggerTimer` on the element), drawn per wait. ADR 0171.
   */
  catches: Record<string, TimeValue>;
  /**
   * Send tasks and message throw / end events that are jobs (element id → message name): the
   * simulator is their worker and sends the message when it completes the job (ADR 0175).
   */
  sends: Record<string, string>;
  /**
   * Case variables per start event (`PropertyParameters`), drawn for every case that starts
   * there: at its arrivals (`Arrival.variables`, the same list), at a timer start's fires, and
   * under the variables of the message or signal that starts it.
   */
  startVariables: Record<string, CaseVariable[]>;
  /** Global message and signal streams (ADR 0175). */
  streams: Stream[];
  /** Sequence flow id to probability, for splits simulated by probability instead of their conditions. */
  probabilities: Record<string, number>;
  resources: Record<string, ResourceParameters>;
  calendars: Record<string, WeeklyCalendar>;
  notSimulated: string[];
}
