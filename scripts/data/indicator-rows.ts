/**
 * Collects indicator values per unit as one series per key (one slot per year), then emits the
 * long table in a fixed order (unit code, catalogue order, year) so output is deterministic.
 */
import { CATALOGUE } from './catalogue';
import { YEARS } from './profiles';

export type Cell = number | string | null;
export type Series = Map<string, Cell[]>;

export interface IndicatorColumns {
	code: string[];
	year: number[];
	key: string[];
	value: (number | null)[];
	text: (string | null)[];
}

export function emptyColumns(): IndicatorColumns {
	return { code: [], year: [], key: [], value: [], text: [] };
}

/** A series from a function of the year. */
export function series(f: (year: number, i: number) => Cell): Cell[] {
	return YEARS.map((y, i) => f(y, i));
}

/** Which rows to write: the key and year of each (the national build keeps a subset). */
export type Keep = (key: string, year: number) => boolean;

/** Append one unit's series in catalogue order; `keep` (default: every row) limits which are written. */
export function emitUnit(out: IndicatorColumns, code: string, s: Series, keep?: Keep) {
	for (const meta of CATALOGUE) {
		const values = s.get(meta.key);
		if (!values) continue;
		values.forEach((v, i) => {
			const year = YEARS[i] as number;
			if (keep && !keep(meta.key, year)) return;
			out.code.push(code);
			out.year.push(year);
			out.key.push(meta.key);
			if (typeof v === 'string') {
				out.value.push(null);
				out.text.push(v);
			} else {
				out.value.push(v === null || Number.isNaN(v) ? null : v);
				out.text.push(null);
			}
		});
	}
}
