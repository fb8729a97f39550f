/**
 * An element's ready face, loaded on demand. The ready face shows the member's data, and that
 * data comes from the store, which itself loads on demand (`store-loader.ts`): so the code and
 * the styles that draw it are fetched at the same moment, beside the store, rather than with the
 * element's entry. Until both are here the element shows its loading face, as it would anyway.
 *
 * A view module exports `styles`, the rules only its face uses. They are added to the element
 * class's styles (for every later instance) and to the shadow root of each instance already
 * there, after the element's own static styles, as if they had been declared last. It may export
 * `english`, the English only its face reads, which joins the element class's English.
 *
 * A view module also imports its element's module (for no value): a bundler then puts the element
 * and everything it shares with its view in one chunk, which compresses better than two.
 */
import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveElement } from 'lit';
import type { EnglishMessages } from '../../i18n/localize.ts';
import { loadFor, onDemand, type OnDemand } from './on-demand.ts';

export interface ViewModule {
  readonly styles: CSSResult;
  readonly english?: EnglishMessages;
}

/** The view module of an element class, loaded once per page. */
export const readyView = <M extends ViewModule>(importer: () => Promise<M>): OnDemand<M> => onDemand(importer);

const styled = new WeakSet<ShadowRoot>();
const merged = new WeakSet<object>();
const waiting = new WeakSet<ReactiveElement>();

/**
 * The view module if it is here, its styles adopted by `host`; else `undefined`, and it is on
 * its way (the host updates when it arrives). Call it from `willUpdate` or `render`.
 */
export function viewFor<M extends ViewModule>(host: ReactiveElement, view: OnDemand<M>, what: string): M | undefined {
  const module = view.module;
  if (!module) {
    if (!waiting.has(host)) {
      waiting.add(host);
      loadFor({ requestUpdate: () => (waiting.delete(host), host.requestUpdate()) }, view, what);
    }
    return undefined;
  }
  const elementClass = host.constructor as typeof ReactiveElement & { english?: EnglishMessages };
  // Into the class's own English (never a base class's, which other elements share).
  if (module.english && !merged.has(elementClass) && Object.hasOwn(elementClass, 'english')) {
    merged.add(elementClass);
    Object.assign(elementClass.english!, module.english);
  }
  const root = host.renderRoot;
  if (root instanceof ShadowRoot && !styled.has(root)) {
    styled.add(root);
    const elementStyles = elementClass.elementStyles;
    if (!elementStyles.includes(module.styles)) elementStyles.push(module.styles);
    // Adopted sheets are replaced as a list; `<style>` elements (older browsers) are added once.
    if (supportsAdoptingStyleSheets) adoptStyles(root, elementStyles);
    else if (![...root.querySelectorAll('style')].some((style) => style.textContent === module.styles.cssText)) adoptStyles(root, [module.styles]);
  }
  return module;
}
