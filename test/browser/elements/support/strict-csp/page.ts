/**
 * A page of the kit under `script-src 'self'; style-src 'self'`: it shows a badge, a level
 * progress and a check-in calendar for the member named in its query string (and, given a
 * project and a seller, every other element), and records every CSP violation, for
 * strict-csp.test.ts to read from its parent frame.
 */
import './process-env.ts';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) =>
  violations.push(`${event.effectiveDirective}: ${event.sample || event.blockedURI} (${event.sourceFile.replace(location.origin, '')})`),
);

const query = new URLSearchParams(location.search);
const api = query.get('api')!;
const member = query.get('member')!;
const token = query.get('token')!;
// With `project` and `seller` (a seller's token), every other element too.
const project = query.get('project');
const seller = query.get('seller');

await import('../../../../../src/elements/index.ts');
// Markup a page would write; the `style` attribute here must be refused (proof the CSP holds).
document.body.innerHTML = `
  <p id="inline-style-probe" style="color: rgb(255, 0, 0)">probe</p>
  <member-level-badge api="${api}" member="${member}" variant="full" theme="light" locale="en"></member-level-badge>
  <member-level-badge api="${api}" member="${member}" theme="light" locale="en"></member-level-badge>
  <level-progress api="${api}" token="${token}" theme="light" locale="en"></level-progress>
  <check-in-calendar api="${api}" token="${token}" theme="light" locale="en"></check-in-calendar>`;
if (project && seller) {
  const common = `api="${api}" token="${token}" theme="light" locale="en"`;
  document.body.insertAdjacentHTML(
    'beforeend',
    `<coin-balance ${common}></coin-balance>
    <coin-history ${common}></coin-history>
    <redemption-cart ${common}></redemption-cart>
    <earn-coins-list ${common}></earn-coins-list>
    <reward-catalog ${common}></reward-catalog>
    <member-price ${common} price="12999"></member-price>
    <points-for-product ${common} price="12999" quantity="2"></points-for-product>
    <project-donate ${common} project="${project}"></project-donate>
    <seller-dashboard api="${api}" token="${seller}" theme="light" locale="en"></seller-dashboard>`,
  );
}

(window as unknown as { strictCsp: { violations: string[] } }).strictCsp = { violations };
