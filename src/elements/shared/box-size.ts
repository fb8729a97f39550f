/**
 * Gives an element a size computed at run time (a skeleton's, a progress bar's fill) through
 * the CSSOM. A strict CSP (`style-src 'self'`) refuses `style` attributes in markup, but not
 * properties set from script, so the size survives it; colours never travel this way (they are
 * classes or `data-level` with the values in the static styles).
 *
 * ```ts
 * html`<div class="fill" ${boxSize({ inlineSize: '42%' })}></div>`
 * ```
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

export interface BoxSize {
  blockSize?: string | undefined;
  inlineSize?: string | undefined;
}

class BoxSizeDirective extends Directive {
  private last: BoxSize = {};

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('boxSize() goes on an element, not in an attribute or text');
  }

  render(_size: BoxSize): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [size]: [BoxSize]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const [property, key] of [
      ['block-size', 'blockSize'],
      ['inline-size', 'inlineSize'],
    ] as const) {
      const value = size[key];
      if (value === this.last[key]) continue;
      if (value === undefined) style.removeProperty(property);
      else style.setProperty(property, value);
    }
    this.last = { ...size };
    return noChange;
  }
}

export const boxSize = directive(BoxSizeDirective);
