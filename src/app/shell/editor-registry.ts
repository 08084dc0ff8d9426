import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { FileKind, ScriptsViewProps } from '../editors/types';

type EditorModule = { default: ComponentType<ScriptsViewProps> };

/**
 * The visual editors, each loaded on first use so that bpmn-js, dmn-js, form-js and Monaco stay
 * out of the initial bundle. `import.meta.glob` (instead of plain `lazy(() => import(...))`) lets
 * the shell build while an editor does not exist yet: a missing editor falls back to the source
 * view.
 */
const modules = import.meta.glob<EditorModule>(['../modeler/BpmnEditor.tsx', '../decisions/DmnEditor.tsx', '../forms/FormEditor.tsx', '../scripts/ScriptsView.tsx', '../simulation/SimulationView.tsx']);

function lazyEditor(path: string): LazyExoticComponent<ComponentType<ScriptsViewProps>> | undefined {
  const load = modules[path];
  return load ? lazy(load) : undefined;
}

export const EDITORS: Record<FileKind, LazyExoticComponent<ComponentType<ScriptsViewProps>> | undefined> = {
  bpmn: lazyEditor('../modeler/BpmnEditor.tsx'),
  dmn: lazyEditor('../decisions/DmnEditor.tsx'),
  form: lazyEditor('../forms/FormEditor.tsx'),
};

export const ScriptsView = lazyEditor('../scripts/ScriptsView.tsx');
export const SimulationView = lazyEditor('../simulation/SimulationView.tsx');
