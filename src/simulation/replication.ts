import { dispatch, start } from '../engine';
import type { Command, InstanceState, Job, StepResult, Variables } from '../engine';
import type { CallEffect, Event, ReplicationOptions, SimInstance, Work } from './replication-types';
export type { ReplicationOptions } from './replication-types';
import { sampleNumber } from './distributions';
import { EventQueue } from './event-queue';
import { startsByName } from './model-starts';
import { Post } from './post';
import { heldWorkedMs, heldWorkEnd, nextShiftOfAll, Pool } from './resources';
import { CalendarError } from './calendar-error';
import { correlationKeys, sentMessage } from './sends';
import { Rng } from './random';
import type { ActivityParameters, TimeValue } from './scenario';
import { Starts } from './starts';
import { Summary } from './summary';
import { Timeline } from './timeline';
import { VisibleIds } from './visible-ids';

export type { LogEntry, ElementFigures, ReplicationResult, ReplicationProgress } from './results';
export { PROGRESS_EVERY } from './results';
import type { ElementFigures, ReplicationResult } from './results';
import { PROGRESS_EVERY } from './results';

/**
 * One replication: a discrete-event simulation on a virtual clock that drives the real engine
 * step. Events are ordered by time, then by the order they were scheduled, so the same inputs
 * give the same run. A finished instance's state is dropped at once.
 */
export function runReplication(o: ReplicationOptions): ReplicationResult {
  return new Replication(o).run();
}

class Replication {
  private readonly events = new EventQueue<Event>();
  private now: number;
  private readonly end: number | null;
  private readonly rng: Rng;
  private readonly pools = new Map<string, Pool<Work>>();
  private readonly poolList: Array<Pool<Work>> = [];
  private readonly live = new Map<string, SimInstance>();
  private readonly countFrom: number;
  private readonly r: ReplicationResult;
  private nextId = 0;
  /** Engine ids of finished cases, handed out again; scripts see case ids instead (see visible-ids.ts). */
  private readonly engineIds: string[] = [];
  private engineIdCount = 0;
  private readonly visible = new VisibleIds();
  private readonly ctx: ReplicationOptions['ctx'];
  private readonly timeline: Timeline;
  /** Messages and signals between cases (post.ts). */
  private readonly post: Post;
  /** Arrivals, timer start events and streams (starts.ts). */
  private readonly starts: Starts;

  constructor(private readonly o: ReplicationOptions) {
    const s = o.scenario;
    this.now = s.start;
    this.end = s.duration === null ? null : s.start + s.duration;
    this.countFrom = s.start + s.warmup;
    this.rng = new Rng(o.seed);
    this.ctx = this.visible.wrap(o.ctx);
    o.setRng(this.rng);
    const summary = (k: number) => new Summary(o.seed + k);
    this.r = {
      started: 0, completed: 0, inProgress: 0, incidents: {}, undelivered: {},
      cycleTime: summary(1), processingTime: summary(2), waitingTime: summary(3), idleTime: summary(4), cost: summary(5),
      elements: new Map(), resources: new Map(), executions: 0, endTime: s.start, log: [], timeline: [],
    };
    for (const res of Object.values(s.resources)) this.pools.set(res.id, new Pool<Work>(res, res.calendarId ? s.calendars[res.calendarId] : null));
    this.poolList.push(...this.pools.values());
    const roles = this.poolList.map((p) => ({ id: p.params.id, quantity: p.params.quantity, busy: () => p.params.quantity - p.free.length, queued: () => p.queue.size }));
    this.timeline = new Timeline(s.start, o.timelineIntervalMs ?? 60_000, roles);
    this.post = new Post({
      now: () => this.now,
      live: (inst) => this.live.get(inst.id) === inst,
      step: (inst, command) => this.step(inst, command),
      // A case a message or signal starts: the start event's case variables under the message's.
      startCase: (startEventId, variables) => this.startCase(startEventId, { ...this.starts.drawn(startEventId), ...variables }),
      cut: (what, reason) => { if (!(what in this.r.incidents)) this.r.incidents[what] = `not delivered: ${reason}`; },
      lost: (what) => { this.r.undelivered[what] = (this.r.undelivered[what] ?? 0) + 1; },
    }, startsByName(o.process, s.start), new Set([o.process.id, ...o.called.keys()]).size);
    this.starts = new Starts({
      now: () => this.now,
      end: this.end,
      rng: this.rng,
      options: o,
      post: this.post,
      pending: () => this.events.size,
      schedule: (ev) => this.schedule(ev),
      draw: (t) => this.draw(t),
      startCase: (startEventId, variables) => this.startCase(startEventId, variables),
    });
  }

