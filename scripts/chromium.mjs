/**
 * Debian's Chromium as every test, script and bench here starts it: headless, from CHROME_PATH
 * or /usr/bin/chromium, quiet (no sandbox in containers, no GPU, nothing fetched in the
 * background), so that runs do not differ by what the browser decides to do on its own.
 */
export const chromiumPath = () => process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
