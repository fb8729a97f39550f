// The README's element reference and the React wrappers are generated from custom-elements.json:
// editing an element's JSDoc without `npm run analyze` leaves them stale, and this fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { elementsOf, readManifest } from '../../../scripts/integrations/manifest.ts';
import { elementSection, END, START } from '../../../scripts/integrations/readme.ts';
import { generatedSources } from '../../../scripts/integrations/write-sources.ts';

test('README element reference and src/react/index.ts are up to date (run `npm run analyze`)', () => {
  for (const [path, fresh] of Object.entries(generatedSources())) assert.equal(readFileSync(path, 'utf8'), fresh, `${path} is stale`);
});

test('the README opens with a screenshot and the paste-in snippet, before any heading', () => {
  const readme = readFileSync('README.md', 'utf8');
  const beforeFirstSection = readme.slice(0, readme.indexOf('\n## '));
  assert.match(beforeFirstSection, /<img src="docs\/screenshots\/[^"]+\.png"/);
  assert.match(beforeFirstSection, /<script type="module" src="[^"]*member-rewards-kit\.js"><\/script>/);
});

test('every element of the manifest has a README section with its attributes, events, parts and states', () => {
  const readme = readFileSync('README.md', 'utf8');
  const reference = readme.slice(readme.indexOf(START), readme.indexOf(END));
  for (const element of elementsOf(readManifest())) {
    assert.ok(reference.includes(`### \`<${element.tag}>\``), element.tag);
    for (const part of element.declaration.cssParts ?? []) assert.ok(reference.includes(`| \`${part.name}\` |`), `${element.tag} part ${part.name}`);
  }
});

test('a section spells out aliased attribute types and lists every face', () => {
  const badge = elementsOf(readManifest()).find((element) => element.tag === 'member-level-badge');
  assert.ok(badge);
  const section = elementSection(badge);
  assert.match(section, /\| `size` \| `size` \| `'small' \\\| 'medium' \\\| 'large'` \| `'medium'` \|/);
  assert.match(section, /\| `rewards-error` \| `RewardsErrorEvent` \|/);
  assert.match(section, /\| `:state\(unknown\)` \|/);
  assert.match(section, /\| `signed-out` \|/);
});

test('the manifest lists only tagged classes as elements: the base class is not one', () => {
  const manifest = readManifest();
  const flagged = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement));
  assert.ok(flagged.length >= 7);
  assert.deepEqual(
    flagged.filter((declaration) => !declaration.tagName).map((declaration) => declaration.name),
    [],
  );
  const base = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.name === 'RewardsElement');
  assert.ok(base && !base.customElement, 'RewardsElement is described, as a class');
});