  run(): ReplicationResult {
    const s = this.o.scenario;
    this.starts.begin();
    let n = 0;
    for (let ev = this.events.pop(); ev; ev = this.events.pop()) {
      if (this.end !== null && ev.t > this.end) break;
      if (this.stale(ev)) continue; // a canceled task's or a withdrawn timer's event must not stretch the run
      this.timeline.advance(ev.t);
      this.now = ev.t;
      this.handle(ev);
      if (this.o.onProgress && ++n % PROGRESS_EVERY === 0) this.progress();
    }
    const endTime = this.end ?? this.now;
    this.timeline.advance(endTime);
    this.r.timeline = this.timeline.samples;
    this.r.endTime = endTime;
    if (this.o.onProgress) this.progress();
    for (const inst of this.live.values()) if (inst.counted) this.r.inProgress++;
    for (const [id, pool] of this.pools) {
      const available = pool.availableMs(s.start, endTime);
      this.r.resources.set(id, { utilization: available > 0 ? pool.busyMs / available : 0, cost: pool.cost, busyMs: pool.busyMs });
    }
    return this.r;
  }

  private progress(): void {
    this.o.onProgress?.({ started: this.r.started, completed: this.r.completed, now: this.now, cycleTimeMean: this.r.cycleTime.mean });
  }

  private schedule(ev: Event): void {
    // Never: after a calendar has ended (RRULE UNTIL or COUNT) its work, wake-ups and arrivals do not come.
    if (ev.t === Infinity) return;
    this.events.push(ev, this.now);
  }

  private stale(ev: Event): boolean {
    if (ev.kind === 'enqueue' || ev.kind === 'workEnd' || ev.kind === 'complete') return ev.work.canceled;
    if (ev.kind === 'timer') return this.live.get(ev.instance.id) !== ev.instance || !ev.instance.state.timers[ev.key];
    if (ev.kind === 'call') return this.live.get(ev.instance.id) !== ev.instance;
    if (ev.kind === 'message' || ev.kind === 'signal') return this.live.get(ev.instance.id) !== ev.instance || !ev.instance.state.subscriptions[ev.key];
    return false;
  }

  private handle(ev: Event): void {
    switch (ev.kind) {
      case 'arrival': return this.starts.arrive(ev.arrival, ev.n);
      case 'timerStart': return this.starts.timerStart(ev.elementId, ev.schedule, ev.n, ev.t);
      case 'publish': return this.post.message(ev.name, ev.correlationKey, ev.variables, ev.depth);
      case 'broadcast': return this.post.signal(ev.name, ev.variables, ev.depth);
      case 'stream': return this.starts.trigger(ev.stream, ev.n);
      case 'enqueue': return this.enqueue(ev.work);
      case 'workEnd': return this.workEnd(ev.work);
      case 'complete': return this.complete(ev.work);
      case 'timer': {
        const inst = ev.instance;
        this.step(inst, { type: 'timerFired', timerKey: ev.key });
        return;
      }
      case 'message':
        this.step(ev.instance, { type: 'correlateMessage', subscriptionKey: ev.key });
        return;
      case 'signal':
        this.step(ev.instance, { type: 'signalReceived', subscriptionKey: ev.key });
        return;
      case 'wake':
        ev.pool.wakePending = false;
        return this.serveAll();
      case 'call':
        return this.call(ev.instance, ev.effect);
    }
  }

