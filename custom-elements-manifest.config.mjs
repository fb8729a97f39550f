// `npm run analyze` writes custom-elements.json from the elements' JSDoc; a test checks it is up to date.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; the up-to-date test writes to a scratch folder it must not point at.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists files in the order the file system gives them, which differs between
      // machines; sorting by path makes the manifest the same everywhere.
      name: 'sort-modules-by-path',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
