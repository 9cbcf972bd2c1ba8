// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Where each layer may not reach. One rule, read from import paths; see README "Architecture". */
const boundaries = {
  shared: {
    paths: ['electron', 'react', 'react-dom', 'zustand', 'y-webrtc'].map((name) => ({
      name,
      message: 'shared/ holds contracts and pure models: no Electron, React, DOM or transport.',
    })),
    patterns: [
      { regex: '(^|/)(renderer|electron)(/|$)', message: 'shared/ may not import from renderer/ or electron/.' },
      { regex: '^node:', message: 'shared/ runs everywhere: no Node built-ins.' },
      { regex: '^react-dom/', message: 'shared/ holds contracts and pure models: no React.' },
    ],
  },
  renderer: {
    paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload bridge.' }],
    patterns: [
      { regex: '^electron/', message: 'The renderer reaches Electron only through the preload bridge.' },
      { regex: '(^|/)electron/(main|preload)(/|$)', message: 'The renderer may not import main-process or preload code.' },
    ],
  },
  electron: {
    paths: [],
    patterns: [{ regex: '(^|/)renderer(/|$)', message: 'The main process may not import renderer code.' }],
  },
  /** Every window loads the preload before its page: it takes channel names, never schemas (zod is the main process's and the page's job). */
  preload: {
    paths: [{ name: 'zod', message: 'The preload takes names only; validation happens in the main process and the page.' }],
    patterns: [
      { regex: '(^|/)renderer(/|$)', message: 'The main process may not import renderer code.' },
      { regex: '(^|/)shared/ipc/(channels|events)(\\.js)?$', message: 'The preload takes channel names from shared/ipc/names.ts, without the schemas.' },
    ],
  },
};

/** DOM globals that would compile in shared/ only by accident (its tsconfig has no DOM lib, this says why). */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'indexedDB'].map((name) => ({
  name,
  message: 'shared/ has no DOM.',
}));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', boundaries.shared],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', boundaries.renderer] } },
  { files: ['electron/**/*.ts'], ignores: ['electron/preload/index.ts'], rules: { 'no-restricted-imports': ['error', boundaries.electron] } },
  { files: ['electron/preload/index.ts'], rules: { 'no-restricted-imports': ['error', boundaries.preload] } },
  /** A long file or function hides several jobs (README "Architecture"); tests, being lists of cases, are exempt. */
  {
    files: ['renderer/src/**/*.{ts,tsx}', 'electron/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'max-lines': ['error', { max: 350 }], 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    files: ['**/*.mjs', 'deploy/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