  /** A new case of the simulated process at a start event (`undefined`: its none start event). */
  private startCase(startEventId: string, variables: Variables): SimInstance {
    const id = `${++this.nextId}`;
    const counted = this.now >= this.countFrom;
    const engineId = this.engineIds.pop() ?? `${++this.engineIdCount}`;
    this.visible.set(engineId, id);
    const inst: SimInstance = { id, engineId, process: this.o.process, parent: null, children: new Map(), state: undefined as unknown as InstanceState, startedAt: this.now, counted, processing: 0, waiting: 0, idle: 0, cost: 0, entered: [], work: new Map() };
    if (counted) this.r.started++;
    this.live.set(id, inst);
    const at = startEventId === this.o.process.startNodeId ? undefined : startEventId;
    // startEventId always written (undefined: the none start): a conditional spread makes the options a dictionary-mode object, slow to read.
    const result = start(this.o.process, { instanceId: engineId, seed: this.rng.int(), now: this.now, variables, history: 'elements', startEventId: at }, this.ctx);
    this.absorb(inst, result);
    return inst;
  }

  private draw(t: TimeValue | null): number {
    if (!t) return 0;
    return Math.max(0, sampleNumber(t.dist, this.rng) * t.scale);
  }

  private step(inst: SimInstance, command: Command | { type: string; [k: string]: unknown }): void {
    this.absorb(inst, dispatch(inst.process, inst.state, command as never, this.ctx, { now: this.now, inPlace: true, history: 'elements' }));
  }

  /** Takes in a step's result: counts, work to do, timers, the end of the instance. */
  private absorb(inst: SimInstance, r: StepResult): void {
    inst.state = r.state;
    for (const h of r.history) {
      if (h.type === 'elementEntered') inst.entered[+h.elementInstanceId] = this.now;
      else if (h.type === 'elementCompleted' || h.type === 'elementTerminated') {
        if (h.type === 'elementTerminated') continue;
        const enteredAt = inst.entered[+h.elementInstanceId] ?? this.now;
        this.r.executions++;
        if (inst.counted) {
          const e = this.element(h.elementId);
          e.count++;
          e.duration.add((this.now - enteredAt) / 1000);
        }
      } else if (h.type === 'incidentRaised' && !(h.elementId in this.r.incidents)) this.r.incidents[h.elementId] = h.message;
    }
    for (const e of r.effects) {
      switch (e.type) {
        case 'jobCreated': this.newWork(inst, e.job.key, 'job', e.job.elementId); break;
        case 'userTaskCreated': this.newWork(inst, e.task.id, 'task', e.task.elementId); break;
        case 'jobCanceled': this.cancel(inst, e.jobKey); break;
        case 'userTaskCanceled': this.cancel(inst, e.taskId); break;
        case 'timerScheduled': this.schedule({ t: Math.max(this.now, e.timer.dueAt), seq: 0, kind: 'timer', instance: inst, key: e.timer.key }); break;
        case 'startChildInstance':
        case 'notifyParent':
        case 'errorToParent':
        case 'escalationToParent':
        case 'cancelChildInstance':
          // An answer goes to the parent, which must still be there when it is taken in (the child may be gone by then).
          if (e.type === 'startChildInstance' || e.type === 'cancelChildInstance') this.schedule({ t: this.now, seq: 0, kind: 'call', instance: inst, effect: e });
          else if (inst.parent) this.schedule({ t: this.now, seq: 0, kind: 'call', instance: inst.parent, effect: e });
          break;
        case 'subscriptionOpened': {
          const sub = e.subscription;
          this.post.opened(inst, sub);
          const delay = this.o.scenario.catches[sub.elementId];
          if (delay && (sub.kind === 'message' || sub.kind === 'signal')) this.schedule({ t: this.now + this.draw(delay), seq: 0, kind: sub.kind, instance: inst, key: sub.key });
          break;
        }
        case 'subscriptionClosed': this.post.closed(inst, e.key); break;
        // Delivered through the event list: the step that threw has not been taken in yet.
        case 'publishMessage': this.publish(inst, e.name, e.correlationKey ?? '', e.variables); break;
        case 'broadcastSignal': {
          const depth = this.post.admit(inst, `signal ${e.name}`);
          if (depth !== null) this.schedule({ t: this.now, seq: 0, kind: 'broadcast', name: e.name, variables: e.variables, depth });
          break;
        }
        default: break;
      }
    }
    const continuations = inst.state.continuations;
    if (continuations) for (const key in continuations) if (!inst.work.has(key)) this.newWork(inst, key, 'async', continuations[key].elementId);
    if (inst.state.status !== 'active') this.finish(inst);
  }

