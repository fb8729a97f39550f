/** WCAG 2.x contrast of colours as the browser paints them. */

type Rgb = [number, number, number];

/** A computed CSS colour (`rgb(…)`/`rgba(…)`) as [r, g, b]. */
export function parseColor(color: string): Rgb {
  const channels = color.match(/\d+(\.\d+)?/g)?.map(Number) ?? [];
  if (channels.length < 3) throw new Error(`not an rgb colour: ${color}`);
  return [channels[0]!, channels[1]!, channels[2]!];
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two computed colours (1 … 21). */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(parseColor(foreground)), luminance(parseColor(background))].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
