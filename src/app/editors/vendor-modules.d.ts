// The bpmn-io packages below ship JavaScript without declarations (or with declarations that the
// package `exports` map hides). These are the narrow shapes the editors rely on; widen them here
// when an editor needs more, rather than casting at the call site.

declare module 'bpmnlint/rules/*' {
  const rule: (config?: unknown) => unknown;
  export default rule;
}

declare module 'bpmnlint-plugin-camunda-compat/rules/*' {
  const rule: (config?: unknown) => unknown;
  export default rule;
}

declare module 'bpmnlint-plugin-camunda-compat' {
  /** Rule levels per config, e.g. `configs['camunda-cloud-8-8'].rules.implementation = ['error', { version: '8.8' }]`. */
  const plugin: { configs: Record<string, { rules: Record<string, string | [string, Record<string, unknown>]> }> };
  export default plugin;
}

declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
  }
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: Record<string, unknown>;
  export default lintModule;
}

declare module 'dmn-js/lib/Modeler' {
  /** dmn-js view: the DRD or one decision's table / literal expression / boxed expression. */
  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression' | string;
    element: { id: string; name?: string };
  }
  export interface DmnViewer {
    get<T = unknown>(service: string): T;
    on(event: string, callback: (event: unknown) => void): void;
  }
  export default class DmnModeler {
    constructor(options: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: string, callback: (event: unknown) => void): void;
    off(event: string, callback: (event: unknown) => void): void;
    attachTo(parent: HTMLElement): void;
    destroy(): void;
  }
}

declare module 'bpmn-auto-layout' {
  /** Adds BPMN DI (a diagram) to a process that has none; resolves with the new XML. */
  export function layoutProcess(xml: string): Promise<string>;
}

declare module '@bpmn-io/properties-panel' {
  // Preact components of the properties panel's entries; props as documented by the package.
  import type { FunctionComponent } from '@bpmn-io/properties-panel/preact';
  export const SelectEntry: FunctionComponent<Record<string, unknown>>;
  export const TextFieldEntry: FunctionComponent<Record<string, unknown>>;
  export const isSelectEntryEdited: (node: unknown) => boolean;
  export const isTextFieldEntryEdited: (node: unknown) => boolean;
}

declare module 'bpmn-js-properties-panel' {
  /** A service of the modeler's injector, inside a properties panel component. */
  export function useService(name: string): unknown;
}

declare module 'dmn-js-properties-panel' {
  // didi modules for dmn-js' DRD viewer (`drd.additionalModules`).
  export const DmnPropertiesPanelModule: object;
  export const DmnPropertiesProviderModule: object;
}

declare module 'dmn-js/lib/NavigatedViewer' {
  import type { DmnView } from 'dmn-js/lib/Modeler';
  /** Read-only dmn-js: every view, pan and zoom on the DRD, no editing. */
  export default class DmnNavigatedViewer {
    constructor(options: Record<string, unknown>);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    getViews(): DmnView[];
    open(view: DmnView): Promise<unknown>;
    destroy(): void;
  }
}