  private element(id: string): ElementFigures {
    let e = this.r.elements.get(id);
    if (!e) {
      const k = this.r.elements.size * 3 + 10;
      e = { count: 0, duration: new Summary(this.o.seed + k), waiting: new Summary(this.o.seed + k + 1), cost: new Summary(this.o.seed + k + 2) };
      this.r.elements.set(id, e);
    }
    return e;
  }

  private newWork(inst: SimInstance, key: string, kind: Work['kind'], elementId: string): void {
    const params = this.o.scenario.activities[elementId] ?? null;
    const w: Work = { instance: inst, key, kind, elementId, params, units: [], priority: params?.priority ?? 0, enabledAt: this.now, seq: 0, canceled: false, startedAt: this.now, workMs: 0, cost: 0 };
    inst.work.set(key, w);
    // Through the event list, not at once: the step that created the work has not been taken in yet.
    this.schedule({ t: this.now, seq: 0, kind: 'enqueue', work: w });
  }

  private cancel(inst: SimInstance, key: string): void {
    const w = inst.work.get(key);
    if (!w) return;
    w.canceled = true;
    inst.work.delete(key);
    // Paid for the work done, not for pauses outside the held roles' calendars.
    if (w.units.length > 0) this.release(w, Math.min(w.workMs, heldWorkedMs(w.units.map((u) => u[0]), w.startedAt, this.now)));
  }

  private enqueue(w: Work): void {
    if (w.canceled) return;
    const req = w.params?.resources ?? [];
    if (req.length === 0) return this.begin(w);
    (this.pools.get(req[0].role) as Pool<Work>).queue.push(w);
    this.serveAll();
  }

  /** Starts what can start: the head of each role's queue, while its roles have free units on shift. */
  private serveAll(): void {
    // An array, not the Map's iterator, and a loop, not a closure per check: this runs at every
    // enqueue and every release.
    const pools = this.poolList;
    for (let i = 0; i < pools.length; i++) {
      const pool = pools[i];
      for (let w = pool.queue.peek(); w; w = pool.queue.peek()) {
        if (w.canceled) {
          pool.queue.pop();
          continue;
        }
        const req = (w.params as ActivityParameters).resources;
        const blocked = this.blockedBy(req);
        if (blocked) {
          if (!blocked.onShift(this.now) && !blocked.wakePending) {
            blocked.wakePending = true;
            this.schedule({ t: req.length === 1 ? blocked.nextShift(this.now) : this.jointShift(w, req), seq: 0, kind: 'wake', pool: blocked });
          }
          break;
        }
        pool.queue.pop();
        for (const r of req) {
          const p = this.pools.get(r.role) as Pool<Work>;
          w.units.push([p, p.free.splice(p.free.length - r.quantity, r.quantity)]);
        }
        this.begin(w);
      }
    }
  }

  /** When all the roles `w` needs are next on shift together (an error naming the task if never within a year). */
  private jointShift(w: Work, req: ActivityParameters['resources']): number {
    try {
      return nextShiftOfAll(req.map((r) => this.pools.get(r.role) as Pool<Work>), this.now);
    } catch (e) {
      if (e instanceof CalendarError) throw new CalendarError(`task ${w.elementId}: ${e.message}`);
      throw e;
    }
  }

