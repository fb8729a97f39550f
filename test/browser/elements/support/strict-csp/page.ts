/**
 * A page of the kit under `script-src 'self'; style-src 'self'`: it shows a badge, a level
 * progress and a check-in calendar for the member named in its query string, and records every
 * CSP violation, for strict-csp.test.ts to read from its parent frame.
 */
import './process-env.ts';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective}: ${event.sample || event.blockedURI}`));

const query = new URLSearchParams(location.search);
const api = query.get('api')!;
const member = query.get('member')!;
const token = query.get('token')!;

await import('../../../../../src/elements/index.ts');
// Markup a page would write; the `style` attribute here must be refused (proof the CSP holds).
document.body.innerHTML = `
  <p id="inline-style-probe" style="color: rgb(255, 0, 0)">probe</p>
  <member-level-badge api="${api}" member="${member}" variant="full" theme="light" locale="en"></member-level-badge>
  <member-level-badge api="${api}" member="${member}" theme="light" locale="en"></member-level-badge>
  <level-progress api="${api}" token="${token}" theme="light" locale="en"></level-progress>
  <check-in-calendar api="${api}" token="${token}" theme="light" locale="en"></check-in-calendar>`;

(window as unknown as { strictCsp: { violations: string[] } }).strictCsp = { violations };
