// The one-tag page's own button: it checks in through the kit's store, so the balance follows.
import { configure, checkIn } from '/dist/member-rewards-kit.js';

// A real shop signs the token in its backend; the demo server has a development-only route.
configure({ api: '/', getToken: async () => (await (await fetch('/demo/token?member=ada')).json()).token });
const result = document.querySelector('#check-in-result');
document.querySelector('#check-in').addEventListener('click', () =>
  checkIn().then(
    (answer) => (result.textContent = `+${answer.coinsAwarded + answer.bonusAwarded} coins`),
    (error) => (result.textContent = error.code === 'already_checked_in' ? 'Already checked in today.' : 'Something went wrong.'),
  ),
);
