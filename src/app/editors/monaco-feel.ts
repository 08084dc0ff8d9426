/**
 * The `feel` language for Monaco, on Flowdeck's own FEEL parser (`src/feel/editing` through
 * `feel-language-parts.ts`): highlighting, syntax errors as markers while typing, completion of the
 * variables in scope and of built-ins with their parameters as snippet tab stops, and hover
 * (a variable's source, a built-in's signature). Registered once per Monaco; the variables of a
 * model are set with `setFeelContext` by whoever knows them (the Scripts view knows the element).
 *
 * @example
 * ```ts
 * const monaco = await loadMonaco();
 * registerFeelLanguage(monaco);
 * const model = monaco.editor.createModel('amount > 10', FEEL_LANGUAGE_ID);
 * setFeelContext(model, { variables: [{ name: 'amount', source: 'start form field' }] });
 * ```
 */
import type { ScopeVariable } from '../../feel/editing';
import { feelHoverAt, feelLineTokens, feelMarkers, feelSuggestions } from './feel-language-parts';
import type { Monaco } from './monaco';

export const FEEL_LANGUAGE_ID = 'feel';
/** Marker owner: our markers replace only our own. */
export const FEEL_MARKER_OWNER = 'flowdeck-feel';
/** Typing pauses this long before the text is parsed again (a parse is well under a millisecond, a re-render of markers is not). */
const DIAGNOSE_DELAY_MS = 150;

type Model = ReturnType<Monaco['editor']['createModel']>;

export interface FeelModelContext {
  /** Variables in scope, offered first by completion and named by hover with their source. */
  readonly variables?: readonly ScopeVariable[];
  /** Decision-table input entries are unary tests (`> 10, [1..5]`), not expressions. */
  readonly unaryTests?: boolean;
}

const contexts = new Map<string, FeelModelContext>();
const revalidators = new Map<string, () => void>();
let registered: Monaco | undefined;

/** Sets what a FEEL model knows (variables, unary tests) and re-checks its text. */
export function setFeelContext(model: Model, context: FeelModelContext): void {
  contexts.set(model.uri.toString(), context);
  revalidators.get(model.uri.toString())?.();
}

class LineState {
  clone(): LineState {
    return this;
  }
  equals(other: unknown): boolean {
    return other === this;
  }
}
const STATE = new LineState();

export function registerFeelLanguage(monaco: Monaco): void {
  if (registered === monaco) return;
  registered = monaco;
  const { languages, editor } = monaco;
  languages.register({ id: FEEL_LANGUAGE_ID, extensions: ['.feel'], aliases: ['FEEL'] });
  languages.setLanguageConfiguration(FEEL_LANGUAGE_ID, {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [['(', ')'], ['[', ']'], ['{', '}']],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  });
  languages.setTokensProvider(FEEL_LANGUAGE_ID, {
    getInitialState: () => STATE,
    tokenize: (line: string) => ({ tokens: feelLineTokens(line), endState: STATE }),
  });

  const kinds = { function: languages.CompletionItemKind.Function, variable: languages.CompletionItemKind.Variable, keyword: languages.CompletionItemKind.Keyword };
  languages.registerCompletionItemProvider(FEEL_LANGUAGE_ID, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const variables = contexts.get(model.uri.toString())?.variables ?? [];
      const linePrefix = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const line = position.lineNumber;
      const suggestions = feelSuggestions(word.word, variables, linePrefix).map((s) => ({
        label: s.label,
        kind: kinds[s.kind],
        detail: s.detail,
        ...(s.documentation ? { documentation: s.documentation } : {}),
        insertText: s.insertText,
        ...(s.snippet ? { insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
        sortText: s.sortText,
        range: { startLineNumber: line, endLineNumber: line, startColumn: position.column - s.replace, endColumn: word.endColumn },
      }));
      return { suggestions };
    },
  });
  languages.registerHoverProvider(FEEL_LANGUAGE_ID, {
    provideHover(model, position) {
      const text = feelHoverAt(model.getValue(), position.lineNumber, position.column, contexts.get(model.uri.toString())?.variables ?? []);
      return text ? { contents: [{ value: '`' + text.replace(/`/g, "'") + '`' }] } : null;
    },
  });

  const watch = (model: Model) => {
    if (model.getLanguageId() !== FEEL_LANGUAGE_ID) return;
    const key = model.uri.toString();
    let timer: number | undefined;
    const check = () => {
      if (model.isDisposed()) return;
      const context = contexts.get(key) ?? {};
      const names = context.variables?.map((v) => v.name);
      const markers = feelMarkers(model.getValue(), { names, unaryTests: context.unaryTests });
      editor.setModelMarkers(model, FEEL_MARKER_OWNER, markers.map((m) => ({ ...m, severity: monaco.MarkerSeverity.Error })));
    };
    revalidators.set(key, check);
    const changed = model.onDidChangeContent(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DIAGNOSE_DELAY_MS);
    });
    model.onWillDispose(() => {
      window.clearTimeout(timer);
      changed.dispose();
      revalidators.delete(key);
      contexts.delete(key);
    });
    check();
  };
  editor.onDidCreateModel(watch);
  editor.getModels().forEach(watch);
}
