/**
 * The legend of a thematic map and the class of every unit, built together so they cannot
 * disagree: the map colours units by `classOf`, and every count in the legend is counted from
 * that same `classOf`.
 *
 * Contract: `buildLegend(input)` → `{ legend, classOf }`.
 * - `input` is a method with its parameters (`classify/scheme.ts#SchemeInput`: `values` or
 *   `texts` per unit, `k`, `breaks`, `bands`, `categories`, `format`), plus an optional
 *   `palette` and `better` (which way is better, for the default sequential hue).
 * - `classOf[i]` is the class of unit `i`: `0 … classes.length − 1`, or `classes.length` (the
 *   last index) for no data — null, undefined, NaN, ±Infinity, or an empty category text.
 * - `legend` is one plain object: the method, `kind`, the numeric `breaks` (none for
 *   categories), the `classes` in legend order with key, name, colour, count and bounds or
 *   category, the no-data row, and `total`, the number of units (class counts plus no data).
 * - Numeric classes follow the one interval rule (`classify/interval.ts`, `INTERVAL_RULE`):
 *   lower bound included, upper excluded; `min`/`max` are those bounds, absent where a class is
 *   open. Names: "a – b"; "≥ a" for the last class; "< b" for the first class of manual breaks,
 *   which is open below; a single value by itself. Policy bands carry their own names.
 * - With no values at all there are no classes: only the no-data row.
 * - `colorsOf(legend, classOf)` gives the map one RGBA per unit, in the legend's colours.
 */
import type { Label } from './format';
import type { Rgba } from './palette';
import { classifyUnits, type Method, type SchemeClass, type SchemeInput } from './classify/scheme';
import {
	categoricalColors,
	NO_DATA_COLOR,
	OKABE_ITO,
	sequentialColors,
	type Better
} from './palettes';

export type { Method };

/** Colours for the classes: a list (at least one per class) or a function of the class count. */
export type PaletteInput = readonly Rgba[] | ((n: number) => readonly Rgba[]);

export type LegendInput = SchemeInput & {
	/** Default: Okabe–Ito for categories, `sequentialColors(n, better)` for numbers. */
	palette?: PaletteInput;
	/** Which way is better, for the default sequential hue. Default `'none'`. */
	better?: Better;
};

export interface LegendClass extends SchemeClass {
	color: Rgba;
	count: number;
}

export interface Legend {
	method: Method;
	kind: 'categorical' | 'numeric';
	breaks: number[];
	classes: LegendClass[];
	noData: { label: Label; color: Rgba; count: number };
	total: number;
}

export const NO_DATA_LABEL: Label = { zh: '无数据', en: 'No data' };

/** Most classes an Int16Array can index, with one index left for no data. */
const MAX_CLASSES = 32_766;

function paletteFor(input: LegendInput, n: number): readonly Rgba[] {
	const { palette } = input;
	if (typeof palette === 'function') return palette(n);
	if (palette) return palette;
	if (input.method === 'categorical') return categoricalColors(n);
	return sequentialColors(n, input.better ?? 'none');
}

/** The legend and the class of every unit; see the contract at the top of this file. */
export function buildLegend(input: LegendInput): { legend: Legend; classOf: Int16Array } {
	const { palette } = input;
	const room = Array.isArray(palette) ? palette.length : palette ? Infinity : OKABE_ITO.length;
	const scheme = classifyUnits(input, room);
	const noDataIndex = scheme.classes.length;
	if (noDataIndex > MAX_CLASSES) {
		throw new RangeError(`buildLegend: at most ${MAX_CLASSES} classes, got ${noDataIndex}`);
	}
	const classOf = new Int16Array(scheme.count);
	for (let i = 0; i < scheme.count; i++) {
		const c = scheme.indexOf(i);
		classOf[i] = c < 0 ? noDataIndex : c;
	}
	const counts = new Array<number>(noDataIndex + 1).fill(0);
	for (const c of classOf) counts[c]!++;
	const colors = paletteFor(input, noDataIndex);
	if (colors.length < noDataIndex) {
		throw new RangeError(`buildLegend: ${noDataIndex} classes, only ${colors.length} colours`);
	}
	const legend: Legend = {
		method: input.method,
		kind: scheme.kind,
		breaks: scheme.breaks,
		classes: scheme.classes.map((c, i) => ({ ...c, color: colors[i]!, count: counts[i]! })),
		noData: { label: NO_DATA_LABEL, color: NO_DATA_COLOR, count: counts[noDataIndex]! },
		total: scheme.count
	};
	return { legend, classOf };
}

/** One RGBA per unit (4 bytes each) in the legend's colours, for the map layer. */
export function colorsOf(legend: Legend, classOf: ArrayLike<number>): Uint8Array {
	const out = new Uint8Array(classOf.length * 4);
	for (let i = 0; i < classOf.length; i++) {
		const c = classOf[i]!;
		const color = c === legend.classes.length ? legend.noData.color : legend.classes[c]?.color;
		if (!color) throw new RangeError(`colorsOf: unit ${i} has class ${c}, not in the legend`);
		out.set(color, i * 4);
	}
	return out;
}
