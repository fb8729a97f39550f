// custom-elements.json is what IDEs, docs and framework wrappers read: it must match the elements' JSDoc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('custom-elements.json is up to date (run `npm run analyze` after changing an element)', () => {
  // The analyzer resolves --outdir against the working directory, so the scratch folder lives in the project.
  const outdir = mkdtempSync('node_modules/.cem-check-');
  try {
    execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', outdir], { stdio: 'pipe' });
    const fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
    const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    assert.deepEqual(committed, fresh);
    // Tools find the manifest through package.json; checking must not have re-pointed it.
    assert.equal(JSON.parse(readFileSync('package.json', 'utf8')).customElements, 'custom-elements.json');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
