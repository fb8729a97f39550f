/**
 * REWARDS_TIMEZONE: calendar days follow the rules configuration, so a zone set in the server's
 * environment becomes part of the rules — as a new version, like any other change, so ledger
 * entries made under the old zone keep theirs.
 */
import { reviseRulesConfig, type RulesConfig } from '../../rules/index.ts';
import type { Db } from '../db/index.ts';
import { currentRules } from './rules-store.ts';

/**
 * Records `timeZone` as the rules' zone when it differs from the stored one, and answers the rules
 * in force. Pass undefined when the environment names no zone: the stored rules then stay as they
 * are (an operator may have chosen the zone through `PUT /v1/rules`).
 */
export async function applyConfiguredTimeZone(db: Db, timeZone: string | undefined): Promise<RulesConfig> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE rules_versions IN EXCLUSIVE MODE');
    const current = await currentRules(tx);
    if (timeZone === undefined || current.timeZone === timeZone) return current;
    const next = reviseRulesConfig(current, { ...current, timeZone });
    await tx.query('INSERT INTO rules_versions (version, config) VALUES ($1, $2)', [next.version, JSON.stringify(next)]);
    return next;
  });
}
