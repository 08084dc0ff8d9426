import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { ExecutableProcess, InstanceState } from '../index';
import { compileDeployment } from '../compile-deployment';
import { parseBpmn } from '../model/parse';
import { activeElementIds, openTasks } from '../runtime/queries';
import { testFeel } from '../test-support/feel';
import { compileXml, fixture, roundTrip, testContext } from '../test-support/harness';
import { testHost } from '../test-support/host';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;
const load = async (id: string) => (await compileXml(fixture(import.meta.url, 'timer-event.bpmn'))).get(id) as ExecutableProcess;
const ctx = () => testContext();
const fire = (p: ExecutableProcess, s: InstanceState, now: number, key = Object.keys(s.timers)[0]) =>
  dispatch(p, roundTrip(s), { type: 'timerFired', timerKey: key, dueAt: s.timers[key].dueAt }, ctx(), { now });

describe('timer events', () => {
  it('given an intermediate duration timer and a FEEL date timer, when each comes due, then the token moves on; never before', async () => {
    const p = await load('wait');
    const s0 = roundTrip(start(p, { instanceId: 'pi', now: T0, variables: { deadline: '2026-01-01T12:00:00Z' } }, ctx()).state);
    expect(Object.values(s0.timers)).toMatchObject([{ elementId: 'tenMinutes', dueAt: T0 + 10 * MIN, fired: 0 }]);
    expect(() => fire(p, s0, T0 + 10 * MIN - 1)).toThrow(/not due before/);
    const s1 = fire(p, s0, T0 + 10 * MIN).state;
    expect(activeElementIds(s1)).toEqual(['until']);
    expect(Object.values(s1.timers)).toMatchObject([{ elementId: 'until', dueAt: Date.UTC(2026, 0, 1, 12) }]);
    const s2 = fire(p, s1, Date.UTC(2026, 0, 1, 12)).state;
    expect(s2.status).toBe('completed');
    expect(s2.timers).toEqual({});
  });

  it('given a fired timer, when the same due time fires again, then it is refused (each due time fires once)', async () => {
    const p = await load('wait');
    const s0 = start(p, { instanceId: 'pi', now: T0, variables: { deadline: '2027-01-01T00:00:00Z' } }, ctx()).state;
    const key = Object.keys(s0.timers)[0];
    const s1 = fire(p, s0, T0 + 10 * MIN).state;
    expect(() => dispatch(p, s1, { type: 'timerFired', timerKey: key, dueAt: T0 + 10 * MIN }, ctx(), { now: T0 + 20 * MIN })).toThrow(/no timer/);
  });

  it('given a FEEL timer that does not evaluate to a date, when entered, then an incident names the element; fixing and resolving starts the timer', async () => {
    const p = await load('wait');
    const s0 = start(p, { instanceId: 'pi', now: T0, variables: { deadline: 'soon' } }, ctx()).state;
    const s1 = roundTrip(fire(p, s0, T0 + 10 * MIN).state);
    const [incident] = Object.values(s1.incidents);
    expect(incident).toMatchObject({ type: 'extract', elementId: 'until' });
    expect(incident.message).toMatch(/until: timeDate 'soon'/);
    const s2 = dispatch(p, s1, { type: 'setVariables', variables: { deadline: '2026-02-01T00:00:00Z' } }, ctx(), { now: T0 + HOUR });
    const s3 = dispatch(p, s2.state, { type: 'resolveIncident', incidentId: incident.id }, ctx(), { now: T0 + HOUR }).state;
    expect(Object.values(s3.timers)).toMatchObject([{ elementId: 'until', dueAt: Date.UTC(2026, 1, 1) }]);
  });

  it('given a non-interrupting R3/PT1H boundary and an interrupting duration boundary, when time passes, then the reminder fires three times and the give-up ends the task', async () => {
    const p = await load('escalate');
    let s = roundTrip(start(p, { instanceId: 'pi', now: T0, variables: { patience: 'PT5H' } }, ctx()).state);
    expect(Object.values(s.timers).map((t) => [t.elementId, t.dueAt - T0])).toEqual([['remind', HOUR], ['giveUp', 5 * HOUR]]);
    for (let i = 1; i <= 3; i++) {
      const remindKey = Object.keys(s.timers).find((k) => s.timers[k].elementId === 'remind') as string;
      s = fire(p, s, T0 + i * HOUR, remindKey).state;
      expect(s.path.filter((id) => id === 'reminded')).toHaveLength(i);
      expect(activeElementIds(s)).toEqual(['review']);
    }
    expect(Object.values(s.timers).map((t) => t.elementId)).toEqual(['giveUp']);
    s = fire(p, s, T0 + 5 * HOUR).state;
    expect(s.status).toBe('completed');
    expect(s.path).toContain('e_timeout');
    expect(s.tasks).toEqual({});
  });

  it('given the task completes first, when it leaves, then its boundary timers are withdrawn', async () => {
    const p = await load('escalate');
    const s0 = start(p, { instanceId: 'pi', now: T0, variables: { patience: 'PT5H' } }, ctx());
    expect(s0.effects.filter((e) => e.type === 'timerScheduled')).toHaveLength(2);
    const r = dispatch(p, roundTrip(s0.state), { type: 'completeUserTask', taskId: openTasks(s0.state)[0].id }, ctx(), { now: T0 + MIN });
    expect(r.state.status).toBe('completed');
    expect(r.state.timers).toEqual({});
    expect(r.effects.filter((e) => e.type === 'timerCanceled')).toHaveLength(2);
  });

  it('given timer event subprocesses, when time passes, then the non-interrupting one runs every 30 minutes beside the work and the interrupting one ends it', async () => {
    const p = await load('watchdog');
    let s = roundTrip(start(p, { instanceId: 'pi', now: T0 }, ctx()).state);
    const at = (id: string) => Object.keys(s.timers).find((k) => s.timers[k].elementId === id) as string;
    s = fire(p, s, T0 + 30 * MIN, at('ping')).state;
    s = fire(p, s, T0 + 60 * MIN, at('ping')).state;
    expect(s.path.filter((id) => id === 'pinged')).toHaveLength(2);
    expect(activeElementIds(s)).toEqual(['work']);
    s = fire(p, s, T0 + 2 * HOUR, at('expired')).state;
    expect(activeElementIds(s)).toEqual(['cleanUp', 'expire']);
    // the interrupting start withdrew the other event subprocess's timer; the work was terminated
    expect(s.timers).toEqual({});
    expect(openTasks(s).map((t) => t.elementId)).toEqual(['cleanUp']);
    s = dispatch(p, roundTrip(s), { type: 'completeUserTask', taskId: openTasks(s)[0].id }, ctx(), { now: T0 + 3 * HOUR }).state;
    expect(s.status).toBe('completed');
  });

  it('given a cycle on an interrupting boundary, a cycle on a catch event and a duration on a start event, when compiled, then each is an error naming the element', async () => {
    const xml = fixture(import.meta.url, 'timer-event.bpmn')
      .replace('cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle', '><bpmn:timerEventDefinition><bpmn:timeCycle')
      .replace('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT10M</bpmn:timeDuration>', '<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1M</bpmn:timeCycle>')
      .replace('<bpmn:userTask id="work" />', '<bpmn:userTask id="work" />\n<bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>');
    const { definitions } = await parseBpmn(xml);
    const { errors } = compileDeployment(definitions, { expressions: testFeel });
    expect(errors.map((e) => [e.elementId, e.message])).toEqual([
      ['tenMinutes', 'a timeCycle is not allowed on an intermediate timer catch event (allowed: timeDate, timeDuration)'],
      ['remind', 'a timeCycle is not allowed on an interrupting timer boundary event (allowed: timeDate, timeDuration)'],
      ['tick', 'a timeDuration is not allowed on a timer start event of a process (allowed: timeDate, timeCycle)'],
    ]);
  });
});

