/**
 * The import rules of the code base (`npm run lint:deps`, part of `npm test`). ARCHITECTURE.md,
 * "Layers", draws them.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      comment: 'No module reaches itself again through its imports (type-only imports count too).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Imports between folders run one way: no folder may reach itself again through others.',
      scope: 'folder',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-stands-alone',
      comment: 'shared/ is the protocol both ends use: it imports neither end.',
      severity: 'error',
      from: { path: '^shared/src' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'ends-apart',
      comment: 'The browser and the server meet only through shared/.',
      severity: 'error',
      from: { path: '^(server|client)/src' },
      to: { path: '^(client|server)/src', pathNot: '^$1/src' },
    },
    {
      name: 'common-is-generic',
      comment: 'server/src/common holds generic helpers: they know nothing of the domain.',
      severity: 'error',
      from: { path: '^server/src/common' },
      to: { path: '^server/src/', pathNot: '^server/src/(common|store)/' },
    },
    {
      name: 'store-below-services',
      comment: 'The store is the bottom layer: it imports no service, transport or composition code.',
      severity: 'error',
      from: { path: '^server/src/store' },
      to: { path: '^server/src/', pathNot: '^server/src/(store|common)/' },
    },
    {
      name: 'tests-stay-out-of-the-build',
      comment: 'Source never imports test code (fixtures live in server/test/support, test-support/).',
      severity: 'error',
      from: { path: '^(server|client|shared)/src', pathNot: '\\.test\\.tsx?$' },
      to: { path: '(^server/test/|^test-support/|\\.test\\.tsx?$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.test\\.tsx?$|/dist/|node_modules)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
