// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

/**
 * The layout's import rules (README, "Layout and import rules"): each folder of
 * src/ lists the sibling folders it must not import from. Relative imports are
 * matched by the folder name after one or more `../`.
 */
const folders = [
  'core',
  'data',
  'engine',
  'worker',
  'state',
  'viz',
  'panels',
  'lessons',
  'app',
  'cli',
];
const forbidden = {
  core: folders.filter((f) => f !== 'core'),
  data: folders.filter((f) => !['core', 'data'].includes(f)),
  engine: folders.filter((f) => !['core', 'data', 'engine'].includes(f)),
  worker: folders.filter((f) => !['core', 'data', 'engine', 'worker'].includes(f)),
  state: folders.filter((f) => !['core', 'data', 'state'].includes(f)),
  viz: folders.filter((f) => !['core', 'viz'].includes(f)),
  panels: folders.filter((f) => !['core', 'data', 'state', 'viz', 'panels'].includes(f)),
  lessons: folders.filter((f) => !['core', 'state', 'lessons'].includes(f)),
  cli: folders.filter((f) => !['core', 'data', 'engine', 'cli'].includes(f)),
};
const libsForbidden = {
  core: ['react', 'react-dom', 'd3', 'd3-*', 'zustand', '@tensorflow/*', 'comlink'],
  data: ['react', 'react-dom', 'd3', 'zustand', '@tensorflow/*'],
  state: ['react-dom', 'd3', '@tensorflow/*'],
  viz: ['zustand', '@tensorflow/*'],
  panels: ['@tensorflow/*', 'comlink'],
  lessons: ['@tensorflow/*', 'd3'],
};

/** Source never imports tests: tests may use source, never the other way round. */
const testsImport = {
  regex: '^(\\.\\./)+tests(/|$)',
  message: 'src/ may not import from tests/: move what both need into src (e.g. src/cli).',
};

// src/app may import every folder of src, but not tests either.
const layoutRules = [...Object.entries(forbidden), ['app', []]].map(([folder, banned]) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          testsImport,
          ...(banned.length
            ? [
                {
                  regex: `^(\\.\\./)+(${banned.join('|')})(/|$)`,
                  message: `src/${folder} may not import from this folder (README: layout and import rules).`,
                },
              ]
            : []),
          ...(folder === 'panels'
            ? [
                {
                  regex: '^(\\.\\./)+data/(loader|browserLoader)$',
                  message: 'Panels never download: src/app loads datasets into the store.',
                },
              ]
            : []),
          ...(folder === 'state'
            ? [
                {
                  regex: '^(\\.\\./)+data/(loader|browserLoader)$',
                  allowTypeImports: true,
                  message:
                    'src/state never downloads: it may import the pure constants and functions of src/data, and only types from data/loader and data/browserLoader.',
                },
              ]
            : []),
          ...((libsForbidden[folder] ?? []).length
            ? [
                {
                  group: libsForbidden[folder],
                  message: `src/${folder} may not use this library (README: layout and import rules).`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/data',
      'public/models',
      'test-results',
      'playwright-report',
      'coverage',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...layoutRules,
  prettier,
);
