/**
 * A properties panel group for script tasks in Flowdeck's JavaScript format, which the zeebe panel
 * shows as implementation `<none>`: a "Flowdeck only" note (Camunda 8 needs a job worker), the
 * language (JavaScript or FEEL, switched as the Scripts view does through `scriptTaskProps`) and
 * the result variable. A didi module for camunda-bpmn-js' modeler; every change is one
 * `element.updateProperties` command, so undo/redo treat it like any other edit.
 *
 * @example
 * ```ts
 * new Modeler({ additionalModules: [flowdeckScriptPropsModule] });
 * ```
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { isFlowdeckScriptTask } from '../lint/flowdeck-rules';
import { javascriptResultVariable, scriptTaskProps, switchedBody, type ScriptLanguage, type ScriptModdleElement } from '../../scripts/script-task-props';

interface BusinessObject extends ScriptModdleElement {
  id?: string;
  scriptFormat?: string;
  script?: string;
  extensionElements?: { values?: Array<{ $type: string; get(name: string): unknown }> };
}

interface Shape {
  businessObject: BusinessObject;
}

interface Group {
  id: string;
  label: string;
  entries: Array<{ id: string; component: unknown; isEdited?: unknown; element?: Shape }>;
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: Shape): (groups: Group[]) => Group[] }): void;
}

/** After the zeebe provider (priority 500), so its groups are there to place this one among. */
const PRIORITY = 400;

export const FLOWDECK_SCRIPT_GROUP = 'flowdeckScript';

class FlowdeckScriptPropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanel) {
    propertiesPanel.registerProvider(PRIORITY, this);
  }

  getGroups(element: Shape) {
    return (groups: Group[]) => {
      const language = scriptLanguage(element.businessObject);
      if (!language) return groups;
      const entries: Group['entries'] = [{ id: 'flowdeckScriptLanguage', component: LanguageEntry, isEdited: isSelectEntryEdited, element }];
      if (language === 'javascript') {
        entries.unshift({ id: 'flowdeckScriptNote', component: FlowdeckOnlyNote, element });
        entries.push({ id: 'flowdeckScriptResultVariable', component: ResultVariableEntry, isEdited: isTextFieldEntryEdited, element });
      }
      const group: Group = { id: FLOWDECK_SCRIPT_GROUP, label: language === 'javascript' ? 'Script (JavaScript, Flowdeck only)' : 'Script language', entries };
      // Right after "General": the first thing to know about such a task.
      const general = groups.findIndex((g) => g.id === 'general');
      const next = [...groups];
      next.splice(general + 1, 0, group);
      return next;
    };
  }
}

export const flowdeckScriptPropsModule = {
  __init__: ['flowdeckScriptPropertiesProvider'],
  flowdeckScriptPropertiesProvider: ['type', FlowdeckScriptPropertiesProvider],
};

// ---------------------------------------------------------------------------------------------
// helpers

/** JavaScript (Flowdeck's format) or FEEL (`zeebe:script`); undefined for job workers and other tasks. */
function scriptLanguage(bo: BusinessObject): ScriptLanguage | undefined {
  if (bo.$type !== 'bpmn:ScriptTask') return undefined;
  const values = bo.extensionElements?.values ?? [];
  if (values.some((v) => v.$type === 'zeebe:Script')) return 'feel';
  return isFlowdeckScriptTask(bo) ? 'javascript' : undefined;
}

function currentBody(bo: BusinessObject, language: ScriptLanguage): string {
  if (language === 'javascript') return bo.script ?? '';
  const script = bo.extensionElements?.values?.find((v) => v.$type === 'zeebe:Script');
  return String(script?.get('expression') ?? '').replace(/^\s*=/, '');
}

function currentResultVariable(bo: BusinessObject, language: ScriptLanguage): string | undefined {
  if (language === 'javascript') return javascriptResultVariable(bo);
  const script = bo.extensionElements?.values?.find((v) => v.$type === 'zeebe:Script');
  const value = script?.get('resultVariable');
  return typeof value === 'string' ? value : undefined;
}

interface EntryProps {
  element: Shape;
  id: string;
}

interface Modeling {
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
}

function useUpdate(element: Shape) {
  const modeling = useService('modeling') as Modeling;
  const bpmnFactory = useService('bpmnFactory') as { create(type: string, attrs?: Record<string, unknown>): ScriptModdleElement };
  return (language: ScriptLanguage, body: string, resultVariable: string | undefined) =>
    modeling.updateProperties(element, { ...scriptTaskProps(element.businessObject, { language, body, resultVariable }, bpmnFactory) });
}

function FlowdeckOnlyNote() {
  return h(
    'div',
    { class: 'fd-props-note', 'data-testid': 'props-flowdeck-only' },
    h('span', { class: 'fd-flowdeck-only' }, 'Flowdeck only'),
    h('p', null, 'Flowdeck runs this JavaScript itself. Camunda 8 cannot: to deploy there, give the task a job worker (Implementation: Job worker) or switch to FEEL.'),
    h('p', null, 'Edit the script in the Scripts view.'),
  );
}

function LanguageEntry({ element, id }: EntryProps) {
  const update = useUpdate(element);
  const bo = element.businessObject;
  return h(SelectEntry, {
    element,
    id,
    label: 'Language',
    getValue: () => scriptLanguage(bo) ?? 'javascript',
    setValue: (value: ScriptLanguage) => {
      const from = scriptLanguage(bo);
      if (!from || value === from) return;
      const resultVariable = currentResultVariable(bo, from) ?? (value === 'feel' ? 'result' : undefined);
      update(value, switchedBody(currentBody(bo, from), from, value), resultVariable);
    },
    getOptions: () => [
      { value: 'javascript', label: 'JavaScript (Flowdeck only)' },
      { value: 'feel', label: 'FEEL (zeebe:script, Camunda 8)' },
    ],
  });
}

function ResultVariableEntry({ element, id }: EntryProps) {
  const update = useUpdate(element);
  const debounce = useService('debounceInput') as <T>(fn: T) => T;
  const bo = element.businessObject;
  return h(TextFieldEntry, {
    element,
    id,
    label: 'Result variable',
    description: 'The returned value is stored in this process variable.',
    getValue: () => javascriptResultVariable(bo) ?? '',
    setValue: (value: string) => {
      // A debounced write can land after the task was switched to FEEL: it must not switch it back.
      if (scriptLanguage(bo) !== 'javascript' || value === (javascriptResultVariable(bo) ?? '')) return;
      update('javascript', bo.script ?? '', value);
    },
    debounce,
  });
}
