/**
 * The rules configuration in force: the newest row of `rules_versions`. The first read of an
 * empty database stores the defaults as version 1. Replacing the rules adds a version; ledger
 * entries keep the version they were computed under, so the past is never rewritten.
 */
import { defaultRulesConfig, reviseRulesConfig, type RulesConfig } from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';

export async function currentRules(q: Queryable, fallback: RulesConfig = defaultRulesConfig): Promise<RulesConfig> {
  const latest = await q.query<{ config: RulesConfig }>('SELECT config FROM rules_versions ORDER BY version DESC LIMIT 1');
  if (latest.rows[0]) return latest.rows[0].config;
  await q.query('INSERT INTO rules_versions (version, config) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING', [fallback.version, JSON.stringify(fallback)]);
  return fallback;
}

/** Validates the proposal against the current rules and stores it as the next version. */
export async function replaceRules(db: Db, proposed: unknown): Promise<RulesConfig> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE rules_versions IN EXCLUSIVE MODE');
    const current = await currentRules(tx);
    const next = reviseRulesConfig(current, proposed);
    if (next.version === current.version) return current;
    await tx.query('INSERT INTO rules_versions (version, config) VALUES ($1, $2)', [next.version, JSON.stringify(next)]);
    return next;
  });
}
