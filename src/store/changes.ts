/**
 * Telling this member's other tabs what changed. After a mutation a tab posts the names of
 * the resources it changed on a `BroadcastChannel` named after the API and the member; the
 * other tabs fetch those resources again. Only names travel, never data or tokens.
 */

/** A resource of a member (or of the API) that a mutation can change. */
export type ChangedResource = 'account' | 'cart' | 'earning' | 'coupons' | 'ledger' | 'checkIns' | 'catalog' | `projectDonations:${string}`;

interface ChangeMessage {
  kind: 'member-rewards-kit/changed';
  changed: ChangedResource[];
}

export interface ChangeChannel {
  post(changed: readonly ChangedResource[]): void;
  close(): void;
}

function isChangeMessage(data: unknown): data is ChangeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<ChangeMessage>;
  return message.kind === 'member-rewards-kit/changed' && Array.isArray(message.changed) && message.changed.every((name) => typeof name === 'string');
}

/**
 * Opens the channel of `api` + `memberId`, or returns `undefined` where `BroadcastChannel` does
 * not exist. In Node the channel does not keep the process alive.
 */
export function openChangeChannel(api: string, memberId: string, onChange: (changed: readonly ChangedResource[]) => void): ChangeChannel | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel(`member-rewards-kit:${api}:${memberId}`);
  channel.onmessage = (event: MessageEvent) => {
    if (isChangeMessage(event.data)) onChange(event.data.changed);
  };
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  return {
    post(changed) {
      if (changed.length === 0) return;
      const message: ChangeMessage = { kind: 'member-rewards-kit/changed', changed: [...changed] };
      channel.postMessage(message);
    },
    close() {
      channel.close();
    },
  };
}
