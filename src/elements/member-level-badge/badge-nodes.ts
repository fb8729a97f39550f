/**
 * The badge's nodes, made by hand instead of through a template engine: a page may hold
 * thousands of badges of a few levels, so each look (level, language, variant) is built once
 * and every badge showing it gets a deep clone, complete with its text and attributes. Only a
 * display name is written into the clone. No white space inside the level (it must not wrap);
 * one real space after the display name, where a line may break as between two words. The
 * colour comes from `data-level` and the static styles, never from a style attribute.
 *
 * ```html
 * <span class="badge full" part="badge" role="img" aria-label lang dir data-level>
 *   <span class="display-name" part="display-name">Ada</span>␠<span class="level" part="level">
 *   (<span class="dot" part="dot"></span>)<span class="name" part="level-name">Mars</span>
 *   (<span class="number" part="level-number">LV 2</span>)</span></span>
 * ```
 */

/**
 * A level in one language and variant, as badges show it: shared by every badge showing it
 * (the badge keeps one per page and language), with its prepared nodes once one was drawn.
 */
export interface BadgeLook {
  full: boolean;
  locale: string;
  dir: string;
  level: number;
  levelName: string;
  /** The accessible name when no display name is shown. */
  label: string;
  /** `LV n`, in the full variant. */
  number: string;
  /** The badge without a display name, made the first time one is drawn. */
  model?: HTMLElement;
  /** The badge with an empty display name and no label, for the clones to fill in. */
  namedModel?: HTMLElement;
}

function span(className: string, part: string, text?: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.setAttribute('part', part);
  if (text !== undefined) element.textContent = text;
  return element;
}

function prepare(look: BadgeLook, named: boolean): HTMLElement {
  const badge = span(look.full ? 'badge full' : 'badge compact', 'badge');
  badge.setAttribute('role', 'img');
  badge.setAttribute('lang', look.locale);
  badge.setAttribute('dir', look.dir);
  badge.setAttribute('data-level', String(look.level));
  if (!named) badge.setAttribute('aria-label', look.label);
  if (named) badge.append(span('display-name', 'display-name'), ' ');
  const level = span('level', 'level');
  if (!look.full) level.append(span('dot', 'dot'));
  level.append(span('name', 'level-name', look.levelName));
  if (look.full) level.append(span('number', 'level-number', look.number));
  badge.append(level);
  return badge;
}

/** A new badge showing `look`; with a display name, `label` is its accessible name. */
export function badgeNodes(look: BadgeLook, displayName?: string, label?: string): HTMLElement {
  if (displayName === undefined) return (look.model ??= prepare(look, false)).cloneNode(true) as HTMLElement;
  const badge = (look.namedModel ??= prepare(look, true)).cloneNode(true) as HTMLElement;
  badge.setAttribute('aria-label', label!);
  badge.firstElementChild!.textContent = displayName;
  return badge;
}
