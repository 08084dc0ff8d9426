// Lint doubles as the layer police: the pure layers (engine, feel, dmn, simulation) may not reach
// the DOM, Node built-ins, storage or UI libraries; each src/ folder README states the same rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
  layer(['src/feel/**/*.ts'], ['engine', 'dmn', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  layer(['src/dmn/**/*.ts'], ['engine', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  layer(['src/engine/**/*.ts'], ['feel', 'dmn', 'store', 'host', 'app', 'cli', 'archive', 'simulation']),
  layer(['src/simulation/**/*.ts'], ['store', 'app', 'cli']),
  {
    files: ['src/store/**/*.ts', 'src/host/**/*.ts', 'src/archive/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', 'react', 'react-*', 'zustand'], message: 'Below the UI: may not import the app or React.' }] }],
    },
  },
);
