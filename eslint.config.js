// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layout's import rules (README, "Layout and import rules"): each folder of
 * src/ lists the sibling folders it must not import from.
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
  // Lessons are pure data and pure functions, so the lesson panel may read them.
  panels: folders.filter((f) => !['core', 'data', 'state', 'viz', 'panels', 'lessons'].includes(f)),
  lessons: folders.filter((f) => !['core', 'state', 'lessons'].includes(f)),
  cli: folders.filter((f) => !['core', 'data', 'engine', 'state', 'lessons', 'cli'].includes(f)),
};
const libsForbidden = {
  core: ['react', 'react-dom', 'd3', 'd3-*', 'zustand', '@tensorflow/*', 'comlink'],
  data: ['react', 'react-dom', 'd3', 'zustand', '@tensorflow/*'],
  state: ['react-dom', 'd3', '@tensorflow/*'],
  viz: ['zustand', '@tensorflow/*'],
  panels: ['@tensorflow/*', 'comlink'],
  lessons: ['@tensorflow/*', 'd3'],
};

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(ROOT, 'src');
const TESTS = path.join(ROOT, 'tests');
const inside = (dir, file) => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * The layout's import rules, checked on where an import really leads: the specifier is
 * resolved against the importing file, so `../panels` from `src/state/actions/` is
 * state's own `panels.ts`, not the `src/panels` folder (a pattern on the text of the
 * specifier cannot tell the two apart). Source never imports tests.
 */
const layoutImports = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      folder: 'src/{{from}} may not import from src/{{to}} (README: layout and import rules).',
      tests: 'src/ may not import from tests/: move what both need into src (e.g. src/cli).',
      download: '{{who}}{{what}}: src/app loads datasets into the store.',
    },
  },
  create(context) {
    const file = context.filename;
    if (!inside(SRC, file)) return {};
    const from = path.relative(SRC, file).split(path.sep)[0];
    const banned = forbidden[from] ?? [];
    /** Checks one import, export-from or dynamic import; `typeOnly` when it brings in types alone. */
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      if (inside(TESTS, target) || target === TESTS)
        return context.report({ node, messageId: 'tests' });
      if (!inside(SRC, target)) return;
      const relTarget = path.relative(SRC, target).split(path.sep).join('/');
      const to = relTarget.split('/')[0];
      if (banned.includes(to))
        return context.report({ node, messageId: 'folder', data: { from, to } });
      const downloads = /^data\/(loader|browserLoader)(\.ts)?$/.test(relTarget);
      if (downloads && from === 'panels')
        context.report({
          node,
          messageId: 'download',
          data: { who: 'Panels never download', what: '' },
        });
      if (downloads && from === 'state' && !typeOnly)
        context.report({
          node,
          messageId: 'download',
          data: {
            who: 'src/state never downloads',
            what: ' (it may import only types from data/loader and data/browserLoader)',
          },
        });
    };
    const typeOnlyImport = (node) =>
      node.importKind === 'type' ||
      (node.specifiers.length > 0 &&
        node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

const libraryRules = Object.entries(libsForbidden).map(([folder, group]) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group,
            message: `src/${folder} may not use this library (README: layout and import rules).`,
          },
        ],
      },
    ],
  },
}));

const layoutRules = [
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { lab: { rules: { 'layout-imports': layoutImports } } },
    rules: { 'lab/layout-imports': 'error' },
  },
  ...libraryRules,
];

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
