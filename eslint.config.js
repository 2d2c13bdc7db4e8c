import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The layers of docs/architecture.md: each folder of lib/ may import only
// the folders listed here (and the leaf modules directly in lib/). Imports
// point down; siblings do not import each other; only lib/wire/ imports
// generated code; bin/ composes and may import anything.
const LAYERS = {
  wire: [],
  identity: ['wire'],
  feed: ['wire', 'identity'],
  net: ['wire'],
  discovery: ['wire'],
  chat: ['wire', 'identity', 'feed', 'net', 'discovery'],
  relay: ['wire', 'identity', 'feed', 'chat'],
  ui: ['chat'],
  api: ['wire', 'chat', 'relay']
}
const FOLDERS = Object.keys(LAYERS)
const GENERATED = { group: ['**/wire/gen/*'], message: 'only lib/wire/ may import generated code' }
// Storage is lib/feed/'s: nothing else in lib/ names Hypercore or Corestore.
const STORAGE = ['hypercore', 'corestore'].map(name => ({ name, message: 'only lib/feed/ uses Hypercore and Corestore (docs/architecture.md)' }))

const layerRules = FOLDERS.map(folder => {
  const allowed = LAYERS[folder]
  const denied = FOLDERS.filter(f => f !== folder && !allowed.includes(f))
  const patterns = [{ group: denied.map(f => `**/${f}/*`), message: `lib/${folder} may import only ${allowed.length ? allowed.map(f => `lib/${f}`).join(', ') + ' and ' : ''}the modules directly in lib/ (docs/architecture.md)` }]
  if (folder !== 'wire') patterns.push(GENERATED)
  const paths = folder === 'feed' ? [] : STORAGE
  return { files: [`lib/${folder}/**`], rules: { 'no-restricted-imports': ['error', { patterns, paths }] } }
})

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/wire/gen/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [GENERATED] }]
    }
  },
  {
    // The leaves every layer may import: they import no layer.
    files: ['lib/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: STORAGE, patterns: [{ group: FOLDERS.map(f => `./${f}/*`), message: 'the modules directly in lib/ are leaves: they import no layer' }] }] }
  },
  ...layerRules
)
