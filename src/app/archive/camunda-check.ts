import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { CAMUNDA_VERSIONS, createLintConfig } from '../modeler/lint/lint-config';

/** One thing Camunda 8 would not run (or would run differently), on one element of one file. */
export interface CompatFinding {
  /** The BPMN file's path in the project or archive. */
  path: string;
  elementId: string;
  /** The lint rule (`camunda-compat/element-type`, `flowdeck/javascript-script-task`...). */
  rule: string;
  message: string;
  /** `error`: Camunda 8 refuses the deployment or cannot run the element; `warning`: it runs, differently. */
  severity: 'error' | 'warning';
}

/** The newest Camunda 8 version bpmnlint-plugin-camunda-compat has rules for: the export's default. */
export const NEWEST_CAMUNDA_VERSION = CAMUNDA_VERSIONS[CAMUNDA_VERSIONS.length - 1]!;

/** `version` ("8.6", "8.6.0") as a minor version the plugin knows, or null. */
export function knownCamundaVersion(version: string): string | null {
  const match = /^8\.(\d+)(\.\d+)?$/.exec(version.trim());
  const minor = match ? `8.${Number(match[1])}` : '';
  return CAMUNDA_VERSIONS.includes(minor) ? minor : null;
}

/**
 * Lints each BPMN file with the studio's own configuration (bpmnlint + camunda-compat for the
 * version, plus Flowdeck's JavaScript-script rule) and keeps what matters for running on
 * Camunda 8: every camunda-compat report, and every JavaScript script task (Flowdeck only).
 * Other bpmnlint advice (labels, layout) is left to the modeler.
 *
 * @example
 * const findings = await checkCamundaCompat([{ path: 'order.bpmn', text: xml }], '8.6');
 * // [{ path: 'order.bpmn', elementId: 'Js', rule: 'flowdeck/javascript-script-task', severity: 'error', message: 'JavaScript script (Flowdeck only)...' }]
 */
export async function checkCamundaCompat(files: ReadonlyArray<{ path: string; text: string }>, camundaVersion: string = NEWEST_CAMUNDA_VERSION): Promise<CompatFinding[]> {
  const linter = new Linter(createLintConfig({}, { camundaVersion }));
  const findings: CompatFinding[] = [];
  for (const file of files) {
    const moddle = new (BpmnModdle as unknown as new (packages: object) => BpmnModdle)({ zeebe: zeebeSchema });
    let root: unknown;
    try {
      root = (await moddle.fromXML(file.text)).rootElement;
    } catch (error) {
      findings.push({ path: file.path, elementId: '', rule: 'xml', message: `not BPMN: ${(error as Error).message}`, severity: 'error' });
      continue;
    }
    const reports = (await linter.lint(root as never)) as Record<string, Array<{ id?: string; message: string; category: string }>>;
    for (const [rule, list] of Object.entries(reports)) {
      const camunda = rule.startsWith('camunda-compat/');
      const script = rule === 'flowdeck/javascript-script-task';
      if (!camunda && !script) continue;
      for (const report of list) {
        if (report.category === 'info' && !script) continue;
        const severity = script || report.category === 'error' || report.category === 'rule-error' ? 'error' : 'warning';
        findings.push({ path: file.path, elementId: report.id ?? '', rule, message: report.message, severity });
      }
    }
  }
  return findings.sort((a, b) => a.path.localeCompare(b.path) || a.elementId.localeCompare(b.elementId) || a.rule.localeCompare(b.rule));
}
