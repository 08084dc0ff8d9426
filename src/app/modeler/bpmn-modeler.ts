/**
 * The BPMN modeler without React: camunda-bpmn-js's Camunda 8 (zeebe) modeler with its properties
 * panel, minimap, search and keyboard, plus bpmnlint on the canvas. The React `BpmnEditor`, the
 * e2e tests and the benchmark all go through this one factory so they measure what users get.
 *
 * @example
 * ```ts
 * const handle = createBpmnModeler({ container, propertiesParent });
 * await handle.importXML(xml);
 * const off = handle.onChange(async () => save(await handle.saveXML()));
 * ```
 */
import { repairForCanvas } from './auto-layout';
import { completeImport, fitToFreeViewport, keepUndrawnOnSave } from './canvas-import';
import { bpmnPackages } from '../../bpmn-io/schema/packages';
import type { UndrawnDi } from '../../bpmn-io/di/keep-undrawn';
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { camundaLintVersion, createLintConfig, DEFAULT_CAMUNDA_VERSION } from './lint/lint-config';
import { svgToPng } from './export-image';
import { flowdeckScriptPropsModule } from './properties/flowdeck-script-props';
import { flowdeckVariablesModule } from '../editors/feel-variable-resolver';
import type { ScopeOptions } from '../../engine/model/variables-in-scope';
import { linkSequenceFlows } from './flow-links';
import { formatXmlProblem, toXmlProblem } from './xml-problem';

import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
// camunda-bpmn-js 5.30 ships copies of older diagram-js, bpmn-js and properties-panel styles, but
// runs the diagram-js / bpmn-js / properties panel that npm installed: their newer parts (palette
// tooltips above all) had no styles and rendered below the viewport. The installed packages' own
// styles come after the bundle's and win.
import 'diagram-js/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

export interface BpmnModelerOptions {
  container: HTMLElement;
  /** Where the properties panel renders; omitted = no panel (benchmarks, MIWG). */
  propertiesParent?: HTMLElement;
  /** Lint on the canvas; default true. */
  linting?: boolean;
  /** What the properties panel's FEEL fields offer as variables in scope (e.g. the project's form fields). */
  scope?: ScopeOptions;
}

