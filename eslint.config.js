// The repo lints itself: typescript-eslint's type-checked rules everywhere, eslint-plugin-eslint-plugin
// on the rules, and asyncwise's own recommended config (dogfooding, from the built plugin).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import asyncwise from 'eslint-plugin-asyncwise';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.tmp/**',
      'bench/.corpus/**',
      'bench/.results/**',
      '**/__testfixtures__/**',
      'packages/eslint-plugin/test/fixtures/**',
      'fixtures/**',
      'eslint.config.js',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The analysis reads ESTree from several parsers (typescript-estree, espree, oxlint's); a node's
      // `type` is compared as the ESTree string it is, not through typescript-estree's enum.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ...asyncwise.configs.recommended,
  },
  {
    // The CLI's own command handling runs as the `asyncwise` process, one command at a time: the
    // entry-point case of no-sync-in-async, though the bin (cli.ts) only imports it.
    files: ['packages/codemods/src/command-line.ts'],
    rules: { 'asyncwise/no-sync-in-async': 'off' },
  },
  {
    // The folder tree is the architecture: analysis knows no host, and the two faces never import each other.
    files: ['packages/analysis/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['eslint', 'eslint/*', '@typescript-eslint/utils', '@typescript-eslint/utils/*'], message: 'analysis must not depend on ESLint.' },
            { group: ['jscodeshift', 'eslint-plugin-asyncwise', '@asyncwise/codemods'], message: 'analysis must not depend on a host or a face.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/eslint-plugin/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@asyncwise/codemods', '@asyncwise/codemods/*', 'jscodeshift'], message: 'the plugin and the codemods only meet in @asyncwise/analysis.' }] },
      ],
    },
  },
  {
    // Two hosts (ESLint and oxlint): parser services are asked for in one place, after checking that a
    // TypeScript program exists, because getParserServices throws without one.
    files: ['packages/eslint-plugin/src/**/*.ts'],
    ignores: ['packages/eslint-plugin/src/analysis-file.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Identifier[name='getParserServices']",
          message: 'Ask analysisFileFor(context).oracle; only analysis-file.ts calls getParserServices, after hasTypeInformation().',
        },
      ],
    },
  },
  {
    files: ['packages/codemods/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['eslint-plugin-asyncwise', 'eslint-plugin-asyncwise/*', 'eslint', '@typescript-eslint/utils'], message: 'the plugin and the codemods only meet in @asyncwise/analysis.' }] },
      ],
    },
  },
  {
    files: ['packages/eslint-plugin/src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-default-options': 'error',
      // A message starts with a capital or a backtick, or with a placeholder whose value does
      // (require-await's "{{name}} has no 'await' expression.", ESLint's own text).
      'eslint-plugin/report-message-format': ['error', '^([A-Z`]|\\{\\{\\w+\\}\\}).*[.)]$'],
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) ' }],
      // Fixes and suggestions come from one helper (getFixOrSuggest) that maps a plan's safety level;
      // these two rules cannot follow a messageId through it.
      'eslint-plugin/require-meta-has-suggestions': 'off',
      'eslint-plugin/no-unused-message-ids': 'off',
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-schema-description': 'error',
    },
  },
  {
    files: ['packages/eslint-plugin/test/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/test-case-property-ordering': 'error',
      'eslint-plugin/test-case-shorthand-strings': 'error',
    },
  },
);
