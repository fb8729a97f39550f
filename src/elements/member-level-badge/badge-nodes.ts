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

/** What one badge shows. */
export interface BadgeLook {
  full: boolean;
  /** The accessible name (it holds the display name, when one is shown). */
  label: string;
  locale: string;
  dir: string;
  level: number;
  levelName: string;
  /** `LV n`, in the full variant. */
  number: string;
  displayName?: string | undefined;
}

function span(className: string, part: string, text?: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.setAttribute('part', part);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Prepared badges by look, without display names (their names differ from badge to badge). */
const prepared = new Map<string, HTMLElement>();

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

/** A new badge showing `look`; `key` tells it from every other look (the badge makes it). */
export function badgeNodes(look: BadgeLook, key: string): HTMLElement {
  const named = look.displayName !== undefined;
  // A named look is prepared without its display name and label: those go into the clone.
  if (named) key = `named ${look.full} ${look.locale} ${look.dir} ${look.level} ${look.levelName} ${look.number}`;
  let model = prepared.get(key);
  if (!model) {
    // Looks come from a few levels and languages; the bound only guards against a page
    // cycling through endless languages.
    if (prepared.size >= 256) prepared.clear();
    prepared.set(key, (model = prepare(look, named)));
  }
  const badge = model.cloneNode(true) as HTMLElement;
  if (named) {
    badge.setAttribute('aria-label', look.label);
    badge.firstElementChild!.textContent = look.displayName!;
  }
  return badge;
}
