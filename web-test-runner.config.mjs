// Browser tests run in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { rewardsServerPlugin } from './test/browser/support/rewards-server-plugin.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

const executablePath = chromiumPath();

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    // The reference server, for the SDK and store tests (test/browser/support/server.ts).
    rewardsServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // The strict-CSP page (test/browser/elements/strict-csp.test.ts) is served with the policy a
  // careful shop would send: no inline script, no style attribute.
  middleware: [
    function strictCsp(context, next) {
      if (context.path.endsWith('/strict-csp/page.html')) context.set('Content-Security-Policy', "script-src 'self'; style-src 'self'");
      return next();
    },
  ],
  // nanostores reads process.env.NODE_ENV, which a bundler would replace; modules are served unbundled here.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><body><script>globalThis.process = { env: { NODE_ENV: 'development' } };</script><script type="module" src="${testFramework}"></script></body></html>`,
};
