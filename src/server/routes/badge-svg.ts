/**
 * A member's level badge as a standalone SVG image, for pages that cannot run scripts (forum
 * signatures, e-mails, READMEs). It is an image with an accessible name (`role="img"` and a
 * `<title>`), drawn on whole pixels so it stays sharp, and every text in it is escaped: a display
 * name is whatever a member typed.
 */

/** The level colours of the elements' light theme, each readable under white text (WCAG AA). */
export const LEVEL_COLORS: readonly string[] = ['#59616e', '#3f6b73', '#b8321f', '#8a6100', '#1d6fb8', '#84592b', '#a0461b'];
const NAME_BACKGROUND = '#2b3038';
const TEXT_COLOR = '#ffffff';
const HEIGHT = 20;
const PADDING = 6;
const FONT_SIZE = 11;
/** Longer display names are shortened in the picture; the title keeps them whole. */
const MAX_VISIBLE_NAME = 24;

export interface BadgeSvgInput {
  level: number;
  levelName: string;
  displayName?: string | undefined;
}

/** Only the characters XML 1.0 can carry at all (its `Char` production); escaping cannot help the others. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

/** Drops what XML cannot carry (controls, lone surrogates); iterating by code point keeps pairs whole. */
function xmlChars(text: string): string {
  let kept = '';
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char;
  return kept;
}

export function escapeXml(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The width a text takes at 11 px in a common sans-serif, estimated per character. The text is
 * then told to fill exactly that width (`textLength`), so the badge looks the same everywhere
 * whatever font the viewer has.
 */
export function estimateTextWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        code >= 0x1f300)
    )
      width += 11;
    else if (/[MWmw@%]/.test(char)) width += 9;
    else if (/[A-Z0-9#&]/.test(char)) width += 7.5;
    else if (/[iIl.,:;'|!() ]/.test(char)) width += 3.5;
    else width += 6.2;
  }
  return Math.ceil(width);
}

function shorten(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

interface Segment {
  text: string;
  fill: string;
  x: number;
  width: number;
  textWidth: number;
}

function segments(parts: ReadonlyArray<{ text: string; fill: string }>): { list: Segment[]; width: number } {
  let x = 0;
  const list = parts.map(({ text, fill }) => {
    const textWidth = estimateTextWidth(text);
    const segment = { text, fill, x, width: textWidth + 2 * PADDING, textWidth };
    x += segment.width;
    return segment;
  });
  return { list, width: x };
}

/** The badge's accessible name: "Ada Lovelace: Venus (LV3)", or "Venus (LV3)" without a name. */
export function badgeTitle({ level, levelName, displayName }: BadgeSvgInput): string {
  const levelText = `${levelName} (LV${level})`;
  return displayName ? `${displayName.trim()}: ${levelText}` : levelText;
}

export function renderBadgeSvg(input: BadgeSvgInput): string {
  const color = LEVEL_COLORS[input.level] ?? LEVEL_COLORS[0]!;
  const levelLabel = input.level > 0 ? `LV${input.level} ${input.levelName}` : input.levelName;
  const parts = input.displayName ? [{ text: shorten(input.displayName, MAX_VISIBLE_NAME), fill: NAME_BACKGROUND }] : [];
  parts.push({ text: levelLabel, fill: color });
  const { list, width } = segments(parts);
  const baseline = 14;
  const rects = list.map((s) => `<rect x="${s.x}" width="${s.width}" height="${HEIGHT}" fill="${s.fill}"/>`).join('');
  const texts = list
    .map((s) => `<text x="${s.x + PADDING}" y="${baseline}" textLength="${s.textWidth}" lengthAdjust="spacingAndGlyphs">${escapeXml(s.text)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-labelledby="badge-title">` +
    `<title id="badge-title">${escapeXml(badgeTitle(input))}</title>` +
    `<clipPath id="badge-round"><rect width="${width}" height="${HEIGHT}" rx="3"/></clipPath>` +
    `<g clip-path="url(#badge-round)" shape-rendering="crispEdges">${rects}</g>` +
    `<g fill="${TEXT_COLOR}" font-family="Verdana,'DejaVu Sans',Arial,sans-serif" font-size="${FONT_SIZE}" aria-hidden="true">${texts}</g>` +
    `</svg>`
  );
}
