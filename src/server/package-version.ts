/** The version of the package this server runs from, as package.json says (changesets bump it). */
import { readFileSync } from 'node:fs';

export const packageVersion: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
