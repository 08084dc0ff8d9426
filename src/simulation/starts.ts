import type { Variables } from '../engine';
import { startConditionHolds } from '../engine/behaviours/conditional-event';
import { firstDue, nextDue } from '../engine/timers';
import type { TimerSchedule } from '../engine/timers';
import { ScenarioError } from './bpsim/errors';
import { nextOpen } from './calendar';
import { sample } from './distributions';
import { timerStarts } from './model-starts';
import type { Post } from './post';
import type { Rng } from './random';
import type { Event, ReplicationOptions, SimInstance } from './replication-types';
import type { Arrival, Stream, TimeValue } from './scenario';

/** What the starts need of the replication. */
export interface StartDriver {
  now(): number;
  /** The end of the run (epoch ms), null without a Duration. */
  end: number | null;
  rng: Rng;
  options: ReplicationOptions;
  post: Post;
  /** Events still in the event list. */
  pending(): number;
  schedule(ev: Event): void;
  draw(t: TimeValue | null): number;
  startCase(startEventId: string, variables: Variables): SimInstance;
}

/**
 * Where cases and global triggers come from: the scenario's arrivals (`InterTriggerTimer` on a
 * start event; at a conditional start event only when its condition holds), the model's timer
 * start events without one (their own cycle, date or duration on the virtual clock), and the
 * global message and signal streams (ADR 0175).
 */
export class Starts {
  /** Stream triggers in the event list: they alone do not keep an endless stream going. */
  private triggersPending = 0;

  /** Start events with a conditional definition (an arrival there checks the condition). */
  private readonly conditional: ReadonlySet<string>;

  constructor(private readonly d: StartDriver) {
    this.conditional = new Set(d.options.process.startEvents.filter((n) => n.events.some((e) => e.kind === 'conditional')).map((n) => n.id));
  }

  /** Schedules the first arrival of each start, the first fire of each timer start and each stream's first trigger. */
  begin(): void {
    const { scenario: s, process, instances } = this.d.options;
    for (const a of s.arrivals) this.d.schedule({ t: this.arrivalTime(a, s.start), seq: 0, kind: 'arrival', arrival: a, n: 1 });
    for (const t of timerStarts(process, s, instances)) {
      const due = firstDue(t.schedule, s.start);
      if (due !== null) this.d.schedule({ t: due, seq: 0, kind: 'timerStart', elementId: t.elementId, schedule: t.schedule, n: 1 });
    }
    for (const stream of s.streams) {
      if (stream.triggerCount === null && this.d.end === null && this.d.post.startsCases(stream.kind, stream.name)) {
        throw new ScenarioError(`scenario ${s.id}, element ${stream.elementId}: its stream has no TriggerCount, the scenario no Duration, and each ${stream.kind} starts a case, so the run would never stop (give a TriggerCount or a Duration)`);
      }
      this.scheduleTrigger(stream, 1);
    }
  }

  arrive(a: Arrival, n: number): void {
    const o = this.d.options;
    const limit = o.instances ?? a.triggerCount;
    if (limit === null && this.d.end === null) throw new ScenarioError(`scenario ${o.scenario.id}, start event ${a.startEventId}: the scenario has neither a Duration nor a TriggerCount, so arrivals would never stop (pass --instances N)`);
    if (limit !== null && n > limit) return;
    const variables = this.drawn(a.startEventId);
    if (this.conditionHolds(a.startEventId, variables)) this.d.startCase(a.startEventId, variables);
    if (limit !== null && n >= limit) return; // no arrival event after the last: the run ends with its last completion
    const next = this.d.now() + this.d.draw(a.interArrival);
    this.d.schedule({ t: this.arrivalTime(a, next), seq: 0, kind: 'arrival', arrival: a, n: n + 1 });
  }

  /** A timer start event of the model fired (no InterTriggerTimer in the scenario): a case, and its next fire on the timer's schedule. */
  timerStart(elementId: string, schedule: TimerSchedule, n: number, due: number): void {
    const limit = this.d.options.instances;
    if (limit !== null && n > limit) return;
    this.d.startCase(elementId, this.drawn(elementId));
    const now = this.d.now();
    const next = nextDue(schedule, due, n, now);
    if (next !== null && (limit === null || n < limit)) this.d.schedule({ t: Math.max(now, next), seq: 0, kind: 'timerStart', elementId, schedule, n: n + 1 });
  }

  /** The case variables of a start event, drawn for one case. */
  drawn(startEventId: string): Variables {
    const variables: Variables = {};
    const list = this.d.options.scenario.startVariables[startEventId];
    if (list) for (const v of list) variables[v.name] = sample(v.dist, this.d.rng);
    return variables;
  }

  /**
   * A global stream's trigger (ADR 0175): a signal to everyone waiting, a message to the longest
   * waiting. Without a TriggerCount it goes on until the Duration ends or, without one, until
   * nothing but stream triggers is left to happen and no case waits for any endless stream
   * (one stream may bring a case to wait for another).
   */
  trigger(stream: Stream, n: number): void {
    const post = this.d.post;
    this.triggersPending--;
    if (stream.kind === 'signal') post.signal(stream.name, {}, 1);
    else post.message(stream.name, '', {}, 1, true);
    const more = stream.triggerCount !== null ? n < stream.triggerCount : this.d.end !== null || this.d.pending() > this.triggersPending || this.awaited();
    if (more) this.scheduleTrigger(stream, n + 1);
  }

  /** Some case waits for the message or signal of an endless stream. */
  private awaited(): boolean {
    return this.d.options.scenario.streams.some((s) => s.triggerCount === null && this.d.post.waiting(s.kind, s.name));
  }

  private scheduleTrigger(stream: Stream, n: number): void {
    this.triggersPending++;
    this.d.schedule({ t: this.d.now() + this.d.draw(stream.interTrigger), seq: 0, kind: 'stream', stream, n });
  }

  private arrivalTime(a: Arrival, t: number): number {
    return a.calendarId ? nextOpen(this.d.options.scenario.calendars[a.calendarId], t) : t;
  }

  /** An arrival at a conditional start event starts a case only when its condition holds for the drawn variables (as the host's `evaluateConditions`). */
  private conditionHolds(startEventId: string, variables: Variables): boolean {
    const node = this.conditional.has(startEventId) ? this.d.options.process.nodes.get(startEventId) : undefined;
    if (!node) return true;
    const outcome = startConditionHolds(node, variables, this.d.now());
    if ('error' in outcome) throw new ScenarioError(`scenario ${this.d.options.scenario.id}, start event ${startEventId}: ${outcome.error}`);
    return outcome.holds;
  }
}
