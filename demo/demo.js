// Shared by the demo pages: loads the kit (the one-file build) and signs the chosen demo member in.
// The token comes from the reference server's development-only /demo/token route; a real shop
// signs member tokens in its own backend with REWARDS_MEMBER_SECRET.
import '/dist/member-rewards-kit.js';

// The same site header on every demo page: navigation, the member picker, the theme and language
// switches, and two of the kit's widgets.
const header = document.querySelector('header.site');
if (header) {
  header.innerHTML = `
    <strong>Demo shop</strong>
    <nav aria-label="Demo pages"><a href="index.html">Home</a><a href="shop.html">Shop</a><a href="account.html">Account</a><a href="forum.html">Forum</a><a href="blog.html">Blog</a><a href="one-script.html">One tag</a><a href="/docs">API</a></nav>
    <span class="spacer"></span>
    <span class="switches">
      <label>Signed in as <select id="demo-member"><option>ada</option><option>grace</option><option>linus</option></select></label>
      <label>Theme <select id="demo-theme"><option value="auto">Auto</option><option value="light">Light</option><option value="dark">Dark</option></select></label>
      <label>Language <select id="demo-locale"><option value="en">English</option><option value="zh-CN" lang="zh-CN">简体中文</option></select></label>
    </span>
    <span class="widgets"><member-level-badge size="small"></member-level-badge>
    <coin-balance></coin-balance></span>`;
}

// Theme and language: the provider passes them to every element inside; the page follows too.
const settings = {
  theme: { key: 'demo-theme', fallback: 'auto', apply: (value) => applyTheme(value) },
  locale: { key: 'demo-locale', fallback: 'en', apply: (value) => applyLocale(value) },
};
const saved = (name) => localStorage.getItem(settings[name].key) ?? settings[name].fallback;

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  const provider = document.querySelector('rewards-provider');
  if (provider) provider.theme = theme;
}

function applyLocale(locale) {
  document.documentElement.lang = locale;
  const provider = document.querySelector('rewards-provider');
  if (provider) provider.locale = locale;
}

for (const name of Object.keys(settings)) {
  settings[name].apply(saved(name));
  const select = document.querySelector(`#demo-${name}`);
  if (!select) continue;
  select.value = saved(name);
  select.addEventListener('change', () => {
    localStorage.setItem(settings[name].key, select.value);
    settings[name].apply(select.value);
  });
}

const picker = document.querySelector('#demo-member');
const member = () => localStorage.getItem('demo-member') ?? 'ada';

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
for (const name of ['rewards-checked-in', 'rewards-redeemed', 'rewards-cart-changed', 'rewards-level-up', 'rewards-error']) {
  document.addEventListener(name, (event) => console.info(name, event.detail));
}
