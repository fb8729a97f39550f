// The one-file build minifies the style sheets in Lit `css` templates (scripts/css-literals.ts):
// every sheet of the kit must mean exactly what it meant as written.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transform } from 'esbuild';
import { cssTemplateParts, minifyCssLiterals } from '../../../scripts/css-literals.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/**
 * Each `css` template of `source` as a style sheet, its interpolations left out (they stand for
 * values, declarations or whole rules; the white space beside them is checked below).
 */
function sheets(source: string, file: string): string[] {
  return cssTemplateParts(source, file).map((parts) => parts.map(([start, end]) => source.slice(start, end)).join('/* interpolation */'));
}

/**
 * A sheet as esbuild's CSS minifier reads it: equal for two sheets that say the same. esbuild
 * keeps a custom property's value and a `var()` fallback as written; white space around them and
 * after their commas means nothing once they are substituted, so it is left out there.
 */
async function meaning(sheet: string): Promise<string> {
  const { code } = await transform(sheet, { loader: 'css', minify: true, logLevel: 'silent' });
  return code
    .replace(/(--[\w-]+:)([^;}]*)/g, (_, name: string, value: string) => name + value.trim().replace(/,\s+/g, ','))
    .replace(/(var\(--[\w-]+,)\s+/g, '$1');
}

test('every `css` template of the kit says the same once minified, and is smaller', async () => {
  const files = sourceFiles('src').filter((file) => readFileSync(file, 'utf8').includes('css`'));
  assert.ok(files.length >= 10, 'the style modules are found');
  let before = 0;
  let after = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const minified = minifyCssLiterals(source, file);
    assert.equal(minified.split('\n').length, source.split('\n').length, `${file}: every line keeps its number (source maps)`);
    const [written, shipped] = [sheets(source, file), sheets(minified, file)];
    assert.equal(shipped.length, written.length, file);
    for (const [index, sheet] of written.entries()) {
      assert.equal(await meaning(shipped[index]!), await meaning(sheet), `${file}: css template ${index + 1}`);
    }
    before += source.length;
    after += minified.length;
  }
  assert.ok(after < before * 0.95, `${before} → ${after} characters`);
});

test('only `css` templates change: html templates, strings and code stay as written', () => {
  const source = [
    'const styles = css`',
    '  /* a comment */',
    '  :host {',
    '    display: block;',
    '  }',
    '  .a  .b > .c, .d { color: ${token("text")} ; margin: ${a} ${b}; padding: ${c}${d} }',
    '  @media (forced-colors: active) { .a { border: 1px solid ButtonText; } }',
    '`;',
    'const view = html`<p>  two  spaces,  {kept}  </p>`;',
    "const text = 'css`  not a template  `';",
  ].join('\n');
  assert.equal(
    minifyCssLiterals(source),
    [
      'const styles = css`:host{display:block}.a .b > .c,.d{color:${',
      '',
      '',
      '',
      '',
      'token("text")};margin:${a} ${b};padding:${c}${d}}@media (forced-colors:active){.a{border:1px solid ButtonText}}`',
      '',
      ';',
      'const view = html`<p>  two  spaces,  {kept}  </p>`;',
      "const text = 'css`  not a template  `';",
    ].join('\n'),
  );
});
