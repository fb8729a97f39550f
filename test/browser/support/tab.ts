/**
 * What a second tab of the shop runs: its own copy of the store module (its own realm, so
 * nothing is shared with the test page but the origin), exposed for the test page to drive.
 */
import { createRewardsStore } from '../../../src/store/index.ts';

export interface TabApi {
  createRewardsStore: typeof createRewardsStore;
  /** Requests this tab made, as `METHOD /path`. */
  requests: string[];
  fetch(input: string, init: RequestInit): Promise<Response>;
}

const requests: string[] = [];
const tab: TabApi = {
  createRewardsStore,
  requests,
  fetch: (input, init) => {
    requests.push(`${init.method ?? 'GET'} ${new URL(input).pathname}`);
    return fetch(input, init);
  },
};
(window as Window & { tab?: TabApi }).tab = tab;
