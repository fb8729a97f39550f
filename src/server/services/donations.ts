/**
 * S3: members give coins to a project; the coins move to its author, never to oneself, and every
 * donation is listed on the project. Both members are locked in a fixed order (by id), so two
 * members donating to each other's projects at once cannot deadlock.
 */
import type { DonateResponse, Donation, ProjectDonationsResponse } from '../../api/index.ts';
import { donationDecision } from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';
import { coinBalance } from './coin-balance.ts';
import { appendEntry } from './ledger.ts';
import { lockMember, type MemberRow } from './members.ts';
import { currentRules } from './rules-store.ts';
import { recordAccountChanged, writeQueuedWebhookEvents } from './webhooks/outbox.ts';

/** How many of a project's latest donations its listing shows. */
export const RECENT_DONATIONS = 10;

interface DonationRow {
  id: number;
  project_id: string;
  donor_id: string;
  display_name: string | null;
  coins: number;
  created_at: Date;
}

function toDonation(row: DonationRow): Donation {
  return {
    id: String(row.id),
    projectId: row.project_id,
    memberId: row.donor_id,
    displayName: row.display_name,
    coins: row.coins,
    createdAt: row.created_at.toISOString(),
  };
}

async function projectAuthor(q: Queryable, projectId: string): Promise<string> {
  const { rows } = await q.query<{ author_id: string }>('SELECT author_id FROM projects WHERE id = $1', [projectId]);
  const project = rows[0];
  if (!project) throw new ProblemError('not_found', `No project ${projectId}.`);
  return project.author_id;
}

export interface DonationInput {
  donorId: string;
  projectId: string;
  coins: number;
}

export async function donate(db: Db, { donorId, projectId, coins }: DonationInput, now: Date): Promise<DonateResponse> {
  return db.transaction(async (tx) => {
    const authorId = await projectAuthor(tx, projectId);
    const locked = new Map<string, MemberRow>();
    for (const id of [...new Set([donorId, authorId])].sort()) locked.set(id, await lockMember(tx, id));
    const donor = locked.get(donorId)!;
    const decision = donationDecision({ projectId, coins, donorId, authorId, donorCoinsAvailable: donor.coins_available });
    if (!decision.ok) {
      const detail = decision.code === 'forbidden' ? 'You cannot donate to your own project.' : decision.detail;
      throw new ProblemError(decision.code, detail);
    }
    const rules = await currentRules(tx);
    for (const entry of decision.credits) await appendEntry(tx, { ...entry, memberId: donorId, createdAt: now }, rules.version);
    for (const entry of decision.authorCredits) await appendEntry(tx, { ...entry, memberId: authorId, createdAt: now }, rules.version);
    for (const memberId of locked.keys()) recordAccountChanged(tx, memberId, { now });
    await writeQueuedWebhookEvents(tx);
    const { rows } = await tx.query<DonationRow>(
      `INSERT INTO donations (project_id, donor_id, coins, created_at) VALUES ($1, $2, $3, $4)
       RETURNING id, project_id, donor_id, $5::text AS display_name, coins, created_at`,
      [projectId, donorId, coins, now, donor.display_name],
    );
    return { donation: toDonation(rows[0]!), coins: await coinBalance(tx, donorId) };
  });
}

/** A project's total, its number of distinct donors and its latest donations, newest first. */
export async function projectDonations(q: Queryable, projectId: string): Promise<ProjectDonationsResponse> {
  await projectAuthor(q, projectId);
  const totals = await q.query<{ total: number; donors: number }>(
    'SELECT COALESCE(SUM(coins), 0)::bigint AS total, COUNT(DISTINCT donor_id)::int AS donors FROM donations WHERE project_id = $1',
    [projectId],
  );
  const recent = await q.query<DonationRow>(
    `SELECT d.id, d.project_id, d.donor_id, m.display_name, d.coins, d.created_at
     FROM donations d JOIN members m ON m.id = d.donor_id
     WHERE d.project_id = $1 ORDER BY d.id DESC LIMIT $2`,
    [projectId, RECENT_DONATIONS],
  );
  return {
    projectId,
    totalCoins: Number(totals.rows[0]?.total ?? 0),
    donors: totals.rows[0]?.donors ?? 0,
    recent: recent.rows.map(toDonation),
  };
}
