/** A file of a Camunda 8 process application, ready to write or deploy. */
export interface ProcessApplicationFile {
  path: string;
  text: string;
}

/** Kinds Camunda 8 deploys (`POST /v2/deployments` takes BPMN, DMN and form files). */
const DEPLOYABLE = new Set(['bpmn', 'dmn', 'form']);

/** The marker Camunda Desktop Modeler looks for at the root of a process application. */
export const PROCESS_APPLICATION_FILE = '.process-application';

/**
 * The project as a Camunda 8 process application: the `.process-application` marker at the root
 * (Desktop Modeler's format: a JSON object) and every BPMN, DMN and form file at its path; Camunda
 * Process Test JSON files go under `src/test/resources/` as CPT expects. Flowdeck scenarios and
 * simulation files have no Camunda counterpart and are returned in `left` with the reason.
 *
 * @example
 * const { files, resources } = buildProcessApplication([{ path: 'order.bpmn', kind: 'bpmn', text: xml }]);
 * files.map((f) => f.path); // ['.process-application', 'order.bpmn']
 */
export function buildProcessApplication(input: ReadonlyArray<{ path: string; kind: string; text: string }>): {
  files: ProcessApplicationFile[];
  /** The files Camunda deploys, in order. */
  resources: ProcessApplicationFile[];
  left: Array<{ path: string; reason: string }>;
} {
  const resources: ProcessApplicationFile[] = [];
  const tests: ProcessApplicationFile[] = [];
  const left: Array<{ path: string; reason: string }> = [];
  for (const file of input) {
    if (DEPLOYABLE.has(file.kind)) resources.push({ path: file.path, text: file.text });
    else if (file.kind === 'cpt') tests.push({ path: `src/test/resources/${file.path.split('/').pop()}`, text: file.text });
    else left.push({ path: file.path, reason: file.kind === 'scenario' ? 'a Flowdeck test scenario (Camunda runs CPT files; convert with `flowdeck test --format cpt`)' : file.kind === 'dmnTest' ? 'a DMN TCK test-case file, which Camunda 8 does not run (`flowdeck test` does)' : `a Flowdeck ${file.kind} file, which Camunda 8 does not read` });
  }
  const marker = { path: PROCESS_APPLICATION_FILE, text: '{}\n' };
  return { files: [marker, ...resources, ...tests], resources, left };
}
