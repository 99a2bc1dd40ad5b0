// Lint: typescript-eslint's recommended rules, React's hook rules, and the import rules that keep
// the layout's arrows one way (docs/architecture.md): no cycles, no duplicate imports, each part
// importing only the parts below it, and a plugin reaching another only through its index.ts.
import { readdirSync } from 'node:fs'
import path from 'node:path'

import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname
const at = (part) => path.join(root, part)

// The parts of the tree, each a folder or a file; `mayImport` lists what a part may import of ours.
const parts = [
  'plugins',
  'collections',
  'src/lib',
  'src/sdk',
  'src/agent',
  'src/http',
  'src/database',
  'src/admin',
  'src/server',
  'src/app',
  'src/env.ts',
  'src/runtimeFolders.ts',
  'payload.config.ts',
  'payload-types.ts',
  'migrations',
  'scripts',
  'bench',
  'test',
]
const hosts = ['src/server', 'src/app', 'payload.config.ts', 'src/env.ts', 'src/runtimeFolders.ts']
const server = [
  'plugins',
  'collections',
  'src/lib',
  'src/http',
  'src/database',
  'src/admin',
  'payload-types.ts',
]
const mayImport = {
  'src/lib': [],
  'src/sdk': ['src/lib'],
  'src/agent': ['src/lib', 'src/sdk'],
  collections: ['src/lib', 'payload-types.ts'],
  'src/database': ['src/lib', 'payload-types.ts'],
  'src/http': ['src/lib', 'collections', 'payload-types.ts'],
  'src/admin': ['src/lib'],
  plugins: server,
  ...Object.fromEntries(hosts.map((host) => [host, [...server, ...hosts, 'migrations']])),
}
const layerZones = Object.entries(mayImport).map(([target, allowed]) => ({
  target: at(target),
  from: parts.filter((part) => part !== target && !allowed.includes(part)).map(at),
  message: `${target} may import only ${allowed.join(', ') || 'itself'} (docs/architecture.md).`,
}))
// Inside plugins/: another plugin only through what its index.ts exports; hosts likewise.
const pluginZones = [
  ...readdirSync(at('plugins')).map((plugin) => ({
    target: at(`plugins/${plugin}/**`),
    from: at(`plugins/!(${plugin})/**`),
    except: [at('plugins/*/index.ts')],
    message: 'Import another plugin through its index.ts.',
  })),
  ...hosts.map((host) => ({
    target: at(host.endsWith('.ts') ? host : `${host}/**`),
    from: at('plugins/**'),
    except: [at('plugins/*/index.ts')],
    message: 'A host imports a plugin through its index.ts.',
  })),
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'data/**',
      'media/**',
      'migrations/**',
      'payload-types.ts',
      'next-env.d.ts',
      'src/app/(payload)/admin/importMap.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without the TypeScript extensions the import rules never follow a .ts file, and
      // no-cycle stays silent.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...pluginZones] }],
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.tsx', '**/use[A-Z]*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests read arbitrary JSON answers field by field.
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
