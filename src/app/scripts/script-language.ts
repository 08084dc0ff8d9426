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
import type { Monaco } from '../editors/monaco';

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
  defaults.addExtraLib(SCRIPT_API_DTS, 'file:///flowdeck/script-api.d.ts');
}

/** Model path of one script, so each task has its own Monaco model (and undo history). */
export function scriptModelPath(fileId: string, nodeId: string, language: 'javascript' | 'feel'): string {
  const safe = (text: string) => encodeURIComponent(text).replace(/%/g, '_');
  return `file:///flowdeck/scripts/${safe(fileId)}/${safe(nodeId)}.${language === 'javascript' ? 'js' : 'feel'}`;
}
