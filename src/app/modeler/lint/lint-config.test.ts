import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { describe, expect, it } from 'vitest';
import { CAMUNDA_VERSIONS, camundaLintVersion, createLintConfig, RECOMMENDED_RULES, type LintOptions, type RuleSetting } from './lint-config';
import { JAVASCRIPT_SCRIPT_MESSAGE } from './flowdeck-rules';
import { bpmnTemplate } from '../../../store/templates';

const basic = readFileSync(new URL('./lint-config.test.bpmn', import.meta.url), 'utf8');
const camunda = readFileSync(new URL('./camunda-compat.test.bpmn', import.meta.url), 'utf8');

async function lint(xml: string, overrides: Record<string, RuleSetting> = {}, options: LintOptions = {}) {
  const moddle = new (BpmnModdle as unknown as new (p: object) => BpmnModdle)({ zeebe: zeebeSchema });
  const { rootElement } = await moddle.fromXML(xml);
  return new Linter(createLintConfig(overrides, options)).lint(rootElement);
}

const ids = (reports: Record<string, Array<{ id?: string }>>, rule: string) => (reports[rule] ?? []).map((r) => r.id);

describe('createLintConfig', () => {
  it('given a task without flows, when linted with the packed config, then no-disconnected reports it', async () => {
    const reports = await lint(basic);

    expect(ids(reports, 'no-disconnected')).toEqual(['Orphan']);
    expect(reports['no-disconnected']?.[0].category).toBe('warn');
  });

  it('given every recommended and every Camunda 8 rule of each version, when linted, then none fails to resolve', async () => {
    for (const camundaVersion of CAMUNDA_VERSIONS) {
      const reports = await lint(camunda, {}, { camundaVersion });
      const ruleErrors = Object.entries(reports).flatMap(([rule, list]) => list.filter((r) => r.category === 'rule-error').map((r) => `${camundaVersion} ${rule}: ${r.message}`));
      expect(ruleErrors).toEqual([]);
    }
    expect(Object.keys(RECOMMENDED_RULES).length).toBeGreaterThan(20);
    expect(CAMUNDA_VERSIONS).toContain('8.0');
    expect(CAMUNDA_VERSIONS).toContain('8.8');
  });

  it('given an override turning a rule off, when linted, then that rule stays silent', async () => {
    const reports = await lint(basic, { 'no-disconnected': 'off' });

    expect(reports['no-disconnected']).toBeUndefined();
  });

  it('given elements without names, when linted, then label-required is a warning, not an error', async () => {
    const reports = await lint(camunda);

    expect(ids(reports, 'label-required')).toEqual(expect.arrayContaining(['Start', 'End']));
    expect(new Set(reports['label-required']?.map((r) => r.category))).toEqual(new Set(['warn']));
  });

  it('given a service task without a job type, when linted for Camunda 8, then camunda-compat reports it as an error', async () => {
    const reports = await lint(camunda);

    const charge = reports['camunda-compat/implementation']?.find((r) => r.id === 'Charge');
    expect(charge?.category).toBe('error');
    expect(charge?.message).toMatch(/zeebe:TaskDefinition/);
  });

  it('given a JavaScript script task, when linted, then it is a Flowdeck-only note and not a Camunda implementation error', async () => {
    const reports = await lint(camunda);

    expect(ids(reports, 'camunda-compat/implementation')).not.toContain('Js');
    expect(reports['flowdeck/javascript-script-task']).toEqual([expect.objectContaining({ id: 'Js', category: 'info', message: JAVASCRIPT_SCRIPT_MESSAGE })]);
    // A FEEL script is Camunda's own format; an empty script task is still incomplete for Camunda.
    expect(ids(reports, 'camunda-compat/implementation')).toContain('Empty');
    expect(ids(reports, 'camunda-compat/implementation')).not.toContain('Feel');
  });

  it('given a rule of an unknown plugin package, when resolved, then the resolver answers null so the linter reports it unknown', () => {
    const { resolver } = createLintConfig();

    expect(resolver.resolveRule('bpmnlint-plugin-foo', 'bar')).toBeNull();
    expect(resolver.resolveRule('bpmnlint', 'no-disconnected')).toBeTypeOf('function');
    expect(resolver.resolveRule('bpmnlint-plugin-camunda-compat', 'timer')).toBeTypeOf('function');
  });
});

describe('a fresh diagram', () => {
  it('given the new-file template (one start event), when linted, then nothing is an error', async () => {
    const reports = await lint(bpmnTemplate('New process'));

    const errors = Object.entries(reports).flatMap(([rule, list]) => list.filter((r) => r.category === 'error').map((r) => `${rule} ${r.id}`));
    expect(errors).toEqual([]);
    expect(ids(reports, 'label-required')).toEqual(['StartEvent_1']);
  });
});

describe('camundaLintVersion', () => {
  it('given what Camunda Modeler writes, then the matching minor version is linted; none or unknown gives the default', () => {
    expect(camundaLintVersion('8.6.0')).toBe('8.6');
    expect(camundaLintVersion('8.2')).toBe('8.2');
    expect(camundaLintVersion(undefined)).toBe('8.8');
    expect(camundaLintVersion('7.21.0')).toBe('8.8');
    expect(camundaLintVersion('8.99.0')).toBe(CAMUNDA_VERSIONS[CAMUNDA_VERSIONS.length - 1]);
  });
});
