/**
 * How strongly each theme's main indicator clusters in space: global Moran's I under queen
 * contiguity, row-standardised, over the villages and communities of a dataset in its latest
 * year. The region build refuses to write a dataset whose sample maps would look like confetti
 * (any theme below MIN_MORANS_I) and data:check reports and enforces the same figures, so the
 * build and the check cannot disagree: both call `themeClustering` here.
 */
import { moransI } from '../../src/lib/analysis/morans-i';
import type { Theme } from '../../src/lib/data/contract';
import { contiguity } from '../../src/lib/geo/contiguity';
import type { Polygons } from '../../src/lib/geo/types';

/** Below this, a theme's map shows no clusters a person would see (issue 14). */
export const MIN_MORANS_I = 0.2;

export interface MainIndicator {
	theme: Theme;
	key: string;
	/** The number Moran's I is computed on, from a row's value and text. */
	measure: (value: number | null, text: string | null) => number | null;
	/** Why this indicator stands for the theme. */
	why: string;
}

export const MAIN_INDICATORS: readonly MainIndicator[] = [
	{
		theme: 'poverty',
		key: 'poor_village',
		measure: (v) => v,
		// Latest-year incidence and remaining poor are 0 everywhere (all exited by 2020): that
		// map is degenerate, so the flag, the same every year, stands for the theme.
		why: 'poor-village flag (same every year; incidence is 0 everywhere from 2020)'
	},
	{
		theme: 'collective',
		key: 'collective_income',
		measure: (v) => v,
		why: 'collective income, yuan'
	},
	{
		theme: 'party',
		key: 'branch_status',
		measure: (_, t) => (t === null ? null : t === '软弱涣散' ? 1 : 0),
		why: 'branch status as 1 = weak-and-lax, 0 = standard'
	},
	{
		theme: 'relocation',
		key: 'relocated_households',
		measure: (v) => v,
		why: 'relocated households, cumulative (villages only)'
	}
];

/** The long indicator table's columns, as the build holds them and data:check reads them. */
export interface IndicatorRows {
	code: ArrayLike<string>;
	year: ArrayLike<number>;
	key: ArrayLike<string>;
	value: ArrayLike<number | null>;
	text: ArrayLike<string | null>;
}

export interface ThemeClustering {
	theme: Theme;
	key: string;
	year: number;
	I: number;
	expected: number;
	/** Units with a value. */
	n: number;
}

/**
 * Moran's I of each main indicator present in `rows` for `year`, over `units` (villages and
 * communities with their polygons). Themes whose key the dataset lacks (the national set's
 * reduced catalogue) are left out.
 */
export function themeClustering(
	units: readonly { code: string; polygons: Polygons }[],
	rows: IndicatorRows,
	year: number
): ThemeClustering[] {
	const index = new Map(units.map((u, i) => [u.code, i]));
	const neighbours = contiguity(units.map((u) => u.polygons));
	const results: ThemeClustering[] = [];
	for (const main of MAIN_INDICATORS) {
		const values: (number | null)[] = units.map(() => null);
		let found = false;
		for (let r = 0; r < rows.code.length; r++) {
			if (rows.key[r] !== main.key || rows.year[r] !== year) continue;
			const i = index.get(rows.code[r] as string);
			if (i === undefined) continue;
			values[i] = main.measure(rows.value[r] ?? null, rows.text[r] ?? null);
			found = true;
		}
		if (!found) continue;
		const { I, expected, n } = moransI(values, neighbours);
		results.push({ theme: main.theme, key: main.key, year, I, expected, n });
	}
	return results;
}

/** One message per theme below the threshold (NaN, no pattern at all, counts as below). */
export function clusteringProblems(results: readonly ThemeClustering[]): string[] {
	return results
		.filter((r) => !(r.I >= MIN_MORANS_I))
		.map(
			(r) =>
				`${r.theme}: Moran's I of ${r.key} in ${r.year} is ${r.I.toFixed(3)}, below ${MIN_MORANS_I} (queen contiguity, ${r.n} units)`
		);
}

/** "poverty poor_village 0.412, …" for build and check output. */
export function formatClustering(results: readonly ThemeClustering[]): string {
	return results.map((r) => `${r.theme} ${r.key} ${r.I.toFixed(3)}`).join(', ');
}
