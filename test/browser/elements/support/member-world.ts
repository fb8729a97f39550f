/**
 * One member with something in every element: Mars level with coins, a gift in the cart, a
 * check-in, a donation to a project; and a partner seller with a product and an order. Made on
 * the reference server once per test file.
 */
import { createRewardsClient } from '../../../../src/sdk/rewards-client.ts';
import { newMember, serverUrl, shop } from '../../support/server.ts';

export interface MemberWorld {
  member: { memberId: string; token: string };
  seller: { memberId: string; token: string };
  projectId: string;
  giftName: string;
  productName: string;
}

let counter = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

/** The texts (and the gift's image URL) the world is made with; plain ones by default. */
export interface WorldTexts {
  member?: string;
  gift?: string;
  giftDescription?: string;
  giftImage?: string;
  project?: string;
  seller?: string;
  product?: string;
}

export async function memberWorld(names: WorldTexts = {}): Promise<MemberWorld> {
  const member = await newMember({ displayName: names.member ?? 'Ada Lovelace', coins: 800 });
  const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token });
  const giftName = names.gift ?? 'Soldering station';
  const gift = uniqueId('world-gift');
  await shop('putCatalogItem', gift, {
    kind: 'product',
    name: giftName,
    description: names.giftDescription ?? 'With a stand',
    imageUrl: names.giftImage ?? null,
    coins: 50,
    stock: 5,
  });
  await client.redeem(gift);
  await client.checkIn();
  const projectId = uniqueId('world-project');
  const owner = await newMember({ displayName: 'Project owner' });
  await shop('sendEvent', {
    id: `${projectId}-created`,
    type: 'project.created',
    memberId: owner.memberId,
    occurredAt: new Date().toISOString(),
    data: { projectId, title: names.project ?? 'A project' },
  } as never);
  await client.donate(projectId, 10);

  const seller = await newMember({ displayName: names.seller ?? 'Parts Co' });
  await shop('putSeller', seller.memberId, names.seller ?? 'Parts Co');
  const productName = names.product ?? 'Synth kit';
  await shop('putSellerProduct', seller.memberId, 'KIT', { name: productName, stock: 50 });
  await shop('sendEvent', {
    id: uniqueId('world-order-event'),
    type: 'order.completed',
    memberId: member.memberId,
    occurredAt: new Date().toISOString(),
    data: {
      orderId: uniqueId('world-order'),
      lines: [{ sku: 'KIT', unitPriceCents: 10_000, quantity: 1, partnerSellerId: seller.memberId }],
      shippingCents: 0,
    },
  });
  return { member, seller, projectId, giftName, productName };
}