export interface LintIssue {
  elementId: string;
  rule: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

export interface DiagramElementSummary {
  id: string;
  type: string;
}

export interface BpmnModelerHandle {
  /** The camunda-bpmn-js instance, for services (`modeler.get('modeling')`). */
  readonly modeler: Modeler;
  /** Replaces the diagram; resolves with import warnings, rejects with an `XmlProblem`-parsable error. */
  importXML(xml: string): Promise<string[]>;
  saveXML(): Promise<string>;
  saveSVG(): Promise<string>;
  /** The diagram as PNG; `scale` 2 gives crisp images on high-DPI screens. */
  exportPNG(scale?: number): Promise<Blob>;
  /** Fires after every user command (canvas edit, properties panel change, undo, redo), not on import. */
  onChange(listener: () => void): () => void;
  /** Fires after each lint run with all issues. */
  onLint(listener: (issues: LintIssue[]) => void): () => void;
  /** Selects and scrolls to an element (e.g. from the problems panel). */
  reveal(elementId: string): void;
  /** Triggers an editor action such as 'undo', 'redo', 'find', 'selectElements'. */
  trigger(action: string): void;
  /**
   * A bare bpmn-js viewer (no modeling, panel or lint) in `container`, loaded on demand: the
   * baseline the modeler benchmark measures the editor against, in the same page and run.
   */
  createBaselineViewer(container: HTMLElement): Promise<{ importXML(xml: string): Promise<unknown>; destroy(): void }>;
  /** Every semantic element reachable from the definitions, for round-trip checks. */
  semanticElements(): DiagramElementSummary[];
  destroy(): void;
}

interface EventBus {
  on(event: string, callback: (event: never) => void): void;
  off(event: string, callback: (event: never) => void): void;
}

interface RawIssue {
  id: string;
  message: string;
  category: LintIssue['category'];
  rule: string;
}

/** Creates a modeler in `container`. Call `destroy()` when unmounting. */
export function createBpmnModeler(options: BpmnModelerOptions): BpmnModelerHandle {
  const linting = options.linting ?? true;
  const modeler = new Modeler({
    container: options.container,
    ...(options.propertiesParent ? { propertiesPanel: { parent: options.propertiesParent } } : {}),
    ...(options.scope ? { flowdeckScope: options.scope } : {}),
    additionalModules: [...(options.propertiesParent ? [flowdeckScriptPropsModule, flowdeckVariablesModule] : []), ...(linting ? [lintModule] : [])],
    ...(linting ? { linting: { bpmnlint: { ...createLintConfig(), camundaVersion: DEFAULT_CAMUNDA_VERSION }, active: true } } : {}),
    // Element templates need a catalogue we do not ship; the chooser would show an empty list.
    elementTemplateChooser: false,
    // align-to-origin moves every element on save (an edit the user never made, emitted as a
    // change) and throws on some lane layouts (MIWG A.4.0); diagram-origin only shows the origin.
    disableAdjustOrigin: true,
    // The BPMN package with <extension> documentation (src/bpmn-io/schema/packages.ts); zeebe
    // stays camunda-bpmn-js' own.
    moddleExtensions: { bpmn: bpmnPackages().bpmn as never },
  });
  const eventBus = modeler.get<EventBus>('eventBus');
  const stopDeferring = linting ? deferLinting(modeler) : () => {};
  let undrawn: UndrawnDi[] = [];
  const stopKeeping = keepUndrawnOnSave(modeler, () => undrawn);

  const subscribe = <E>(event: string, callback: (event: E) => void) => {
    eventBus.on(event, callback as (event: never) => void);
    return () => eventBus.off(event, callback as (event: never) => void);
  };

  return {
    modeler,
    async importXML(xml) {
      // The same repairs as the workspace import (idempotent: a stored file needs none), so that
      // files arriving another way (Source view, versions, archives) open as faithfully.
      const { xml: repaired, notes } = await repairForCanvas(xml);
      const { warnings } = await modeler.importXML(repaired);
      linkSequenceFlows(modeler.getDefinitions() as never);
      const drawWarnings: string[] = [];
      undrawn = completeImport(modeler, drawWarnings);
      fitToFreeViewport(modeler, options.container);
      if (linting) lintForFileVersion(modeler);
      // Typed as strings, but bpmn-js hands over the moddle Error objects (with positions).
      const problems = [...(warnings as unknown[]), ...drawWarnings].map((warning) => formatXmlProblem(toXmlProblem(warning)));
      return [...notes, ...problems];
    },
    async saveXML() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },
    async saveSVG() {
      const { svg } = await modeler.saveSVG();
      return svg;
    },
    async exportPNG(scale = 2) {
      const { svg } = await modeler.saveSVG();
      return svgToPng(svg, scale);
    },
    onChange(listener) {
      // 'clear' comes from importXML itself, which is not a user edit.
      return subscribe<{ trigger?: string | null }>('commandStack.changed', ({ trigger }) => {
        if (trigger !== 'clear') listener();
      });
    },
    onLint(listener) {
      return subscribe<{ issues: Record<string, RawIssue[]> }>('linting.completed', ({ issues }) => {
        listener(
          Object.entries(issues).flatMap(([elementId, list]) =>
            list.map((issue) => ({ elementId, rule: issue.rule, message: issue.message, category: issue.category })),
          ),
        );
      });
    },
    reveal(elementId) {
      const registry = modeler.get<{ get(id: string): unknown }>('elementRegistry');
      const element = registry.get(elementId);
      if (!element) return;
      modeler.get<{ select(element: unknown): void }>('selection').select(element);
      modeler.get<{ scrollToElement(element: unknown): void }>('canvas').scrollToElement(element);
    },
    trigger(action) {
      modeler.get<{ trigger(action: string): unknown }>('editorActions').trigger(action);
    },
    async createBaselineViewer(container) {
      const { default: Viewer } = await import('bpmn-js/lib/Viewer');
      return new Viewer({ container });
    },
    semanticElements() {
      const definitions = modeler.getDefinitions() as unknown as SemanticNode | undefined;
      return definitions ? collectSemantic(definitions) : [];
    },
    destroy() {
      stopDeferring();
      stopKeeping();
      modeler.destroy();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// helpers

/** Quiet time after the last change before the diagram is linted again. */
const LINT_DELAY_MS = 300;
/** Lint at the latest this long after the quiet period, idle or not. */
const LINT_MAX_WAIT_MS = 2000;

/**
 * bpmn-js-bpmnlint lints the whole model on import and after every change, synchronously in the
 * same task: on a 1,000-element diagram that is hundreds of milliseconds added to import and to
 * each keystroke of label editing. Linting once after changes settle (and the page is idle) gives
 * the same issues.
 */
function deferLinting(modeler: Modeler): () => void {
  const linting = modeler.get<{ update(): void }>('linting');
  const lintNow = linting.update.bind(linting);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const cancel = () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    idle = undefined;
  };
  linting.update = () => {
    cancel();
    // After the quiet period, wait for an idle moment too, so that linting a large diagram
    // never competes with the first render or with the next keystroke.
    timer = setTimeout(() => {
      idle = requestIdleCallback(lintNow, { timeout: LINT_MAX_WAIT_MS });
    }, LINT_DELAY_MS);
  };
  return cancel;
}

/**
 * Lints against the Camunda 8 version the file was modelled for, as Camunda Modeler does: it writes
 * `modeler:executionPlatformVersion="8.6.0"` on the definitions (kept by moddle as a foreign
 * attribute, whatever the prefix). Without one, the default version's rules apply.
 */
function lintForFileVersion(modeler: Modeler): void {
  const attrs = (modeler.getDefinitions() as unknown as { $attrs?: Record<string, string> } | undefined)?.$attrs ?? {};
  const key = Object.keys(attrs).find((name) => name === 'executionPlatformVersion' || name.endsWith(':executionPlatformVersion'));
  const version = camundaLintVersion(key ? attrs[key] : undefined);
  const linting = modeler.get<{ getLinterConfig(): { camundaVersion?: string }; setLinterConfig(config: unknown): void }>('linting');
  if (linting.getLinterConfig().camundaVersion === version) return;
  linting.setLinterConfig({ ...createLintConfig({}, { camundaVersion: version }), camundaVersion: version });
}

interface SemanticNode {
  $type: string;
  id?: string;
  $descriptor?: { properties?: Array<{ name: string; isReference?: boolean; isMany?: boolean; type?: string }> };
  [key: string]: unknown;
}

/** Walks containment (not references) so each element is listed once. */
function collectSemantic(root: SemanticNode): DiagramElementSummary[] {
  const out: DiagramElementSummary[] = [];
  const seen = new Set<unknown>();
  const visit = (node: SemanticNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (node.id) out.push({ id: node.id, type: node.$type });
    for (const property of node.$descriptor?.properties ?? []) {
      if (property.isReference) continue;
      const value = node[property.name];
      const values = Array.isArray(value) ? value : [value];
      for (const child of values) {
        if (child && typeof child === 'object' && typeof (child as SemanticNode).$type === 'string') visit(child as SemanticNode);
      }
    }
  };
  visit(root);
  return out;
}

