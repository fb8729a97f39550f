/**
 * The signed-in member's own level, for a badge without `member`: the account the other
 * elements share, from the store. Loaded on demand, so that a page of public badges never
 * downloads the store, the session or zod.
 */
import type { ReactiveControllerHost } from 'lit';
import type { MeResponse } from '../../api/member.ts';
import { rewardsSession, type ResourceState } from '../../store/index.ts';
import type { EffectiveConfig } from '../shared/resolve-config.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';

export interface OwnLevel {
  /** The account's state; `undefined` while no configuration is given. */
  readonly state: ResourceState<MeResponse> | undefined;
  /** Fetches the account again (the error face's "Try again"). */
  refresh(): void;
}

/** Follows the account of `config()`'s session while `active()` is true. */
export function followOwnLevel(
  host: ReactiveControllerHost,
  config: () => EffectiveConfig | undefined,
  active: () => boolean,
): OwnLevel {
  const session = () => {
    const current = config();
    return current ? rewardsSession(current) : undefined;
  };
  const account = new SelectedStoreController<ResourceState<MeResponse>>(host, () => (active() ? session()?.account : undefined));
  return {
    get state() {
      return account.value;
    },
    refresh() {
      void session()?.refresh();
    },
  };
}
