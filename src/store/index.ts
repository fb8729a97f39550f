/**
 * The shared store the elements read and act through (nanostores). One request per resource
 * however many elements show it; mutations update every store they change at once; other tabs
 * of the same member follow; data revalidates when the tab comes back.
 *
 * ```ts
 * import { configure, rewardsSession } from 'member-rewards-kit/store';
 * const session = rewardsSession({ api: '/rewards', getToken: () => myToken });
 * session.account.subscribe((state) => {
 *   if (state.status === 'ready') console.log(state.data.coins.available);
 * });
 * await session.checkIn();
 * ```
 */
export { $pageConfig, apiProblem, configure, localeProblem, normalizeApi, type RewardsConfig, type TokenSource } from './config.ts';
export { $pageSession, createRewardsStore, rewardsSession, rewardsStore, type RewardsStore, type SessionConfig } from './rewards-store.ts';
export type { RewardsSession, ResourceStore } from './session.ts';
export type { MutationOptions } from './member-stores.ts';
export type { RewardsStoreOptions } from './settings.ts';
export { dataOf, type LedgerPages, type ResourceState, type ResourceStatus } from './state.ts';
export { RewardsError, isRewardsError, type RewardsErrorCode } from '../sdk/errors.ts';
