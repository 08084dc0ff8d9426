// Lint doubles as the layer police: the pure layers (engine, feel, dmn, simulation) may not reach
// the DOM, Node built-ins, storage or UI libraries; each src/ folder README states the same rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'stream', 'http', 'https', 'net'];
const IMPURE_LIBS = ['dexie', 'dexie-*', 'react', 'react-*', 'react/*', 'zustand', 'zustand/*', 'comlink', 'quickjs-emscripten', 'monaco-editor', 'monaco-editor/*', 'bpmn-js', 'bpmn-js/*', 'dmn-js', 'dmn-js/*', 'camunda-bpmn-js', 'camunda-bpmn-js/*', '@bpmn-io/*', 'fake-indexeddb', 'fake-indexeddb/*'];

function layer(files, forbiddenFolders, extraPatterns = []) {
  return {
    files,
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...NODE_BUILTINS, ...IMPURE_LIBS, ...extraPatterns], message: 'Pure layer: reach the outside world through a port (see this folder\'s README).' },
          ...forbiddenFolders.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `This layer may not import src/${f} (see its README).` })),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'setTimeout', 'setInterval', 'fetch', 'Buffer'],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  };
}

function bpmnIoLayer() {
  const base = layer(['src/bpmn-io/**/*.ts'], ['engine', 'feel', 'dmn', 'store', 'host', 'app', 'cli', 'archive', 'simulation', 'tools']);
  const [, options] = base.rules['no-restricted-imports'];
  const [libs, ...folders] = options.patterns;
  const message = libs.message;
  return {
    ...base,
    rules: {
      ...base.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: libs.group.filter((g) => !g.startsWith('bpmn-js')), message },
          { regex: '^bpmn-js(/(?!lib/import/BpmnTreeWalker$|lib/features/drilldown/SubprocessCompatibility$).*)?$', message },
          ...folders,
        ],
      }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // No import cycles (type-only imports do not count: they vanish at run time). src/feel still has
  // a few between its compiler and built-ins; it joins once they are broken up.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/feel/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  layer(['src/feel/**/*.ts'], ['engine', 'dmn', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  layer(['src/dmn/**/*.ts'], ['engine', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  layer(['src/engine/**/*.ts'], ['feel', 'dmn', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  layer(['src/simulation/**/*.ts'], ['store', 'app', 'cli']),
  layer(['src/replay/**/*.ts'], ['feel', 'dmn', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  layer(['src/dates/**/*.ts'], ['engine', 'feel', 'dmn', 'replay', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  // The engine's kernel knows elements only through the registry it is handed (runtime/element-type.ts).
  {
    files: ['src/engine/runtime/**/*.ts', 'src/engine/model/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/behaviours/**', '**/behaviours', '../behaviours/*'], message: 'The kernel imports no element behaviour: they come in through the registry (see src/engine/README.md).' },
          { group: [...NODE_BUILTINS, ...IMPURE_LIBS], message: 'Pure layer: reach the outside world through a port (see this folder\'s README).' },
          ...['feel', 'dmn', 'store', 'host', 'app', 'cli', 'archive', 'simulation'].map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message: `This layer may not import src/${f} (see its README).` })),
        ],
      }],
    },
  },
  // BPMN import repairs: pure, shared by the browser and Node. bpmn-js' tree walker and its
  // subprocess-plane step are pure functions of the moddle tree; nothing else of bpmn-js may come in.
  bpmnIoLayer(),
  {
    files: ['src/store/**/*.ts', 'src/host/**/*.ts', 'src/archive/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', 'react', 'react-*', 'zustand'], message: 'Below the UI: may not import the app or React.' }] }],
    },
  },
  // The archive format runs in the browser and in Node alike (src/archive/README.md).
  layer(['src/archive/**/*.ts'], ['store', 'app', 'cli', 'server', 'simulation']),
);
