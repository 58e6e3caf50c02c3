/**
 * Horizontal grouped bar charts as inline SVG strings, for the HTML report:
 * no script, no external resource, readable without colour (every bar has a
 * value label and a tooltip).
 *
 * Every data bar is a `<rect class="bar" data-chart="ID">`, which is how the
 * browser test counts what was drawn. A `behind` series (for example slots
 * behind placements) is drawn first in a light tint as `rect.behind`.
 *
 * @example
 * barChart({ id: "fill", title: "Fill by field", categories: ["Nursing care"],
 *   series: [{ name: "pilot", values: [0.9] }], format: (v) => `${v * 100}%`, max: 1 });
 */

/** Okabe-Ito colours, distinguishable with common colour-vision deficiencies. */
export const PALETTE: readonly string[] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/** One series of bars (one result), with a value per category. */
export interface BarSeries {
  readonly name: string;
  /** One value per category; negative values draw as zero; null: not applicable (no bar, a dash). */
  readonly values: readonly (number | null)[];
  /** Optional values drawn behind (e.g. capacity), one per category. */
  readonly behind?: readonly number[];
}

/** What a bar chart shows. */
export interface BarChartSpec {
  /** Identifies the chart's bars (`data-chart`). */
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly format: (value: number) => string;
  /** Axis maximum; default the largest value (or behind value). */
  readonly max?: number;
  /** What the `behind` bars mean, for tooltips ("slots"). */
  readonly behindLabel?: string;
}

/** Text escaped for XML and HTML content and attributes. */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const WIDTH = 880;
const LABEL = 250;
const PLOT = 540;
/** Category labels longer than this are cut with an ellipsis (the tooltip keeps them whole). */
const LABEL_CHARS = 38;
const TOP = 8;
const AXIS = 26;

/** A round step for about four grid lines up to `max`. */
const niceStep = (max: number): number => {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
};

/** The chart as an `<svg>` element string; see the module comment. */
export const barChart = (spec: BarChartSpec): string => {
  const k = Math.max(1, spec.series.length);
  const bar = k === 1 ? 18 : k <= 3 ? 13 : 10;
  const gap = 10;
  const band = k * bar + gap;
  const height = TOP + spec.categories.length * band + AXIS;
  const dataMax = spec.series.flatMap((s) => [...s.values.map((v) => v ?? 0), ...(s.behind ?? [])]).reduce((m, v) => Math.max(m, v), 0);
  const max = spec.max ?? (dataMax > 0 ? dataMax : 1);
  const x = (v: number): number => (PLOT * Math.max(0, Math.min(v, max))) / max;
  const parts: string[] = [];
  const step = niceStep(max);
  for (let t = 0; t <= max + 1e-9; t += step) {
    const gx = LABEL + x(t);
    parts.push(
      `<line x1="${gx.toFixed(1)}" y1="${TOP}" x2="${gx.toFixed(1)}" y2="${height - AXIS + 4}" stroke="#ddd"/>`,
      `<text x="${gx.toFixed(1)}" y="${height - 8}" font-size="11" text-anchor="middle" fill="#555">${escapeXml(spec.format(t))}</text>`,
    );
  }
  spec.categories.forEach((category, c) => {
    const y0 = TOP + c * band;
    const label = category.length > LABEL_CHARS ? `${category.slice(0, LABEL_CHARS - 1)}\u2026` : category;
    parts.push(
      `<text x="${LABEL - 8}" y="${(y0 + (k * bar) / 2 + 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#222"><title>${escapeXml(category)}</title>${escapeXml(label)}</text>`,
    );
    spec.series.forEach((s, i) => {
      const y = y0 + i * bar;
      const colour = PALETTE[i % PALETTE.length] as string;
      const value = s.values[c] ?? null;
      const behind = s.behind?.[c];
      if (value === null || (value === 0 && behind === 0)) {
        parts.push(`<text x="${LABEL + 4}" y="${(y + bar - 3).toFixed(1)}" font-size="10" fill="#999">\u2013</text>`);
        return;
      }
      const v = Math.max(0, value);
      const tip = `${category}, ${s.name}: ${spec.format(v)}${behind === undefined ? "" : ` of ${spec.format(behind)} ${spec.behindLabel ?? ""}`.trimEnd()}`;
      if (behind !== undefined && behind > 0) {
        parts.push(
          `<rect class="behind" x="${LABEL}" y="${y + 1}" width="${x(behind).toFixed(1)}" height="${bar - 2}" fill="${colour}" fill-opacity="0.18"/>`,
        );
      }
      parts.push(
        `<rect class="bar" data-chart="${escapeXml(spec.id)}" x="${LABEL}" y="${y + 1}" width="${x(v).toFixed(1)}" height="${bar - 2}" fill="${colour}"><title>${escapeXml(tip)}</title></rect>`,
        `<text x="${(LABEL + Math.max(x(v), x(behind ?? 0)) + 4).toFixed(1)}" y="${(y + bar - 3).toFixed(1)}" font-size="10" fill="#333">${escapeXml(spec.format(v))}</text>`,
      );
    });
  });
  return [
    `<svg class="chart" id="chart-${escapeXml(spec.id)}" role="img" aria-label="${escapeXml(spec.title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    ...parts,
    "</svg>",
  ].join("\n");
};
