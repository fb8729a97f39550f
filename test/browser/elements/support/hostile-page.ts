/**
 * A host page that styles everything it can reach, to show that an element survives it:
 * its shadow content must still be laid out, visible and usable.
 */
export const HOSTILE_CSS = `
  * { all: unset; }
  span { display: none; }
  button { display: none; }
  svg, ul, li, p { display: none; }
`;

/** Adds the hostile stylesheet to the document; returns its remover. */
export function addHostileStyles(css = HOSTILE_CSS): () => void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}
