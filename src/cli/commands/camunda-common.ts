import { resolve } from 'node:path';
import { NEWEST_CAMUNDA_VERSION, checkCamundaCompat, knownCamundaVersion, type CompatFinding } from '../../app/archive/camunda-check';
import { CAMUNDA_VERSIONS } from '../../app/modeler/lint/lint-config';
import { buildProcessApplication } from '../../archive/camunda/process-application';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import { readSource } from '../project-folder';

/**
 * What export and deploy share: read the archive or folder, build the process application, run
 * the Camunda 8 check for the version and print each finding on stderr.
 */
export async function prepareForCamunda(source: string, version: string | undefined, io: CliIo) {
  const camundaVersion = version === undefined ? NEWEST_CAMUNDA_VERSION : knownCamundaVersion(version);
  if (camundaVersion === null) throw new UsageError(`--camunda-version ${version}: not a Camunda 8 version the check knows (${CAMUNDA_VERSIONS.join(', ')})`);
  const { project, files } = await readSource(resolve(io.cwd, source));
  const app = buildProcessApplication(files);
  const findings = await checkCamundaCompat(files.filter((f) => f.kind === 'bpmn'), camundaVersion);
  const byReason = new Map<string, string[]>();
  for (const l of app.left) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), l.path]);
  for (const [reason, paths] of byReason) io.stderr(`left out ${paths.length} file${paths.length === 1 ? '' : 's'}, each ${reason}: ${paths.join(', ')}\n`);
  printFindings(findings, camundaVersion, io);
  return { project, app, findings, camundaVersion, blocking: findings.filter((f) => f.severity === 'error') };
}

function printFindings(findings: CompatFinding[], version: string, io: CliIo): void {
  if (findings.length === 0) {
    io.stderr(`Camunda ${version} check: every element runs on Camunda 8\n`);
    return;
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  io.stderr(`Camunda ${version} check: ${errors} element${errors === 1 ? '' : 's'} Camunda 8 would not run, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}\n`);
  for (const f of findings) io.stderr(`  ${f.severity === 'error' ? 'error  ' : 'warning'} ${f.path} ${f.elementId || '(file)'}: ${f.message} (${f.rule})\n`);
}
