import { RewardsProvider } from './rewards-provider.ts';

// Skipped when the tag is taken: two copies of the kit on one page (a widget bundle and the
// shop's own build, say) must not throw, and the first definition stays. Written out in full
// rather than through a helper so that the manifest analyzer sees the definition.
if (!customElements.get('rewards-provider')) customElements.define('rewards-provider', RewardsProvider);

export { RewardsProvider };
