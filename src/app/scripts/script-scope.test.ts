import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { editorScriptApiDts } from './script-language';
import { formFieldKeys, formFieldsOf, scopeVariablesDts } from './script-scope';

/** A TypeScript language service over the editor's declarations and one script, as Monaco's worker runs it. */
function service(scopeDts: string, script: string) {
  const files: Record<string, string> = { '/api.d.ts': editorScriptApiDts(), '/scope.d.ts': scopeDts, '/script.js': `(function () {\n${script}\n})();\n` };
  const options: ts.CompilerOptions = { allowJs: true, checkJs: true, noEmit: true, lib: ['lib.es2022.d.ts'], target: ts.ScriptTarget.ES2020, types: [] };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = files[name] ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name in files || ts.sys.fileExists(name),
    readFile: (name) => files[name] ?? ts.sys.readFile(name),
  };
  const ls = ts.createLanguageService(host);
  const text = files['/script.js']!;
  return {
    completionsAt: (marker: string) => ls.getCompletionsAtPosition('/script.js', text.indexOf(marker) + marker.length, undefined)?.entries.map((e) => e.name) ?? [],
    details: (marker: string, name: string) => ts.displayPartsToString(ls.getCompletionEntryDetails('/script.js', text.indexOf(marker) + marker.length, name, {}, undefined, undefined, undefined)?.documentation),
    errors: () => ls.getSemanticDiagnostics('/script.js').map((d) => `TS${d.code}`),
  };
}

const SCOPE = [
  { name: 'amount', source: 'start form field (form order-form)', elementId: 'Start' },
  { name: 'Monthly Income', source: 'output mapping of Assess', elementId: 'Assess' },
];

describe('variables in scope for JavaScript script tasks', () => {
  it('given the variables in scope, when completing variables., then they are offered with their source as documentation', () => {
    const s = service(scopeVariablesDts(SCOPE), 'const a = variables.;');
    // Monaco's worker asks without `includeCompletionsWithInsertText`, so a name with a space is
    // offered only inside getVariable's quotes (below), never as `variables.Monthly Income`.
    expect(s.completionsAt('variables.')).toContain('amount');
    expect(s.details('variables.', 'amount')).toBe('start form field (form order-form)');
  });

  it('given the variables in scope, when completing getVariable(\'\'), then their names are offered inside the quotes', () => {
    const s = service(scopeVariablesDts(SCOPE), "const a = execution.getVariable('');");
    expect(s.completionsAt("getVariable('")).toEqual(expect.arrayContaining(['amount', 'Monthly Income']));
  });

  it('given known variables, when a script reads others or writes one, then reads pass and writes stay errors', () => {
    const s = service(scopeVariablesDts(SCOPE), "if (variables.amount > 1 && variables.other) return execution.getVariable('unknown') + 1;\nvariables.amount = 2;");
    expect(s.errors()).toEqual(['TS2540']);
  });

  it('given a form-js schema, when reading its keys, then fields, group paths and nested fields count and buttons do not', () => {
    const schema = { id: 'order-form', components: [
      { type: 'textfield', key: 'customer' },
      { type: 'group', path: 'address', components: [{ type: 'textfield', key: 'city' }] },
      { type: 'group', components: [{ type: 'number', key: 'amount' }] },
      { type: 'button', key: 'submit' },
    ] };
    expect(formFieldKeys(schema)).toEqual(['customer', 'address.city', 'amount']);
    const fields = formFieldsOf([JSON.stringify(schema), '{ not json']);
    expect(fields({ formId: 'order-form' })).toEqual(['customer', 'address.city', 'amount']);
    expect(fields({ formKey: 'camunda-forms:bpmn:order-form' })).toEqual(['customer', 'address.city', 'amount']);
    expect(fields({ formId: 'other' })).toBeUndefined();
  });
});
