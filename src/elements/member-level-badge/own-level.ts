/**
 * The signed-in member's own level, for a badge without `member`: the account the other
 * elements share, from the store. Loaded on demand, so that a page of public badges never
 * downloads the store, the session or zod.
 *
 * It imports the badge's module (it is loaded by it anyway): a bundler then keeps everything the
 * badge loads statically in one chunk, which compresses better than several.
 */
import type { ReactiveControllerHost } from 'lit';
import type { MeResponse } from '../../api/member.ts';
import { rewardsSession, type ResourceState } from '../../store/index.ts';
import type { EffectiveConfig } from '../shared/resolve-config.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { LOADING_FACE } from './member-level-badge.ts';
import type { RewardsError } from '../../sdk/errors.ts';

/** What the badge shows of the signed-in member. */
export type OwnFace =
  | { face: 'loading' }
  | { face: 'signed-out' }
  | { face: 'error'; error: RewardsError }
  | { face: 'ready'; view: { level: number; displayName?: string | undefined } };

export interface OwnLevel {
  /** The face for the account's state (`loading` while no configuration is given). */
  readonly face: OwnFace;
  /** Fetches the account again (the error face's "Try again"). */
  refresh(): void;
}

/** Follows the account of `config()`'s session while `active()` is true. */
export function followOwnLevel(host: ReactiveControllerHost, config: () => EffectiveConfig | undefined, active: () => boolean): OwnLevel {
  const session = () => {
    const current = config();
    return current ? rewardsSession(current) : undefined;
  };
  const account = new SelectedStoreController<ResourceState<MeResponse>>(host, () => (active() ? session()?.account : undefined));
  return {
    get face(): OwnFace {
      const state = account.value;
      if (!state || state.status === 'loading') return LOADING_FACE;
      if (state.status === 'signed-out') return { face: 'signed-out' };
      if (state.data === undefined) return state.status === 'error' ? { face: 'error', error: state.error } : LOADING_FACE;
      return { face: 'ready', view: { level: state.data.level.index, displayName: state.data.displayName ?? undefined } };
    },
    refresh() {
      void session()?.refresh();
    },
  };
}
