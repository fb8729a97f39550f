// `npm run analyze` writes custom-elements.json from the elements' JSDoc; a test checks it is up to date.
// Framework types, editor data and the README's element reference are generated from it
// (scripts/integrations/), so what the manifest says is what every consumer sees.
import { getTsProgram, typeParserPlugin } from '@wc-toolkit/type-parser';

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; the up-to-date test writes to a scratch folder it must not point at.
  packagejson: false,
  // The type parser needs TypeScript's checker to expand aliases such as `BadgeSize`.
  overrideModuleCreation({ ts, globs }) {
    const program = getTsProgram(ts, globs, 'tsconfig.json');
    return program.getSourceFiles().filter((file) => globs.some((glob) => file.fileName.includes(glob)));
  },
  plugins: [
    // Adds `parsedType` beside `type`: `BadgeSize` becomes `'small' | 'medium' | 'large'`.
    typeParserPlugin(),
    {
      // Keep an expansion only where it tells a reader more than the alias: a public member's
      // literal union. Expanded object types (stores, controllers) are noise in every tool.
      name: 'literal-unions-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
              const parsed = item.parsedType?.text;
              if (parsed === undefined) continue;
              if ((item.privacy && item.privacy !== 'public') || parsed.includes('{') || parsed === item.type?.text) delete item.parsedType;
            }
          }
        }
      },
    },
    {
      // An abstract base (RewardsElement) is a LitElement but no element: without a tag it would
      // be listed as one (and tools would write `elements/undefined.js`).
      name: 'only-tagged-classes-are-elements',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
          }
        }
      },
    },
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
