/**
 * The change view's model, pure: from one answer per year (the generic indicator query) to the
 * shared legend (`analysis/shared-legend.ts`: data-driven breaks over both years pooled), each
 * year's colours from it, the transition matrix, and the cell a unit pick stands for. Also the
 * filter a click on a matrix cell asks for. `change-view.svelte.ts` fetches the answers.
 *
 * A pick of units of the view's level by code (`village` at village level, `township` at
 * township level) is what a matrix cell makes: `picked` lists its codes, `selectedCell` is the
 * cell holding exactly those units, and both years' colours wash out the units outside it, as
 * the main map does for a legend pick. Units the view's other filters leave out are faded grey
 * and not counted in the matrix.
 */
import type { IndicatorMeta } from '$lib/data/contract';
import type { IndicatorValues } from '$lib/data/queries/indicator-values';
import { colorsOf, type Legend, type LegendInput } from '$lib/analysis/legend';
import { buildSharedLegend, type YearUnits } from '$lib/analysis/shared-legend';
import { transitionMatrix, type TransitionMatrix } from '$lib/analysis/transition';
import {
	checkFilterSpec,
	TOWNSHIP_FIELD,
	VILLAGE_FIELD,
	type FilterSpec
} from '$lib/crossfilter/filters';
import { legendInput } from './choropleth-client';
import type { View } from './view-defaults';

export interface ChangeCell {
	/** Class in year A (row); the legend's class count means no data. */
	from: number;
	/** Class in year B (column). */
	to: number;
}

export interface ChangeResult {
	view: View;
	yearA: number;
	yearB: number;
	/** The units of the view's level, ordered by code: the rows of every array below. */
	codes: string[];
	names: string[];
	valuesA: IndicatorValues;
	valuesB: IndicatorValues;
	/** The shared classes, counts over both years; `legendA`/`legendB`: the same, one year's counts. */
	legend: Legend;
	legendA: Legend;
	legendB: Legend;
	/** Class of each unit per year (no-data index `legend.classes.length`; −1 outside the filter). */
	classA: Int16Array;
	classB: Int16Array;
	colorsA: Uint8Array;
	colorsB: Uint8Array;
	matrix: TransitionMatrix;
	/** Codes of the units a cell pick keeps (empty: no pick). */
	picked: string[];
	selectedCell: ChangeCell | null;
	colorKey: string;
}

const FADED = [225, 225, 222, 255] as const;

/** The field a matrix cell picks units by at a level (none at county level: one unit). */
export function cellPickField(level: View['level']): string | null {
	return level === 'village' ? VILLAGE_FIELD : level === 'township' ? TOWNSHIP_FIELD : null;
}

/** The codes a cell pick in the view's filters keeps (empty: no pick). */
export function pickedCodes(view: View): string[] {
	const field = cellPickField(view.level);
	const spec = view.filters.find((f) => f.field === field);
	return spec ? spec.values.map(String) : [];
}

/**
 * The view's filters after a click on a cell holding `codes`: the cell pick replaces any pick
 * of the same field, and a click on the cell already picked drops it. Null when the cell cannot
 * be a filter (county level, an empty cell, more units than a URL filter may name).
 */
export function cellFilters(view: View, codes: readonly string[]): FilterSpec[] | null {
	const field = cellPickField(view.level);
	if (!field || codes.length === 0) return null;
	let spec: FilterSpec;
	try {
		spec = checkFilterSpec({ field, op: 'in', values: [...codes] });
	} catch {
		return null;
	}
	const others = view.filters.filter((f) => f.field !== field);
	const same = new Set(pickedCodes(view));
	const again = same.size === codes.length && codes.every((c) => same.has(c));
	return again ? others : [...others, spec];
}

function unitsOf(input: LegendInput): YearUnits {
	return input.method === 'categorical'
		? { values: input.values, texts: input.texts }
		: { values: input.values };
}

/** Classes, colours and moves of one answer per year; pure apart from its inputs. */
export function compareYears(
	meta: IndicatorMeta,
	view: View,
	[yearA, yearB]: [number, number],
	[valuesA, valuesB]: [IndicatorValues, IndicatorValues],
	seq = 0
): ChangeResult {
	const { codes } = valuesB;
	if (valuesA.codes.length !== codes.length || valuesA.codes.some((c, i) => c !== codes[i])) {
		throw new Error('compareYears: the two years answered for different units');
	}
	const keep = codes.map((_, i) => i).filter((i) => valuesA.inFilter[i] || valuesB.inFilter[i]);
	const inputA = legendInput(meta, view, valuesA, keep);
	const inputB = legendInput(meta, view, valuesB, keep);
	const { a, b, legend } = buildSharedLegend(inputA, unitsOf(inputA), unitsOf(inputB));
	const classA = new Int16Array(codes.length).fill(-1);
	const classB = new Int16Array(codes.length).fill(-1);
	keep.forEach((row, j) => {
		classA[row] = a.classOf[j]!;
		classB[row] = b.classOf[j]!;
	});
	const matrix = transitionMatrix({
		from: classA,
		to: classB,
		classes: legend.classes.length,
		ordered: legend.kind === 'numeric'
	});
	const picked = pickedCodes(view);
	const pick = new Set(picked);
	const paint = (year: { classOf: Int16Array }): Uint8Array => {
		const kept = colorsOf(legend, year.classOf);
		const out = new Uint8Array(codes.length * 4);
		for (let i = 0; i < codes.length; i++) out.set(FADED, i * 4);
		keep.forEach((row, j) => {
			const rgba = kept.subarray(j * 4, j * 4 + 4);
			const washed = pick.size > 0 && !pick.has(codes[row]!);
			out.set(washed ? rgba.map((v, c) => (c < 3 ? (v + 2 * 237) / 3 : v)) : rgba, row * 4);
		});
		return out;
	};
	return {
		view,
		yearA,
		yearB,
		codes,
		names: valuesB.names,
		valuesA,
		valuesB,
		legend,
		legendA: a.legend,
		legendB: b.legend,
		classA,
		classB,
		colorsA: paint(a),
		colorsB: paint(b),
		matrix,
		picked,
		selectedCell: cellOf(matrix, codes, pick),
		colorKey: `change:${seq}:${picked.length}`
	};
}

/** The cell whose units are exactly `pick`, or null. */
function cellOf(m: TransitionMatrix, codes: string[], pick: Set<string>): ChangeCell | null {
	if (pick.size === 0) return null;
	for (let from = 0; from <= m.classes; from++)
		for (let to = 0; to <= m.classes; to++) {
			const units = m.units[from]![to]!;
			if (units.length === pick.size && units.every((i) => pick.has(codes[i]!)))
				return { from, to };
		}
	return null;
}
