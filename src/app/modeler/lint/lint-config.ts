/**
 * bpmnlint's `recommended` rules and bpmnlint-plugin-camunda-compat's Camunda 8 rules (as Camunda
 * Modeler lints: the rules of the chosen Camunda 8 version) packed for the browser. bpmnlint normally finds rules through
 * Node module resolution (or a bundler plugin that generates this file); importing each rule
 * directly gives the same `{ config, resolver }` pair that bpmn-js-bpmnlint expects, with no
 * build plugin and no Node built-ins.
 *
 * @example
 * ```ts
 * new Modeler({ additionalModules: [lintModule], linting: { bpmnlint: createLintConfig(), active: true } });
 * ```
 */
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import { CAMUNDA_RULES } from './camunda-rules';
import { javascriptScriptTask, withoutFlowdeckScripts } from './flowdeck-rules';

export type RuleLevel = 'error' | 'warn' | 'info' | 'off';
/** A level, or a level with the rule's configuration (camunda-compat rules take `{ version }`). */
export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];
// bpmnlint rules are factories `(config) => ({ check, meta? })`; the linter only calls them.
type RuleFactory = (config?: unknown) => unknown;

const RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  'global': global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

/**
 * bpmnlint's `recommended` levels, except that what Camunda 8 deploys and runs anyway is advice,
 * not an error: missing labels, a process still without an end event, an element not yet
 * connected (a fresh diagram, one start event, showed four errors). Errors are kept for what
 * breaks a deployment or a run; camunda-compat adds those of the chosen Camunda 8 version.
 */
export const RECOMMENDED_RULES: Record<string, RuleLevel> = {
  'ad-hoc-sub-process': 'error',
  'conditional-flows': 'error',
  'end-event-required': 'warn',
  'event-based-gateway': 'error',
  'event-sub-process-typed-start-event': 'error',
  'fake-join': 'warn',
  'global': 'warn',
  'label-required': 'warn',
  'link-event': 'error',
  'no-bpmndi': 'error',
  'no-complex-gateway': 'error',
  'no-disconnected': 'warn',
  'no-duplicate-sequence-flows': 'error',
  'no-gateway-join-fork': 'error',
  'no-implicit-split': 'error',
  'no-implicit-end': 'warn',
  'no-implicit-start': 'warn',
  'no-inclusive-gateway': 'warn',
  'no-overlapping-elements': 'warn',
  'single-blank-start-event': 'error',
  'single-event-definition': 'error',
  'start-event-required': 'error',
  'sub-process-blank-start-event': 'error',
  'superfluous-gateway': 'warn',
  'superfluous-label': 'warn',
  'superfluous-termination': 'warn',
};


/** The Camunda 8 version linted against when the file names none (Camunda Modeler's default for new files). */
export const DEFAULT_CAMUNDA_VERSION = '8.8';

/** The Camunda 8 versions camunda-compat has rules for, oldest first. */
export const CAMUNDA_VERSIONS: readonly string[] = Object.keys(camundaCompat.configs)
  .map((name) => /^camunda-cloud-(8)-(\d+)$/.exec(name))
  .filter((match): match is RegExpExecArray => match !== null)
  .map((match) => `${match[1]}.${match[2]}`)
  .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));

/**
 * Flowdeck's own rule, and camunda-compat rules whose level differs here: a user task without a
 * form is fine in Flowdeck and in Camunda 8 (Tasklist shows its variables), so "must have a
 * zeebe:FormDefinition" is a note, not a warning.
 */
const FLOWDECK_LEVELS: Record<string, RuleSetting> = {
  'flowdeck/javascript-script-task': 'info',
  'camunda-compat/user-task-definition': 'info',
};

/** Rules of the `flowdeck` package (this file's resolver answers them). */
const FLOWDECK_RULES: Record<string, RuleFactory> = { 'javascript-script-task': javascriptScriptTask };

export interface LintConfig {
  config: { rules: Record<string, RuleSetting> };
  resolver: {
    resolveRule(pkg: string, ruleName: string): RuleFactory | null;
    resolveConfig(pkg: string, configName: string): never;
  };
}

export interface LintOptions {
  /** Camunda 8 version whose rules apply ("8.6", "8.6.0"); default `DEFAULT_CAMUNDA_VERSION`. */
  camundaVersion?: string;
}

/**
 * The Camunda 8 minor version to lint against for a file's `modeler:executionPlatformVersion`
 * (as Camunda Modeler writes it, e.g. "8.6.0"): that version when camunda-compat knows it, the
 * newest known when the file names a newer one, else `DEFAULT_CAMUNDA_VERSION`.
 */
export function camundaLintVersion(executionPlatformVersion: string | undefined): string {
  const match = /^\s*8\.(\d+)/.exec(executionPlatformVersion ?? '');
  if (!match) return DEFAULT_CAMUNDA_VERSION;
  const wanted = `8.${Number(match[1])}`;
  if (CAMUNDA_VERSIONS.includes(wanted)) return wanted;
  const newest = CAMUNDA_VERSIONS[CAMUNDA_VERSIONS.length - 1]!;
  return Number(match[1]) > Number(newest.split('.')[1]) ? newest : DEFAULT_CAMUNDA_VERSION;
}

/**
 * The linter configuration for bpmn-js-bpmnlint and for `new Linter(...)` from bpmnlint:
 * `recommended`, the camunda-compat rules of `options.camundaVersion` (prefixed `camunda-compat/`)
 * and Flowdeck's own (`flowdeck/`). `overrides` changes rule levels (e.g. `{ 'label-required': 'off' }`).
 *
 * @example
 * ```ts
 * const reports = await new Linter(createLintConfig({}, { camundaVersion: '8.6' })).lint(definitions);
 * ```
 */
export function createLintConfig(overrides: Record<string, RuleSetting> = {}, options: LintOptions = {}): LintConfig {
  const version = camundaLintVersion(options.camundaVersion);
  const camunda = camundaCompat.configs[`camunda-cloud-${version.replace('.', '-')}`]!.rules;
  const camundaRules: Record<string, RuleSetting> = {};
  for (const [name, setting] of Object.entries(camunda)) {
    // The plugin's configs name bpmnlint's own rules `bpmnlint/…`; those are in `recommended` already.
    if (name.startsWith('bpmnlint/')) continue;
    camundaRules[`camunda-compat/${name}`] = setting as RuleSetting;
  }
  return {
    config: { rules: { ...RECOMMENDED_RULES, ...camundaRules, ...FLOWDECK_LEVELS, ...overrides } },
    resolver: {
      resolveRule(pkg, ruleName) {
        if (pkg === 'bpmnlint') return RULES[ruleName] ?? null;
        if (pkg === 'bpmnlint-plugin-flowdeck') return FLOWDECK_RULES[ruleName] ?? null;
        if (pkg !== 'bpmnlint-plugin-camunda-compat') return null;
        const rule = CAMUNDA_RULES[ruleName];
        if (!rule) return null;
        return ruleName === 'implementation' ? withoutFlowdeckScripts(rule) : rule;
      },
      resolveConfig(pkg, configName) {
        // Everything is packed up front; an `extends` would need a rule set we do not ship.
        throw new Error(`bpmnlint config ${pkg}/${configName} is not packed for the browser`);
      },
    },
  };
}
