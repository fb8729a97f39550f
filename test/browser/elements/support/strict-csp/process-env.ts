// nanostores reads process.env.NODE_ENV, which a bundler would replace; the test runner's own
// page sets it in an inline script, which this page's CSP refuses, so a module does it here.
(globalThis as { process?: unknown }).process = { env: { NODE_ENV: 'development' } };
