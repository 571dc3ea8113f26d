/**
 * Where a sheet's header is. Office sheets open with merged title rows (紫阳县2020年村集体经济收入
 * 统计表), sometimes a unit line (单位:万元), then the header — sometimes two rows of it, a label
 * merged over year columns above the years. The header is the first of the first ten rows with at
 * least two headers we know; failing that, the fullest row. The rows above it are the title, which
 * may name the indicator and the year the columns do not.
 */

import type { Cell } from './cell-value';
import { knownHeaderCount, type CatalogueIndicator } from './header-map';
import { cellText, splitUnit } from './header-text';

export interface HeaderRow {
	/** 0-based index of the (first) header row. */
	index: number;
	/** One header per column; two header rows are combined into one text per column. */
	headers: string[];
	/** 0-based index of the first data row. */
	dataStart: number;
	/** The non-empty cells of the rows above the header, joined. */
	title: string;
}

const SEARCH_ROWS = 10;
const YEAR_HEADER = /^(?:19|20)\d{2}(?:年度?)?$/;

function filled(row: readonly Cell[]): number {
	return row.filter((cell) => cellText(cell).trim() !== '').length;
}

/** The first row of the first ten with two known headers, else the first fullest row. */
function headerIndex(rows: readonly (readonly Cell[])[], catalogue: readonly CatalogueIndicator[]) {
	const limit = Math.min(rows.length, SEARCH_ROWS);
	for (let i = 0; i < limit; i++) {
		if (knownHeaderCount(rows[i] ?? [], catalogue) >= 2) return i;
	}
	let best = 0;
	for (let i = 1; i < limit; i++) {
		if (filled(rows[i] ?? []) > filled(rows[best] ?? [])) best = i;
	}
	return best;
}

/**
 * 集体经济收入(万元) merged over three columns above 2019 | 2020 | 2021 → the three columns read
 * 集体经济收入2019(万元) and so on; a column with nothing below keeps its own header.
 */
function combine(upper: readonly Cell[], lower: readonly Cell[]): string[] {
	const width = Math.max(upper.length, lower.length);
	const headers: string[] = [];
	let parent = '';
	for (let column = 0; column < width; column++) {
		const top = cellText(upper[column]).trim();
		const below = cellText(lower[column]).trim();
		// A merged cell exports its text in its first column and blanks to its right.
		if (top !== '') parent = top;
		const over = top !== '' ? top : below !== '' ? parent : '';
		if (below === '') headers.push(over);
		else if (over === '') headers.push(below);
		else {
			const { label, unit } = splitUnit(over);
			headers.push(unit ? `${label}${below}(${unit})` : `${label}${below}`);
		}
	}
	return headers;
}

/** Find the header row (and a second one beneath it), the title above, and where data starts. */
export function findHeaderRow(
	rows: readonly (readonly Cell[])[],
	catalogue: readonly CatalogueIndicator[]
): HeaderRow {
	const index = headerIndex(rows, catalogue);
	const row = rows[index] ?? [];
	const title = rows
		.slice(0, index)
		.flatMap((r) => r.map((cell) => cellText(cell).trim()).filter((t) => t !== ''))
		.join(' ');
	const next = rows[index + 1] ?? [];
	const yearsBelow = next.filter((cell) => YEAR_HEADER.test(cellText(cell).trim())).length;
	// A second header row holds years only under a label; a data row would also hold names or codes.
	const onlyYears = yearsBelow >= 2 && yearsBelow === filled(next);
	if (onlyYears) return { index, headers: combine(row, next), dataStart: index + 2, title };
	return { index, headers: row.map((cell) => cellText(cell).trim()), dataStart: index + 1, title };
}
