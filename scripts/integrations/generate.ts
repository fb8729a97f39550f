/**
 * Writes what frameworks and editors read, from custom-elements.json (run by `npm run build`,
 * into dist/; `tsx scripts/integrations/generate.ts <outdir>` for another folder):
 * - jsx.d.ts: JSX `IntrinsicElements` for React 19 (and Preact, Solid, …) with literal attribute
 *   types and typed event props (`onrewards-error`), from @wc-toolkit/jsx-types;
 * - vue.d.ts: Vue `GlobalComponents`, so templates are checked under `vue-tsc --strict`, and
 *   vue.js: `isRewardsElement` for the compiler's `isCustomElement`;
 * - vscode.html-custom-data.json / vscode.css-custom-data.json: VS Code custom data;
 * - web-types.json: JetBrains IDEs.
 * Types are imported from the package's own entries, never redeclared.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { getWebTypesData } from 'custom-element-jet-brains-integration';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { elementsOf, eventClassNames, readManifest, type Manifest } from './manifest.ts';
import { vueHelpers, vueTypes } from './vue.ts';

const PACKAGE = 'member-rewards-kit';

/** The per-tag entry that declares (and registers) an element's class. */
export const elementEntry = (tag: string): string => `${PACKAGE}/elements/${tag}.js`;

export function jsxTypes(manifest: Manifest): string {
  const elements = elementsOf(manifest);
  const generated = generateJsxTypes(
    manifest as never,
    {
      fileName: null as never,
      typesSrc: 'parsedType',
      componentTypePath: (_name: string, tag?: string) => elementEntry(tag ?? ''),
      hideLogs: true,
    } as never,
  );
  if (!generated) throw new Error('@wc-toolkit/jsx-types produced nothing');
  // The generator names the event classes without importing them; they live in the main entry.
  const events = eventClassNames(elements);
  const header = `// Generated from custom-elements.json by scripts/integrations/generate.ts: do not edit.\n`;
  return header + (events.length ? `import type { ${events.join(', ')} } from '${PACKAGE}';\n` : '') + generated;
}

export function integrationFiles(manifest: Manifest): Record<string, string> {
  const options = { typesSrc: 'parsedType', hideLogs: true };
  return {
    'jsx.d.ts': jsxTypes(manifest),
    'vue.d.ts': vueTypes(elementsOf(manifest), eventClassNames(elementsOf(manifest)), { packageName: PACKAGE, elementEntry }),
    'vue.js': vueHelpers(elementsOf(manifest)),
    'vscode.html-custom-data.json': getVsCodeHtmlCustomData(manifest as never, { ...options, htmlFileName: null, cssFileName: null } as never),
    'vscode.css-custom-data.json': getVsCodeCssCustomData(manifest as never, { ...options, htmlFileName: null, cssFileName: null } as never),
    'web-types.json': webTypes(manifest),
  };
}

function webTypes(manifest: Manifest): string {
  const data = JSON.parse(getWebTypesData(manifest as never, { typesSrc: 'parsedType', hideLogs: true, packageJson: false } as never)) as Record<
    string,
    unknown
  >;
  // JetBrains matches web-types to the installed package by name and version.
  return JSON.stringify({ ...data, name: PACKAGE, version: packageVersion() }, null, 2);
}

function packageVersion(): string {
  return (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ?? 'dist';
  mkdirSync(outdir, { recursive: true });
  const files = integrationFiles(readManifest());
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outdir, name), text);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${outdir}/`);
}
