// Shared by the demo pages: loads the kit (the one-file build) and signs the chosen demo member in.
// The token comes from the reference server's development-only /demo/token route; a real shop
// signs member tokens in its own backend with REWARDS_MEMBER_SECRET.
import '/dist/member-rewards-kit.js';

// The same site header on every demo page: navigation, the member picker and two of the kit's widgets.
const header = document.querySelector('header.site');
if (header) {
  header.innerHTML = `
    <strong>Demo shop</strong>
    <nav><a href="index.html">Home</a><a href="shop.html">Shop</a><a href="account.html">Account</a><a href="seller.html">Seller</a><a href="forum.html">Forum</a><a href="blog.html">Blog</a><a href="one-script.html">One tag</a><a href="/docs">API</a></nav>
    <span class="spacer"></span>
    <label>Signed in as <select id="demo-member"><option>ada</option><option>grace</option><option>linus</option></select></label>
    <member-level-badge size="small"></member-level-badge>
    <coin-balance></coin-balance>`;
}

const picker = document.querySelector('#demo-member');
// A page may name the member it shows best (the seller page: grace) until the reader picks another.
const member = () => localStorage.getItem('demo-member') ?? document.body.dataset.demoMember ?? 'ada';

async function demoToken() {
  const response = await fetch(`/demo/token?member=${encodeURIComponent(member())}`);
  if (!response.ok) return null;
  return (await response.json()).token;
}

const provider = document.querySelector('rewards-provider');
if (provider) provider.getToken = demoToken;

if (picker) {
  picker.value = member();
  picker.addEventListener('change', () => {
    localStorage.setItem('demo-member', picker.value);
    location.reload();
  });
}

// The kit's events bubble out of every element: a page reacts to them in one place.
for (const name of ['rewards-checked-in', 'rewards-redeemed', 'rewards-cart-changed', 'rewards-level-up', 'rewards-withdrawal-requested', 'rewards-error']) {
  document.addEventListener(name, (event) => console.info(name, event.detail));
}
