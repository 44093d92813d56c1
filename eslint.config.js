// Lint rules, including the dependency rule of docs/ARCHITECTURE.md:
//   domain ← policies ← commands/queries ← http | cli | jobs ; db is handed to commands and queries;
//   views import only view-model types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** A relative import that reaches into one of the named top-level folders of src/. */
const intoLayer = (layers) => `^\\.{1,2}/(\\.\\./)*(${layers.join('|')})(/|\\.js$)`;
const io = [
  'fastify',
  '@fastify/*',
  'pg',
  '@electric-sql/*',
  'drizzle-orm',
  'drizzle-orm/*',
  'hono',
  'hono/*',
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:child_process',
];

const restrict = (files, layers, pure = false, allowTypeImports = false) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: intoLayer(layers),
            message: 'breaks the dependency rule (docs/ARCHITECTURE.md)',
            allowTypeImports,
          },
          ...(pure
            ? [{ group: io, message: 'domain and policies stay pure: no I/O or framework imports' }]
            : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'src/db/migrations/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  restrict(
    ['src/domain/**'],
    ['policies', 'commands', 'queries', 'db', 'http', 'views', 'render', 'jobs', 'cli', 'config', 'main'],
    true,
  ),
  {
    files: ['src/domain/**'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'domain code takes `today` as an argument',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain code takes `today` as an argument',
        },
      ],
    },
  },
  restrict(
    ['src/policies/**'],
    ['commands', 'queries', 'db', 'http', 'views', 'render', 'jobs', 'cli', 'main'],
    true,
  ),
  restrict(['src/commands/**', 'src/queries/**'], ['http', 'views', 'render', 'jobs', 'cli', 'main']),
  restrict(
    ['src/db/**'],
    ['policies', 'commands', 'queries', 'http', 'views', 'render', 'jobs', 'cli', 'main'],
  ),
  // Views may import the *types* of read models (view models), never code that does I/O.
  restrict(
    ['src/views/**'],
    ['policies', 'commands', 'queries', 'db', 'http', 'jobs', 'cli', 'main'],
    false,
    true,
  ),
  restrict(['src/render/**'], ['policies', 'commands', 'db', 'http', 'jobs', 'cli', 'main']),
);
