/**
 * The shared store, loaded on demand. An element's entry holds Lit, its base, its own code and
 * its messages; the store, the SDK and the contract schemas (zod) are one chunk that the first
 * data element to connect asks for and every other element on the page shares. Until it is
 * there the elements show their loading face.
 *
 * Once loaded the store is read synchronously (`store.module`), so an action still shows its
 * result in the same task as the click that caused it.
 */
import { onDemand } from './on-demand.ts';

export const store = onDemand(() => import('../../store/rewards-store.ts'));
