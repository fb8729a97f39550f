/**
 * A small bar chart of net earnings per month, as inline SVG: no chart library, a few hundred
 * bytes. Months run left to right, oldest first; a month whose design-defect refunds (M5) exceed
 * its sales goes below the axis. The picture is decoration for sighted readers; the months'
 * table beside it carries the same figures in text.
 */
import { svg, type TemplateResult } from 'lit';

export interface ChartBar {
  label: string;
  netCents: number;
}

const WIDTH = 240;
const HEIGHT = 80;
const GAP = 4;

export function netChart(bars: readonly ChartBar[]): TemplateResult {
  const peak = Math.max(1, ...bars.map((bar) => Math.abs(bar.netCents)));
  const hasNegative = bars.some((bar) => bar.netCents < 0);
  const axis = hasNegative ? HEIGHT / 2 : HEIGHT;
  const scale = (hasNegative ? HEIGHT / 2 : HEIGHT) / peak;
  const width = bars.length === 0 ? 0 : (WIDTH - GAP * (bars.length - 1)) / bars.length;
  return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    ${bars.map((bar, index) => {
      const size = Math.max(1, Math.abs(bar.netCents) * scale);
      const y = bar.netCents < 0 ? axis : axis - size;
      return svg`<rect class=${bar.netCents < 0 ? 'bar negative' : 'bar'} x=${index * (width + GAP)} y=${y} width=${width} height=${size}><title>${bar.label}</title></rect>`;
    })}
    <line class="axis" x1="0" x2=${WIDTH} y1=${axis} y2=${axis}></line>
  </svg>`;
}