describe('timers on the host (virtual clock)', () => {
  it('given timers of several instances, when the clock advances past them, then each fires once, in due order, at its own due time', async () => {
    const t = await testHost([fixture(import.meta.url, 'timer-event.bpmn')]);
    const a = await t.host.startInstance('wait', { variables: { deadline: '2026-01-01T00:30:00Z' } });
    t.clock.advance(5 * MIN);
    const b = await t.host.startInstance('wait', { variables: { deadline: '2026-01-01T00:20:00Z' } });
    expect(t.host.timers.nextDueAt()).toBe(T0 + 10 * MIN);
    expect(await t.host.timers.advance(HOUR)).toBe(4);
    expect((await t.state(a.instanceId)).status).toBe('completed');
    expect((await t.state(b.instanceId)).status).toBe('completed');
    const fires = (await t.history(a.instanceId)).concat(await t.history(b.instanceId)).filter((h) => h.type === 'eventTriggered').map((h) => [h.instanceId === a.instanceId ? 'a' : 'b', h.time - T0]);
    expect(fires.sort((x, y) => x[1] as number - (y[1] as number))).toEqual([['a', 10 * MIN], ['b', 15 * MIN], ['b', 20 * MIN], ['a', 30 * MIN]]);
    expect(t.clock.now()).toBe(T0 + 5 * MIN + HOUR);
    expect(t.host.timers.nextDueAt()).toBeNull();
  });

  it('given a host that was down while timers came due, when a new host starts on the same store, then every overdue timer fires once', async () => {
    const t = await testHost([fixture(import.meta.url, 'timer-event.bpmn')]);
    const pi = await t.host.startInstance('escalate', { variables: { patience: 'PT5H' } });
    // The host goes away; ten hours later another host opens the same store.
    t.clock.advance(10 * HOUR);
    const { EngineHost } = await import('../../host/engine-host');
    const again = await EngineHost.create({ store: t.store, clock: t.clock, expressions: testFeel });
    expect(again.timers.nextDueAt()).toBe(T0 + HOUR);
    expect(await again.timers.runDue()).toBe(2);
    const state = await again.getInstance(pi.instanceId);
    // The cycle fired once for its overdue due time (and waits for the next), the give-up ended the task.
    expect(state?.status).toBe('completed');
    expect(state?.path.filter((id) => id === 'reminded')).toHaveLength(1);
    expect(await again.timers.runDue()).toBe(0);
  });

  it('given a timer start event R2 from 01:00, when deployed and time passes, then it starts two instances at 01:00 and 02:00 and no more; a new version replaces it', async () => {
    const t = await testHost([fixture(import.meta.url, 'timer-start.bpmn')]);
    expect(t.host.timers.nextDueAt()).toBe(T0 + HOUR);
    await t.host.timers.advance(3 * HOUR);
    const started = (await t.all()).filter((s) => s.processId === 'hourly');
    expect(started.map((s) => s.startedAt - T0)).toEqual([HOUR, 2 * HOUR]);
    expect(started.every((s) => s.path[0] === 'tick')).toBe(true);
    expect(t.host.timers.nextDueAt()).toBeNull();
    const v2 = fixture(import.meta.url, 'timer-start.bpmn').replace('R2/2026-01-01T01:00:00Z/PT1H', 'R/PT15M');
    await t.host.deploy(v2);
    expect(t.host.timers.nextDueAt()).toBe(T0 + 3 * HOUR + 15 * MIN);
    await t.host.timers.advance(HOUR);
    const v2Instances = (await t.all()).filter((s) => s.processId === 'hourly' && s.processVersion === 2);
    expect(v2Instances).toHaveLength(4);
  });
});
