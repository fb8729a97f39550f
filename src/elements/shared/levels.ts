/**
 * Levels as elements show them (P3): the name in the reader's language and the planet colour.
 * Names come from the message catalogs by index, not from the server's English `name`, so a
 * Chinese page reads 火星 where the API says "Mars".
 */
// Lit's style module alone, so that the level badge bundles no template engine for it.
import { unsafeCSS, type CSSResult } from '@lit/reactive-element/css-tag.js';
import type { MessageKey } from '../../i18n/en.ts';

/** LV0 (Member) … LV6 (Jupiter). */
export const TOP_LEVEL = 6;

const NAME_KEYS = ['level.0', 'level.1', 'level.2', 'level.3', 'level.4', 'level.5', 'level.6'] as const satisfies readonly MessageKey[];

/** A level index as the kit knows it: a whole number from 0 to 6 (anything else is clamped). */
export function levelIndex(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(TOP_LEVEL, Math.max(0, Math.trunc(value)));
}

/** The catalog key of a level's name: `level.2` → "Mars" / "火星"; LV0 is "Member". */
export function levelNameKey(index: number): (typeof NAME_KEYS)[number] {
  return NAME_KEYS[levelIndex(index)]!;
}

/**
 * One rule per level, `<attribute selector>='N']{<property>:var(--_rk-level-N)}`: the level
 * colour chosen by an attribute in static styles, which a strict CSP (`style-src 'self'`) keeps.
 *
 * ```ts
 * css`${levelColorRules('.level[data-level', '--_level-color')}`
 * ```
 */
export function levelColorRules(attributeSelector: string, property: string): CSSResult {
  const rules = Array.from({ length: TOP_LEVEL + 1 }, (_, level) => `${attributeSelector}='${level}']{${property}:${levelColor(level)}}`);
  return unsafeCSS(rules.join(''));
}

/** The level's colour as a CSS value, from the `--rk-level-N` tokens (see `theme.ts`). */
export function levelColor(index: number): string {
  return `var(--_rk-level-${levelIndex(index)})`;
}
