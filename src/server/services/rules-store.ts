/**
 * The rules configuration in force: the newest row of `rules_versions`. The first read of an
 * empty database stores the defaults as version 1. Replacing the rules adds a version; ledger
 * entries keep the version they were computed under, so the past is never rewritten.
 */
import { defaultRulesConfig, reviseRulesConfig, type RulesConfig } from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';

/**
 * A column naming the rules in force (`<version>@<created_at>`), to ride along in a statement a
 * service runs anyway (see lockMember): with the configuration cached per stamp, knowing the rules
 * then costs no statement of its own. created_at tells apart the same version number in two
 * databases one process may use.
 */
export const RULES_STAMP_SQL = `(SELECT version::text || '@' || created_at::text FROM rules_versions ORDER BY version DESC LIMIT 1)`;

/** A version's configuration never changes once stored, so it is kept by stamp. */
const cachedByStamp = new Map<string, RulesConfig>();
const CACHED_STAMPS = 64;

/** The configuration a stamp names; null (no rules stored yet) stores the defaults as version 1. */
export async function rulesByStamp(q: Queryable, stamp: string | null | undefined, fallback: RulesConfig = defaultRulesConfig): Promise<RulesConfig> {
  if (stamp === null || stamp === undefined) {
    await q.query('INSERT INTO rules_versions (version, config) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING', [
      fallback.version,
      JSON.stringify(fallback),
    ]);
    return fallback;
  }
  const cached = cachedByStamp.get(stamp);
  if (cached) return cached;
  const version = Number.parseInt(stamp, 10);
  const { rows } = await q.query<{ config: RulesConfig }>('SELECT config FROM rules_versions WHERE version = $1', [version]);
  const config = rows[0]?.config;
  if (!config) throw new Error(`rules version ${version} vanished`);
  if (cachedByStamp.size >= CACHED_STAMPS) cachedByStamp.delete(cachedByStamp.keys().next().value!);
  cachedByStamp.set(stamp, config);
  return config;
}

export async function currentRules(q: Queryable, fallback: RulesConfig = defaultRulesConfig): Promise<RulesConfig> {
  const latest = await q.query<{ stamp: string | null }>(`SELECT ${RULES_STAMP_SQL} AS stamp`);
  return rulesByStamp(q, latest.rows[0]?.stamp, fallback);
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
