/**
 * The legend of a printed map: a title, then one row per class — a colour swatch, the class's
 * label and, right-aligned, its count — laid out in the panel's legend box (PDF points, y up).
 * All rows share one type size, so a long label shrinks every row alike rather than standing
 * out; rows tighten when there are many classes, and when even tight rows do not fit, the
 * last row says how many classes are left out instead of running into the north arrow.
 */
import { formatCount, type Lang } from '$lib/analysis/format';
import type { Rect } from './paper';
import { fitText, normaliseText, truncateText, type MeasureText, type TextBox } from './text-fit';

/** An sRGB colour, 0–255 per channel; an alpha after them (an `Rgba`) is ignored. */
export type Rgb = readonly [number, number, number, ...number[]];

export interface LegendEntry {
	label: string;
	color: Rgb;
	count?: number;
}

export interface LegendRow {
	swatch: Rect;
	color: Rgb;
	label: TextBox;
	count?: TextBox;
}

export interface LegendLayout {
	box: Rect;
	title?: TextBox;
	rows: LegendRow[];
	/** "…另有 3 类" when not every class fits. */
	more?: TextBox;
}

const SIZES = {
	title: 10,
	minTitle: 6,
	titleGap: 6,
	label: 8.5,
	minLabel: 5.5,
	row: 16,
	swatchWidth: 18,
	swatchHeight: 11,
	swatchGap: 6,
	countGap: 8
};
/** Rows shrink to no less than this share of their full height before classes are left out. */
const MIN_ROW_SHARE = 0.6;
const ASCENT = 0.88;
const MIDDLE = 0.37;

const MORE: Readonly<Record<Lang, (n: number) => string>> = {
	zh: (n) => `…另有 ${n} 类`,
	en: (n) => `… and ${n} more`
};

export function layoutLegend(
	box: Rect,
	content: { legendTitle?: string; legend: readonly LegendEntry[]; lang: Lang },
	scale: number,
	measure: MeasureText
): LegendLayout {
	const s = scale;
	const right = box.x + box.width;
	let top = box.y + box.height;
	let title: TextBox | undefined;
	const titleText = content.legendTitle ? normaliseText(content.legendTitle) : '';
	if (titleText) {
		const fit = fitText(titleText, box.width, SIZES.title * s, SIZES.minTitle * s, measure);
		title = { ...fit, x: box.x, y: top - ASCENT * SIZES.title * s };
		top -= (SIZES.title + SIZES.titleGap) * s;
	}

	const entries = content.legend;
	const room = Math.max(0, top - box.y);
	const share = Math.max(MIN_ROW_SHARE, Math.min(1, room / (entries.length * SIZES.row * s)));
	const rowHeight = SIZES.row * s * share;
	const fitting = Math.floor(room / rowHeight + 1e-9);
	const shown = entries.length <= fitting ? entries : entries.slice(0, Math.max(0, fitting - 1));
	const nominal = Math.max(SIZES.minLabel * s, SIZES.label * s * share);

	const counts = shown.map((e) =>
		e.count !== undefined && Number.isFinite(e.count) ? formatCount(e.count, content.lang) : ''
	);
	const countWidth = Math.max(0, ...counts.map((c) => (c ? measure(c, nominal) : 0)));
	const swatchWidth = SIZES.swatchWidth * s;
	const labelX = box.x + swatchWidth + SIZES.swatchGap * s;
	const labelRoom = right - labelX - (countWidth > 0 ? countWidth + SIZES.countGap * s : 0);
	const labels = shown.map((e) => normaliseText(e.label));
	const size = Math.min(
		nominal,
		...labels.map((l) => fitText(l, labelRoom, nominal, SIZES.minLabel * s, measure).size)
	);

	const swatchHeight = SIZES.swatchHeight * s * share;
	const rows = shown.map((entry, i): LegendRow => {
		const middle = top - (i + 0.5) * rowHeight;
		const baseline = middle - MIDDLE * size;
		const count = counts[i] ?? '';
		return {
			swatch: { x: box.x, y: middle - swatchHeight / 2, width: swatchWidth, height: swatchHeight },
			color: entry.color,
			label: {
				text: truncateText(labels[i] ?? '', labelRoom, size, measure),
				x: labelX,
				y: baseline,
				size
			},
			...(count
				? { count: { text: count, x: right - measure(count, size), y: baseline, size } }
				: {})
		};
	});
	const left = entries.length - shown.length;
	const more =
		left > 0
			? {
					text: MORE[content.lang](left),
					x: box.x,
					y: top - (shown.length + 0.5) * rowHeight - MIDDLE * size,
					size
				}
			: undefined;
	return { box, ...(title ? { title } : {}), rows, ...(more ? { more } : {}) };
}
