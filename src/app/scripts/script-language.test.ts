import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SCRIPT_API_DTS } from '../../host/scripts/script-api.d.ts';
import { editorScriptApiDts } from './script-language';

/** Type-checks `script` as the editor does: checkJs, lib ES2022, the API declaration as a global lib. */
function diagnostics(dts: string, script: string): string[] {
  const files: Record<string, string> = { '/api.d.ts': dts, '/script.js': `(function () {\n${script}\n})();\n` };
  const options: ts.CompilerOptions = { allowJs: true, checkJs: true, noEmit: true, lib: ['lib.es2022.d.ts'], target: ts.ScriptTarget.ES2020, types: [] };
  const host = ts.createCompilerHost(options);
  const readDefault = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name in files ? ts.createSourceFile(name, files[name], version) : readDefault(name, version);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  const program = ts.createProgram(['/api.d.ts', '/script.js'], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile('/script.js'))
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('script typings in the editor', () => {
  it('given the host declaration as it is, plain comparisons on variables are errors (the defect)', () => {
    expect(diagnostics(SCRIPT_API_DTS, 'if (variables.amount > 100) return 1;').join('\n')).toMatch(/TS2365/);
  });

  it('given the editor declaration, when a script compares and adds variable values, then nothing is flagged', () => {
    const script = [
      'if (variables.amount > 100) return variables.amount * 0.9;',
      "const n = execution.getVariable('count') + 1;",
      "execution.setVariable('count', n);",
      'return variables.customer.name.toUpperCase();',
    ].join('\n');
    expect(diagnostics(editorScriptApiDts(), script)).toEqual([]);
  });

  it('given the editor declaration, writes to variables and unknown execution members are still flagged', () => {
    const found = diagnostics(editorScriptApiDts(), 'variables.total = 1;\nexecution.setVariabel("a", 1);');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^TS2542/);
    expect(found[1]).toMatch(/setVariabel/);
  });

  it('given a declaration without the relaxed lines, then it refuses instead of keeping strict reads', () => {
    expect(() => editorScriptApiDts('declare const variables: unknown;')).toThrow(/script API declaration changed/);
  });
});
