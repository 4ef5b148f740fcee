import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const features = ['instance-detail', 'instance-list', 'wall']
const noServer = { group: ['**/server/*'], message: 'src/ never imports the server.' }
/** zod costs every route KBs (full zod ~24, zod/mini ~7 gzip); the server may use it, src/ not. */
const noZod = ['zod', 'zod/mini'].map((name) => ({
  name,
  message: 'no zod in the browser bundle: use the checks in src/dcs/wire-checks.ts',
}))

/** Dependencies point one way: app → features → ui and dcs. */
function importRule(patterns) {
  return {
    'no-restricted-imports': ['error', { paths: noZod, patterns: [noServer, ...patterns] }],
  }
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**'], rules: importRule([]) },
  {
    files: ['src/dcs/**'],
    rules: importRule([
      {
        group: [
          'react',
          'react-dom',
          'react-router',
          '@/ui/*',
          '@/app/*',
          ...features.map((f) => `@/${f}/*`),
        ],
        message: 'dcs/ is plain TypeScript with no React and no features.',
      },
    ]),
  },
  {
    files: ['src/ui/**'],
    rules: importRule([
      {
        group: ['react-router', '@/app/*', ...features.map((f) => `@/${f}/*`)],
        message: 'ui/ primitives know nothing of features or routing.',
      },
    ]),
  },
  ...features.map((feature) => ({
    files: [`src/${feature}/**`],
    rules: importRule([
      {
        group: [
          '@/app/*',
          '!@/app/paths',
          ...features.filter((f) => f !== feature).map((f) => `@/${f}/*`),
        ],
        message:
          'Features do not import each other or the app (paths aside); move what they share to dcs/ or ui/.',
      },
    ]),
  })),
)
