/**
 * The badge's nodes, made by hand instead of through a template engine: a page may hold
 * thousands of badges, and cloning a prepared tree then writing a few attributes and texts is
 * the cheapest way to draw each. No white space inside the level (it must not wrap); one real
 * space after the display name, where a line may break as between two words. The colour
 * comes from `data-level` and the static styles, never from a style attribute.
 *
 * ```html
 * <span class="badge full" part="badge" role="img" aria-label lang dir data-level>
 *   <span class="display-name" part="display-name">Ada</span>␠<span class="level" part="level">
 *   (<span class="dot" part="dot"></span>)<span class="name" part="level-name">Mars</span>
 *   (<span class="number" part="level-number">LV 2</span>)</span></span>
 * ```
 */

/** What one drawing of the badge shows. */
export interface BadgeText {
  label: string;
  locale: string;
  dir: string;
  level: number;
  levelName: string;
  displayName?: string | undefined;
  number?: string | undefined;
}

export interface BadgeNodes {
  /** The outer `part="badge"` span, to put into the shadow root. */
  readonly badge: HTMLElement;
  readonly full: boolean;
  /** Whether the display name is drawn. */
  readonly named: boolean;
  /** Writes what changed since the last call. */
  update(text: BadgeText): void;
}

function span(className: string, part: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.setAttribute('part', part);
  return element;
}

/** The prepared trees, one per shape, made on first use. */
const shapes = new Map<string, HTMLElement>();

function shape(full: boolean, named: boolean): HTMLElement {
  const key = `${full} ${named}`;
  let badge = shapes.get(key);
  if (!badge) {
    badge = span(full ? 'badge full' : 'badge compact', 'badge');
    badge.setAttribute('role', 'img');
    if (named) badge.append(span('display-name', 'display-name'), ' ');
    const level = span('level', 'level');
    if (!full) level.append(span('dot', 'dot'));
    level.append(span('name', 'level-name'));
    if (full) level.append(span('number', 'level-number'));
    badge.append(level);
    shapes.set(key, badge);
  }
  return badge;
}

export function badgeNodes(full: boolean, named: boolean): BadgeNodes {
  const badge = shape(full, named).cloneNode(true) as HTMLElement;
  const level = badge.lastElementChild!;
  const name = full ? level.firstElementChild! : level.lastElementChild!;
  const number = full ? level.lastElementChild! : undefined;
  const displayName = named ? badge.firstElementChild! : undefined;
  let last: Partial<BadgeText> = {};
  return {
    badge,
    full,
    named,
    update(text) {
      if (text.label !== last.label) badge.setAttribute('aria-label', text.label);
      if (text.locale !== last.locale) badge.setAttribute('lang', text.locale);
      if (text.dir !== last.dir) badge.setAttribute('dir', text.dir);
      if (text.level !== last.level) badge.setAttribute('data-level', String(text.level));
      if (text.levelName !== last.levelName) name.textContent = text.levelName;
      if (displayName && text.displayName !== last.displayName) displayName.textContent = text.displayName ?? '';
      if (number && text.number !== last.number) number.textContent = text.number ?? '';
      last = text;
    },
  };
}