  /** The first role of `req` without enough free units on shift now, or null. */
  private blockedBy(req: ActivityParameters['resources']): Pool<Work> | null {
    for (let i = 0; i < req.length; i++) {
      const p = this.pools.get(req[i].role) as Pool<Work>;
      if (p.free.length < req[i].quantity || !p.onShift(this.now)) return p;
    }
    return null;
  }

  private begin(w: Work): void {
    const inst = w.instance;
    const waited = this.now - w.enabledAt;
    w.startedAt = this.now;
    w.workMs = this.draw(w.params?.setup ?? null) + this.draw(w.params?.processing ?? null);
    const held = w.units.length;
    const end = held === 0 ? this.now + w.workMs : held === 1 ? w.units[0][0].workEnd(this.now, w.workMs) : heldWorkEnd(w.units.map((u) => u[0]), this.now, w.workMs);
    inst.waiting += waited;
    inst.processing += w.workMs;
    inst.idle += Math.max(0, end - this.now - w.workMs); // float rounding of the shift arithmetic never makes it negative
    if (inst.counted) this.element(w.elementId).waiting.add(waited / 1000);
    this.schedule({ t: end, seq: 0, kind: 'workEnd', work: w });
  }

  private release(w: Work, busyMs: number): void {
    for (const [pool, units] of w.units) {
      pool.free.push(...units);
      pool.busyMs += busyMs * units.length;
      const c = (busyMs / this.o.scenario.baseTimeUnitMs) * units.length * pool.params.unitCost;
      pool.cost += c;
      w.cost += c;
    }
    w.units = [];
    this.serveAll();
  }

  private workEnd(w: Work): void {
    if (w.canceled) return;
    const logged = this.o.log && w.instance.counted;
    const resourceNames = logged ? w.units.flatMap(([pool, units]) => units.map((u) => pool.unitName(u))).join(';') : '';
    if (w.units.length > 0) this.release(w, w.workMs);
    if (logged) {
      this.r.log.push({ caseId: w.instance.id, activity: w.instance.process.nodes.get(w.elementId)?.name ?? w.elementId, enableTime: w.enabledAt, startTime: w.startedAt, endTime: this.now, resource: resourceNames });
    }
    this.schedule({ t: this.now + this.draw(w.params?.wait ?? null), seq: 0, kind: 'complete', work: w });
  }

  private complete(w: Work): void {
    const inst = w.instance;
    if (w.canceled || this.live.get(inst.id) !== inst) return;
    inst.work.delete(w.key);
    if (w.params) w.cost += w.params.fixedCost + (w.workMs / this.o.scenario.baseTimeUnitMs) * w.params.unitCost;
    inst.cost += w.cost;
    if (inst.counted && w.params) this.element(w.elementId).cost.add(w.cost);
    const s = inst.state;
    if (w.kind === 'job' && s.jobs[w.key]) {
      const sent = this.o.scenario.sends[w.elementId];
      if (sent !== undefined) this.send(inst, s.jobs[w.key], sent);
      this.step(inst, { type: 'completeJob', jobKey: w.key });
    }
    else if (w.kind === 'task' && s.tasks[w.key]) this.step(inst, { type: 'completeUserTask', taskId: w.key });
    else if (w.kind === 'async' && s.continuations?.[w.key]) this.step(inst, { type: 'continueAsync', key: w.key });
  }

  /** A send task's (or a message throw job's) message, sent by the simulator as its worker (sends.ts). */
  private send(inst: SimInstance, job: Job, name: string): void {
    const m = sentMessage(inst.state, job, correlationKeys(inst.process).get(name), this.now);
    if ('error' in m) {
      if (!(job.elementId in this.r.incidents)) this.r.incidents[job.elementId] = `message ${name} not sent: ${m.error}`;
      return;
    }
    this.publish(inst, name, m.correlationKey, m.variables);
  }

  private publish(inst: SimInstance, name: string, correlationKey: string, variables: Variables): void {
    const depth = this.post.admit(inst, `message ${name}`);
    if (depth !== null) this.schedule({ t: this.now, seq: 0, kind: 'publish', name, correlationKey, variables, depth });
  }

