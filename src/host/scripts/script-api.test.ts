import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SCRIPT_API_DTS } from './script-api.d.ts';

/** Type-checks `script` as the script editor should configure Monaco: checkJs, ES2022 lib only (no DOM), the API declarations. */
function diagnose(script: string): string[] {
  const files: Record<string, string> = { '/api.d.ts': SCRIPT_API_DTS, '/script.js': `// @ts-check\n(function () {\n${script}\n})();\n` };
  const options: ts.CompilerOptions = { allowJs: true, checkJs: true, noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  host.getSourceFile = (name, version) => name in files ? ts.createSourceFile(name, files[name], version) : getSourceFile(name, version);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('SCRIPT_API_DTS', () => {
  it('given a script using the whole API, when type-checked against the declarations, then it has no errors', () => {
    const errors = diagnose(`
      const total = Number(variables.amount) * 2;
      execution.setVariable('total', total);
      console.log(execution.elementId, execution.processInstanceId, execution.getVariable('total'));
      const stamp = new Date(Date.now()).toISOString() + Math.random();
      if (total > 100) throw new BpmnError('TOO_MUCH', 'total ' + total, { total });
      return stamp;
    `);
    expect(errors).toEqual([]);
  });

  it('given a misuse of the API, when type-checked, then the checker reports it', () => {
    const errors = diagnose(`
      execution.setVariable();
      execution.elementId = 'x';
      variables.amount = 3;
    `);
    expect(errors).toEqual([
      expect.stringMatching(/Expected 2 arguments/),
      expect.stringMatching(/'elementId'.*read-only/),
      expect.stringMatching(/read(s)?( |-)only|only permits reading/),
    ]);
  });
});
