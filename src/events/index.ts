export { RewardsCheckedInEvent, type CheckedInDetail } from './checked-in.ts';
export { RewardsRedeemedEvent, type RedeemedDetail } from './redeemed.ts';
export { RewardsDonatedEvent, type DonatedDetail } from './donated.ts';
export { RewardsCartChangedEvent, type CartChangedDetail, type CartChangeReason } from './cart-changed.ts';
export { RewardsLevelUpEvent, type LevelUpDetail } from './level-up.ts';
export { RewardsErrorEvent, type ErrorDetail } from './error.ts';
