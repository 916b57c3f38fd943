/**
 * Import rules of ELB Lens, checked by `npm run lint` (docs/architecture.md).
 *
 * server/src is built in floors; an import only goes down (or stays on its floor):
 *   lsp, cli, action → service, graph → project → terraform, kubernetes, elbjson, plan → rules
 *   → suppress, hover, fixes → model → parse → core
 * No circular imports in server/src and client/src, type-only ones included, and only lsp/
 * (the language server host) imports vscode-languageserver.
 */
const FLOORS = [
  ['lsp', 'cli', 'action'],
  ['service', 'graph'],
  ['project'],
  ['terraform', 'kubernetes', 'elbjson', 'plan'],
  ['rules'],
  ['suppress', 'hover', 'fixes'],
  ['model'],
  ['parse'],
  ['core'],
];

const folders = (names) => `^server/src/(${names.join('|')})/`;

/** One rule per floor: nothing on it imports a floor above. */
const noImportUp = FLOORS.slice(1).map((floor, index) => ({
  name: `no-import-up-from-${floor.join('-')}`,
  comment: `${floor.join(', ')} must not import from a floor above (${FLOORS.slice(0, index + 1)
    .flat()
    .join(', ')}); see docs/architecture.md`,
  severity: 'error',
  from: { path: folders(floor) },
  to: { path: folders(FLOORS.slice(0, index + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Circular imports tie modules together; move the shared name down a floor instead. Type-only circles count ' +
        'too: they are erased at run time but still make two files one (terraform/scope.ts declares the ' +
        'ModuleInstance that TerraformModule implements, so module.ts → scope.ts runs one way).',
      severity: 'error',
      from: { path: '^(server|client)/src/' },
      to: { circular: true },
    },
    {
      name: 'only-lsp-imports-the-language-server',
      comment: 'The analysis core and the CLI never import vscode-languageserver; lsp/ converts.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: '^server/src/lsp/' },
      // Matches the resolved path and, should resolution fail, the bare name.
      to: { path: '(^|/)vscode-languageserver(/|$)' },
    },
    {
      name: 'folder-outside-the-floors',
      comment: 'Every folder of server/src has a floor in dependency-cruiser.mjs.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: `${folders(FLOORS.flat())}` },
      to: {},
    },
    ...noImportUp,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(out|build)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
