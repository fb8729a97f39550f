// `npm run analyze` writes custom-elements.json from the elements' JSDoc; a test checks it is up to date.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
