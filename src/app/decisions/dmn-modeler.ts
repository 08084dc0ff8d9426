/**
 * The DMN modeler without React: dmn-js 17 (DRD, decision tables, literal expressions, boxed
 * expressions) with one change stream across all its views.
 *
 * @example
 * ```ts
 * const handle = createDmnModeler({ container });
 * await handle.importXML(xml);
 * handle.onChange(async () => save(await handle.saveXML()));
 * handle.onViews((views, active) => renderTabs(views, active));
 * ```
 */
import DmnModeler, { type DmnView } from 'dmn-js/lib/Modeler';
import { DmnPropertiesPanelModule, DmnPropertiesProviderModule } from 'dmn-js-properties-panel';
import { formatXmlProblem, toXmlProblem } from '../modeler/xml-problem';

import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import 'dmn-js-properties-panel/dist/assets/properties-panel.css';

export type { DmnView };

export interface DmnModelerHandle {
  readonly modeler: DmnModeler;
  /** Replaces the document; resolves with import warnings as text. */
  importXML(xml: string): Promise<string[]>;
  saveXML(): Promise<string>;
  /** Switches to a view (the DRD or one decision's table / literal expression). */
  open(view: DmnView): Promise<void>;
  /** Fires after every user command in any view; never on import. */
  onChange(listener: () => void): () => void;
  /** Fires when the list of views or the active view changes. */
  onViews(listener: (views: DmnView[], active: DmnView | undefined) => void): () => void;
  destroy(): void;
}

interface EventBus {
  on(event: string, callback: (event: never) => void): void;
}

/**
 * Creates a DMN modeler in `container`; call `destroy()` when unmounting. With `propertiesParent`,
 * the DRD has dmn-js-properties-panel there: a decision's id (which a business rule task's
 * `zeebe:calledDecision decisionId` names) and name are edited without touching the XML.
 */
export function createDmnModeler({ container, propertiesParent }: { container: HTMLElement; propertiesParent?: HTMLElement }): DmnModelerHandle {
  const modeler = new DmnModeler({
    container,
    ...(propertiesParent
      ? { drd: { propertiesPanel: { parent: propertiesParent }, additionalModules: [DmnPropertiesPanelModule, DmnPropertiesProviderModule] } }
      : {}),
  });
  const changeListeners = new Set<() => void>();
  const viewListeners = new Set<(views: DmnView[], active: DmnView | undefined) => void>();

  // Each view has its own viewer, created lazily on first open, each with its own command stack.
  modeler.on('viewer.created', (event) => {
    const { viewer } = event as { viewer: { get(name: 'eventBus'): EventBus } };
    viewer.get('eventBus').on('commandStack.changed', ((change: { trigger?: string | null }) => {
      if (change.trigger !== 'clear') changeListeners.forEach((listener) => listener());
    }) as (event: never) => void);
  });
  modeler.on('views.changed', (event) => {
    const { views, activeView } = event as { views: DmnView[]; activeView?: DmnView };
    viewListeners.forEach((listener) => listener(views, activeView));
  });

  return {
    modeler,
    async importXML(xml) {
      const { warnings } = await modeler.importXML(xml);
      // With their positions, as the BPMN editor reports them (moddle hands over Error objects).
      return (warnings as unknown[]).map((warning) => formatXmlProblem(toXmlProblem(warning)));
    },
    async saveXML() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml;
    },
    async open(view) {
      await modeler.open(view);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onViews(listener) {
      viewListeners.add(listener);
      listener(modeler.getViews(), modeler.getActiveView());
      return () => viewListeners.delete(listener);
    },
    destroy() {
      changeListeners.clear();
      viewListeners.clear();
      modeler.destroy();
    },
  };
}

/** Tab label of a view: the DRD, or the decision's name with its kind. */
export function viewLabel(view: DmnView): string {
  if (view.type === 'drd') return 'Decision requirements';
  const kind = view.type === 'decisionTable' ? 'table' : view.type === 'literalExpression' ? 'expression' : 'boxed';
  return `${view.element.name || view.element.id} (${kind})`;
}
