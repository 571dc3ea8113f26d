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

/** Append one unit's series in catalogue order; `keys` limits which are written. */
export function emitUnit(
	out: IndicatorColumns,
	code: string,
	s: Series,
	keys?: ReadonlySet<string>
) {
	for (const meta of CATALOGUE) {
		if (keys && !keys.has(meta.key)) continue;
		const values = s.get(meta.key);
		if (!values) continue;
		values.forEach((v, i) => {
			out.code.push(code);
			out.year.push(YEARS[i] as number);
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
