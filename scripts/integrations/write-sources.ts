/**
 * Rewrites the committed files generated from custom-elements.json (run by `npm run analyze`,
 * after the analyzer): the README's element reference and the React wrappers. A test checks
 * both are up to date.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { elementsOf, readManifest } from './manifest.ts';
import { REACT_SOURCE, reactWrappers } from './react.ts';
import { withElementReference } from './readme.ts';

export function generatedSources(): Record<string, string> {
  const manifest = readManifest();
  return {
    'README.md': withElementReference(readFileSync('README.md', 'utf8'), manifest),
    [REACT_SOURCE]: reactWrappers(elementsOf(manifest)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [path, text] of Object.entries(generatedSources())) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  console.log('wrote README.md (element reference) and src/react/index.ts');
}
