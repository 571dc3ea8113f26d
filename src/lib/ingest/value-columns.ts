/**
 * The columns of a sheet that carry values, each with its indicator, kind, year and scale. A bare
 * year column (2019年, the wide layout) takes its indicator from the caller or the sheet's title,
 * and its unit from its own header or else the title's (单位:万元 above the table); a year column
 * nothing names is reported, not guessed.
 */

import type { ColumnMap } from './header-map';
import { indicatorInTitle, unitScale, type CatalogueIndicator } from './header-text';

export interface ValueColumn {
	column: number;
	header: string;
	key: string;
	kind: string | undefined;
	year: number | null;
	scale: number;
}

export interface Warning {
	zh: string;
	en: string;
}

/** Columns that carry values, with the indicator, kind, year and scale of each. */
export function valueColumns(
	columns: readonly ColumnMap[],
	title: string,
	options: { catalogue: readonly CatalogueIndicator[]; yearIndicator?: string },
	warnings: Warning[]
): ValueColumn[] {
	const kinds = new Map(options.catalogue.map((entry) => [entry.key, entry]));
	const titled = indicatorInTitle(title, options.catalogue);
	const out: ValueColumn[] = [];
	for (const { column, header, target } of columns) {
		if (target.role === 'indicator') {
			const kind = kinds.get(target.key)?.kind;
			out.push({ column, header, key: target.key, kind, year: target.year, scale: target.scale });
		} else if (target.role === 'new') {
			out.push({ column, header, key: target.key, kind: undefined, year: target.year, scale: 1 });
		} else if (target.role === 'year') {
			const key = options.yearIndicator ?? titled?.key;
			const entry = key === undefined ? undefined : kinds.get(key);
			if (!entry) {
				warnings.push({
					zh: `“${header}”列只有年份，没有指标：请在列映射中选择指标`,
					en: `column "${header}" names a year but no indicator: choose one in the column mapping`
				});
				continue;
			}
			// The header's own unit wins over the title's (单位:万元 above the table).
			const scale = target.unit ? unitScale(target.unit, entry).scale : (titled?.scale ?? 1);
			out.push({ column, header, key: entry.key, kind: entry.kind, year: target.year, scale });
		}
	}
	return out;
}