  /**
   * Call activities: a child instance of the called process runs like a case of its own (its
   * tasks queue for the same roles), is not counted as a case, and adds its times and costs to
   * its parent's; its answer goes back to the parent as the host would send it.
   */
  private call(inst: SimInstance, e: CallEffect): void {
    if (e.type === 'startChildInstance') {
      const process = this.o.called.get(e.processId);
      if (!process) {
        this.step(inst, { type: 'childCanceled', elementInstanceId: e.parentElementInstanceId, reason: `process ${e.processId} is not in the simulated model` });
        return;
      }
      const child: SimInstance = {
        // Named by the parent's step after the parent's engine id (`3-call-1`); its own id is the same
        // under its parent's (`17-call-1`), so case ids count cases only, in the order they arrive.
        id: `${inst.id}${e.childInstanceId.slice(inst.engineId.length)}`, engineId: e.childInstanceId, process, parent: inst, children: new Map(), state: undefined as unknown as InstanceState,
        startedAt: this.now, counted: inst.counted, processing: 0, waiting: 0, idle: 0, cost: 0, entered: [], work: new Map(),
      };
      this.live.set(child.id, child);
      inst.children.set(child.engineId, child);
      this.visible.set(child.engineId, child.id);
      const parent = { instanceId: inst.engineId, elementInstanceId: e.parentElementInstanceId };
      this.absorb(child, start(process, { instanceId: child.engineId, parent, callDepth: e.callDepth, businessKey: e.businessKey, variables: e.variables, seed: this.rng.int(), now: this.now, history: 'elements' }, this.ctx));
    } else if (e.type === 'cancelChildInstance') {
      const child = e.childInstanceId === null ? undefined : inst.children.get(e.childInstanceId);
      if (child) this.drop(child);
    } else {
      const parent = inst; // answers are scheduled on the parent
      if (parent.state.status !== 'active') return;
      if (e.type === 'notifyParent') this.step(parent, { type: 'childCompleted', elementInstanceId: e.parentElementInstanceId, variables: e.variables });
      else if (e.type === 'errorToParent') this.step(parent, { type: 'childError', elementInstanceId: e.parentElementInstanceId, errorCode: e.errorCode, errorMessage: e.errorMessage, variables: e.variables });
      else this.step(parent, { type: 'childEscalation', elementInstanceId: e.parentElementInstanceId, escalationCode: e.escalationCode });
    }
  }

  /** Ends a child its parent no longer waits for, with its own children; its work is canceled. */
  private drop(inst: SimInstance): void {
    for (const c of inst.children.values()) this.drop(c);
    this.live.delete(inst.id);
    this.post.forget(inst);
    this.visible.delete(inst.engineId);
    for (const w of inst.work.values()) this.cancel(inst, w.key);
    inst.parent?.children.delete(inst.engineId);
  }

  private finish(inst: SimInstance): void {
    this.live.delete(inst.id);
    this.post.forget(inst);
    this.visible.delete(inst.engineId);
    for (const w of inst.work.values()) this.cancel(inst, w.key);
    for (const c of inst.children.values()) this.drop(c);
    const parent = inst.parent;
    if (parent) {
      // A child: its times and costs are its parent's; its engine id is the parent's to name.
      parent.children.delete(inst.engineId);
      parent.processing += inst.processing;
      parent.waiting += inst.waiting;
      parent.idle += inst.idle;
      parent.cost += inst.cost;
      return;
    }
    this.engineIds.push(inst.engineId);
    if (!inst.counted || inst.state.status !== 'completed') return;
    this.r.completed++;
    this.r.cycleTime.add((this.now - inst.startedAt) / 1000);
    this.r.processingTime.add(inst.processing / 1000);
    this.r.waitingTime.add(inst.waiting / 1000);
    this.r.idleTime.add(inst.idle / 1000);
    this.r.cost.add(inst.cost);
  }
}
