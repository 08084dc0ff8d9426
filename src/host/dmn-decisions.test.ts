import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdGenerator } from '../engine';
import { CountingIds, ManualClock, UniqueIds } from './clocks';
import { DmnDecisions, DmnDeployError } from './dmn-decisions';
import { EngineHost } from './engine-host';
import { FeelExpressions } from './feel-expressions';
import { MemoryStore } from './memory-store';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const DISCOUNT = fixture('discount.dmn');

describe('DmnDecisions', () => {
  it('given a deployed table, when evaluated, then the first matching rule gives the JSON result and the audit names it', async () => {
    const decisions = new DmnDecisions();
    expect(await decisions.deploy(DISCOUNT)).toEqual({ versions: { discount: 1 }, warnings: [] });
    const gold = decisions.evaluate('discount', { tier: 'gold', amount: 150 }, 0);
    expect(gold).toMatchObject({ ok: true, result: 0.1 });
    expect(JSON.stringify((gold as { audit: unknown }).audit)).toContain('"id":"R1"');
    expect(decisions.evaluate('discount', { tier: 'gold', amount: 50 }, 0)).toMatchObject({ ok: true, result: 0.05 });
    expect(decisions.evaluate('Discount', { tier: 'silver', amount: 500 }, 0)).toMatchObject({ ok: true, result: 0 });
  });

  it('given two deployments, then versions count up and the latest is evaluated', async () => {
    const decisions = new DmnDecisions();
    await decisions.deploy(DISCOUNT);
    await decisions.deploy(DISCOUNT.replace('<text>0.1</text>', '<text>0.2</text>'));
    expect(decisions.versionsOf('discount')).toEqual([1, 2]);
    expect(decisions.evaluate('discount', { tier: 'gold', amount: 150 }, 0)).toMatchObject({ ok: true, result: 0.2 });
  });

  it('given versions with version tags, when a business rule task binds latest, a version tag or deployment, then it gets that version or an incident saying why', async () => {
    const tagged = (tag: string, rate: string) => DISCOUNT.replace('<decision id="discount" name="Discount">', `<decision id="discount" name="Discount"><extensionElements><zeebe:versionTag xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" value="${tag}"/></extensionElements>`).replace('<text>0.1</text>', `<text>${rate}</text>`);
    const host = await EngineHost.create({ store: new MemoryStore(), clock: new ManualClock(0), expressions: new FeelExpressions(), ids: new CountingIds(), decisions: new DmnDecisions() });
    await host.deployDmn(tagged('v1', '0.1'), 'discount.dmn');
    await host.deployDmn(tagged('v2', '0.2'), 'discount.dmn');
    const bound = (attrs: string) => fixture('pricing.bpmn').replace('resultVariable="discount"', `resultVariable="discount" ${attrs}`);
    const run = async (attrs: string) => {
      await host.deploy(bound(attrs));
      return host.startInstance('pricing', { variables: { tier: 'gold', amount: 150 } });
    };
    expect((await run('')).variables['discount']).toBe(0.2);
    expect((await run('bindingType="latest"')).variables['discount']).toBe(0.2);
    expect((await run('bindingType="versionTag" versionTag="v1"')).variables['discount']).toBe(0.1);
    // Hot redeploy: the next evaluation of the tag takes the newest version carrying it.
    await host.deployDmn(tagged('v1', '0.15'), 'discount.dmn');
    expect((await run('bindingType="versionTag" versionTag="v1"')).variables['discount']).toBe(0.15);
    const missing = await run('bindingType="versionTag" versionTag="v9"');
    expect(missing.status).toBe('active');
    expect(JSON.stringify(missing)).toMatch(/no deployed version of discount has version tag 'v9' \(tags: v1, v2\)/);
    // Deployed on its own, the process version has no decision version bound to it.
    expect(JSON.stringify(await run('bindingType="deployment"'))).toMatch(/decision discount was not deployed together with process pricing version \d+ \(bindingType deployment\)/);
    await expect(host.deploy(bound('bindingType="versionTag"'))).rejects.toThrow(/bindingType="versionTag" has no versionTag/);
  });

  it('given decision versions bound to a process version, when a deployment binding evaluates, then it gets the bound version, not the latest', async () => {
    const decisions = new DmnDecisions();
    await decisions.deploy(DISCOUNT);
    await decisions.deploy(DISCOUNT.replace('<text>0.1</text>', '<text>0.2</text>'));
    decisions.bindDeployment('pricing', 3, { discount: 1 });
    const inputs = { tier: 'gold', amount: 150 };
    expect(decisions.evaluate('discount', inputs, 0, { type: 'deployment', process: { id: 'pricing', version: 3 } })).toMatchObject({ ok: true, result: 0.1 });
    expect(decisions.evaluate('discount', inputs, 0)).toMatchObject({ ok: true, result: 0.2 });
    expect(decisions.evaluate('discount', inputs, 0, { type: 'deployment', process: { id: 'pricing', version: 4 } }))
      .toMatchObject({ ok: false, error: expect.stringMatching(/not deployed together with process pricing version 4/) });
    expect(decisions.evaluate('discount', inputs, 0, { type: 'deployment' })).toMatchObject({ ok: false, error: expect.stringMatching(/needs the calling process version/) });
  });

  it('given a process deployed together with its DMN file, when a task binds deployment, then it evaluates that version after a newer one and after a restart; a broken DMN refuses the whole deploy', async () => {
    const store = new MemoryStore();
    const options = () => ({ store, clock: new ManualClock(0), expressions: new FeelExpressions(), ids: new UniqueIds(), decisions: new DmnDecisions() });
    const host = await EngineHost.create(options());
    const bpmn = fixture('pricing.bpmn').replace('resultVariable="discount"', 'resultVariable="discount" bindingType="deployment"');
    const deployed = await host.deploy(bpmn, 'pricing.bpmn', { decisions: [{ xml: DISCOUNT, name: 'discount.dmn' }] });
    await host.deployDmn(DISCOUNT.replace('<text>0.1</text>', '<text>0.2</text>'), 'discount.dmn');
    const inputs = { variables: { tier: 'gold', amount: 150 } };
    expect((await host.startInstance('pricing', inputs)).variables['discount']).toBe(0.1);
    const records = await store.listDeployments();
    expect(records.filter((r) => r.bundle !== undefined).map((r) => r.kind)).toEqual(['dmn', 'bpmn']);
    const restarted = await EngineHost.create(options());
    expect((await restarted.startInstance('pricing', inputs)).variables['discount']).toBe(0.1);
    await expect(restarted.deploy(bpmn, 'pricing.bpmn', { decisions: [{ xml: '<definitions/>', name: 'broken.dmn' }] })).rejects.toThrow(/broken\.dmn: not a DMN file/);
    expect(await store.listDeployments()).toHaveLength(records.length);
    expect(deployed.processes[0]).toMatchObject({ id: 'pricing', version: 1 });
  });

  it('given an unknown decision or bad XML, then errors say so', async () => {
    const decisions = new DmnDecisions();
    expect(decisions.evaluate('discount', {}, 0)).toEqual({ ok: false, error: 'not deployed' });
    await expect(decisions.deploy('<definitions/>')).rejects.toThrow(DmnDeployError);
  });

  it('given a host with DMN deployed, when a business rule task runs, then its result variable holds the decision; a restart redeploys it', async () => {
    const store = new MemoryStore();
    const options = (ids: IdGenerator = new CountingIds()) => ({ store, clock: new ManualClock(0), expressions: new FeelExpressions(), ids, decisions: new DmnDecisions() });
    const host = await EngineHost.create(options());
    expect((await host.deployDmn(DISCOUNT, 'discount.dmn')).decisions).toEqual({ discount: 1 });
    await host.deploy(fixture('pricing.bpmn'));
    const pi = await host.startInstance('pricing', { variables: { tier: 'gold', amount: 150 } });
    expect(pi).toMatchObject({ status: 'completed', variables: { discount: 0.1 } });
    // The restarted host must not hand out instance-1 again: the store refuses to overwrite a stored instance (a conflict).
    const restarted = await EngineHost.create(options(new UniqueIds()));
    expect((await restarted.startInstance('pricing', { variables: { tier: 'gold', amount: 10 } })).variables.discount).toBe(0.05);
  });

  it('given a decision that is missing, then the business rule task gets an incident', async () => {
    const host = await EngineHost.create({ store: new MemoryStore(), clock: new ManualClock(0), expressions: new FeelExpressions(), decisions: new DmnDecisions() });
    await host.deploy(fixture('pricing.bpmn'));
    const pi = await host.startInstance('pricing', { variables: { tier: 'gold', amount: 150 } });
    expect(await host.listIncidents({ instanceId: pi.instanceId })).toMatchObject([{ elementId: 'Decide', type: 'decision', message: expect.stringContaining('not deployed') }]);
  });

  it('given a model that would mislead, when deployed, then DmnDeployError lists every error with the element id and the rule', async () => {
    const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:m" name="Misleading" id="m">
      <decision id="a" name="A"><informationRequirement><requiredDecision href="#b"/></informationRequirement><literalExpression><text>B</text></literalExpression></decision>
      <decision id="b" name="B"><informationRequirement><requiredDecision href="#a"/></informationRequirement><literalExpression><text>A</text></literalExpression></decision>
      <decision id="c" name="C"><informationRequirement><requiredDecision href="#nowhere"/></informationRequirement><literalExpression><text>1</text></literalExpression></decision>
      <decision id="c" name="C again"><literalExpression><text>2</text></literalExpression></decision>
      <decision id="t" name="T"><decisionTable id="dt"><input id="i1"><inputExpression><text>x</text></inputExpression></input><output id="o1" name="r"/>
        <rule id="r7"><inputEntry><text>[1..</text></inputEntry><outputEntry><text>1</text></outputEntry></rule></decisionTable></decision>
    </definitions>`;
    const decisions = new DmnDecisions();
    const error = await decisions.deploy(xml).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmnDeployError);
    const message = (error as Error).message;
    expect(message).toMatch(/^the DMN model 'Misleading' has 4 errors:/);
    expect(message).toContain("c/requirement: '#nowhere' names no element of the loaded models");
    expect(message).toContain("c/decision: duplicate id 'c'");
    expect(message).toMatch(/requirement: requirement cycle: (a -> b -> a|b -> a -> b)/);
    expect(message).toMatch(/t\/decisionTable dt > rule r7 > inputEntry 1: FEEL syntax error/);
    expect((error as DmnDeployError).problems.map((p) => p.decisionId).sort()).toEqual(['a', 'c', 'c', 't']);
    expect(decisions.versionsOf('t')).toEqual([]);
  });

  it('given a decision whose BKM recurses exponentially, when evaluated, then the outcome is a failure naming the budget, the decision and the element', async () => {
    const decisions = new DmnDecisions({ limits: { maxSteps: 20_000 } });
    await decisions.deploy(fixture('hostile.dmn'));
    expect(decisions.evaluate('explode', { n: 5 }, 0)).toMatchObject({ ok: true, result: 32 });
    expect(decisions.evaluate('explode', { n: 40 }, 0)).toEqual({
      ok: false,
      error: "FEEL evaluation exceeded 20,000 steps at business knowledge model 'doubling', encapsulatedLogic > function body",
    });
  });

  it('given an input context nested 5,000 deep, then the outcome is a failure naming the input, not a RangeError', async () => {
    const decisions = new DmnDecisions();
    await decisions.deploy(DISCOUNT);
    let deep: unknown = 'gold';
    for (let i = 0; i < 5000; i++) deep = { tier: deep };
    expect(decisions.evaluate('discount', { tier: deep, amount: 1 }, 0)).toEqual({ ok: false, error: "variable 'tier' is nested deeper than 1,000 levels" });
  });

  it('given a decision whose quantifier cannot iterate, when a process routes on it, then the gateway gets an incident instead of a plausible false', async () => {
    const decisions = new DmnDecisions({ limits: { maxSteps: 20_000 } });
    const host = await EngineHost.create({ store: new MemoryStore(), clock: new ManualClock(0), expressions: new FeelExpressions(), ids: new CountingIds(), decisions });
    await host.deployDmn(fixture('hostile.dmn'), 'hostile.dmn');
    await host.deploy(fixture('hostile-decision.bpmn'));
    const refused = decisions.evaluate('refused', { n: 5 }, 0);
    expect(refused).toMatchObject({ ok: true, result: null, audit: { warnings: ['cannot iterate over an unbounded range'] } });
    const pi = await host.startInstance('hostileDecision', { variables: { decision: 'refused', n: 5 } });
    expect(await host.listIncidents({ instanceId: pi.instanceId })).toMatchObject([{ elementId: 'Route', type: 'condition' }]);
    const exploding = await host.startInstance('hostileDecision', { variables: { decision: 'explode', n: 40 } });
    expect(await host.listIncidents({ instanceId: exploding.instanceId })).toMatchObject([
      { elementId: 'Decide', type: 'decision', message: expect.stringMatching(/decision explode failed: FEEL evaluation exceeded 20,000 steps at business knowledge model 'doubling'/) },
    ]);
  });
});
