// Lint is part of `npm test`. The module-boundary rule is what keeps the services apart:
// a service may import shared libs and its own code, never another service or the gateway.
const nx = require('@nx/eslint-plugin');

const TESTS = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**'];
const TESTING_ONLY = {
  name: '@ccsc/testing',
  message: 'libs/testing is for tests only; production code never imports it.',
};
const TESTING_PATH = {
  group: ['**/libs/testing/**'],
  message: 'libs/testing is for tests only; production code never imports it.',
};

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', '.ci/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:cases', onlyDependOnLibsWithTags: ['scope:cases', 'scope:shared'] },
            { sourceTag: 'scope:queries', onlyDependOnLibsWithTags: ['scope:queries', 'scope:shared'] },
            { sourceTag: 'scope:complaints', onlyDependOnLibsWithTags: ['scope:complaints', 'scope:shared'] },
            { sourceTag: 'scope:payments', onlyDependOnLibsWithTags: ['scope:payments', 'scope:shared'] },
            { sourceTag: 'scope:enforcement', onlyDependOnLibsWithTags: ['scope:enforcement', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            { sourceTag: 'type:lib', notDependOnLibsWithTags: ['type:app', 'type:tool'] },
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:tool'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Test infrastructure (fixtures, brokers, tokens) never ships: only tests may import it.
    files: ['services/**/*.ts', 'libs/**/*.ts', 'gateway/**/*.ts'],
    ignores: [...TESTS, 'libs/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [TESTING_ONLY], patterns: [TESTING_PATH] }] },
  },
  {
    // A service's GraphQL types name their module (graphqlScope in libs/platform), or they leak into
    // every other subgraph of the process; only the service's <service>.graphql.ts takes the raw ones.
    // Inputs nest one way (NestedInput / NestedInputs), which refuses an array where an object belongs.
    files: ['services/**/*.ts'],
    ignores: ['services/*/src/*.graphql.ts', ...TESTS],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/graphql',
              importNames: [
                'ObjectType',
                'InputType',
                'ArgsType',
                'InterfaceType',
                'registerEnumType',
                'createUnionType',
              ],
              message:
                "Take it from your service's src/<service>.graphql.ts (graphqlScope), so the type stays in your subgraph.",
            },
            {
              name: '@ccsc/platform',
              importNames: ['ConnectionType'],
              message: "Take it from your service's src/<service>.graphql.ts (graphqlScope).",
            },
            {
              name: 'class-validator',
              importNames: ['ValidateNested'],
              message:
                "Nest inputs with @NestedInput / @NestedInputs from '@ccsc/platform': @ValidateNested alone takes an array for an object and checks nothing in it.",
            },
            TESTING_ONLY,
          ],
          patterns: [TESTING_PATH],
        },
      ],
    },
  },
  {
    // The feature template (CONTRIBUTING.md): domain/ is plain TypeScript, the rules alone, so it is
    // unit-tested without a framework and reads the same in every service.
    files: ['services/*/src/**/domain/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...['typeorm', 'pg', '@ccsc/messaging'].map((name) => ({
              name,
              message:
                'domain/ is plain TypeScript: persistence and messaging live in infrastructure/ and application/.',
            })),
            ...['@ccsc/platform', '@ccsc/auth', '@ccsc/case-access'].map((name) => ({
              name,
              allowTypeImports: true,
              message: `${name}'s entry point brings in Nest: take the pure part (${name}/errors, /money, /search, /principal, /four-eyes, /access-scope, /rule).`,
            })),
          ],
          patterns: [
            {
              group: ['@nestjs/*'],
              message: 'domain/ is plain TypeScript: Nest belongs in api/, application/ and the feature module.',
            },
            {
              group: ['**/infrastructure/**', '**/api/**', '**/application/**', '**/consumers/**'],
              message: 'domain/ depends on no other layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // api/ turns requests into calls on application/; it never reaches past it into storage.
    files: ['services/*/src/**/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: 'api/ calls application/, which owns transactions and repositories.' },
            { name: '@nestjs/typeorm', message: 'api/ calls application/, which owns transactions and repositories.' },
          ],
          patterns: [
            {
              group: ['**/infrastructure/**', '**/infrastructure'],
              message: 'api/ calls application/, never infrastructure/ (CONTRIBUTING.md, the feature template).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests of an app may use the shared test infrastructure.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tools, benchmarks and the platform's end-to-end tests start the real services and the
    // gateway together, so they reach into every project; nothing imports them.
    files: ['tools/**', 'bench/**', 'e2e/**'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
