/**
 * Monaco's JavaScript service set up for script task bodies: the Flowdeck script API
 * (`variables`, `execution`, `console`) from the host layer, ES2022 without DOM (scripts run in a
 * sandbox), and top-level `return` allowed because a script is a function body.
 *
 * @example
 * ```ts
 * const monaco = await loadMonaco();
 * configureScriptLanguage(monaco);
 * ```
 */
import { SCRIPT_API_DTS } from '../../host/scripts/script-api.d.ts';
import type { VariableInScope } from '../../engine/model/variables-in-scope';
import type { Monaco } from '../editors/monaco';
import { SCOPE_LIB_PATH, scopeVariablesDts } from './script-scope';

/**
 * The host's declaration types variable values as JSON, exact but too strict for plain JavaScript:
 * `variables.amount > 100` or `execution.getVariable('n') + 1` are errors ("Operator '>' cannot be
 * applied to types 'FlowdeckJson' and 'number'"), although they are what scripts are written like.
 * The editor reads values as `any` so that typings help (names, members, docs, read-only
 * `variables`) without blocking; writes stay checked (`variables.total = 1` is still an error).
 */
const STRICT_READS: ReadonlyArray<readonly [string, string]> = [
  [
    'declare const variables: { readonly [name: string]: FlowdeckJson };',
    '/** The variables known at this task (filled by the editor, see script-scope.ts). */\ninterface FlowdeckScopeVariables {}\ndeclare const variables: FlowdeckScopeVariables & { readonly [name: string]: any };',
  ],
  // `string & {}` keeps any name allowed while the known ones are offered inside the quotes.
  ['getVariable(name: string): FlowdeckJson;', 'getVariable(name: keyof FlowdeckScopeVariables | (string & {})): any;'],
];

/**
 * `SCRIPT_API_DTS` with value reads typed `any` (see `STRICT_READS`). Throws when the host's
 * declaration no longer has the lines it relaxes, so a change there cannot silently bring the
 * blocking errors back.
 */
export function editorScriptApiDts(dts: string = SCRIPT_API_DTS): string {
  return STRICT_READS.reduce((text, [strict, relaxed]) => {
    if (!text.includes(strict)) throw new Error(`script API declaration changed: "${strict}" not found`);
    return text.replace(strict, relaxed);
  }, dts);
}

/** TS1108: "A 'return' statement can only be used within a function body". */
const TOP_LEVEL_RETURN = 1108;

let configured = false;

export function configureScriptLanguage(monaco: Monaco): void {
  if (configured) return;
  configured = true;
  const defaults = monaco.typescript.javascriptDefaults;
  defaults.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ES2020,
    lib: ['es2022'],
    allowJs: true,
    checkJs: true,
    allowNonTsExtensions: true,
    noEmit: true,
  });
  defaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    diagnosticCodesToIgnore: [TOP_LEVEL_RETURN],
  });
  defaults.addExtraLib(editorScriptApiDts(), 'file:///flowdeck/script-api.d.ts');
}

let scopeLib: { dispose(): void } | undefined;

/** Offers `variables` in scope at the open script (completion on `variables.` and in `getVariable('…')`). */
export function setScriptScope(monaco: Monaco, variables: readonly VariableInScope[]): void {
  scopeLib?.dispose();
  scopeLib = monaco.typescript.javascriptDefaults.addExtraLib(scopeVariablesDts(variables), SCOPE_LIB_PATH);
}

/** Model path of one script, so each task has its own Monaco model (and undo history). */
export function scriptModelPath(fileId: string, nodeId: string, language: 'javascript' | 'feel'): string {
  const safe = (text: string) => encodeURIComponent(text).replace(/%/g, '_');
  return `file:///flowdeck/scripts/${safe(fileId)}/${safe(nodeId)}.${language === 'javascript' ? 'js' : 'feel'}`;
}
