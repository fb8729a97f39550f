/**
 * The version of the package this server runs from (changesets bump it): the nearest
 * package.json above this module, which is the repository's when run from src/ and the server
 * package's (same version) when run from its bundle in dist-server/.
 */
import { existsSync, readFileSync } from 'node:fs';

function nearestPackageVersion(): string {
  for (let up = new URL('.', import.meta.url), level = 0; level < 5; up = new URL('..', up), level += 1) {
    const file = new URL('package.json', up);
    if (!existsSync(file)) continue;
    const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    if (typeof version === 'string') return version;
  }
  return '0.0.0';
}

export const packageVersion: string = nearestPackageVersion();
