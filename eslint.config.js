import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/wire/gen/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/wire/gen/*'], message: 'only lib/wire/ may import generated code' }]
      }]
    }
  },
  {
    files: ['lib/wire/**'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['lib/ui/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/wire/*', '**/feed/*', '**/net/*', '**/discovery/*', '**/identity/*'], message: 'lib/ui talks only to the chat layer' }]
      }]
    }
  }
)
