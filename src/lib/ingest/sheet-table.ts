/**
 * A sheet's 2-D cells (as read-excel-file or papaparse give them) → long records
 * `{rowNumber, year, key, value, text}` with each row's join cells, whatever the layout: long (a
 * year column), wide (one column per year) or a single year named in the title. Every data row
 * below the header ends in exactly one of three lists — rows (to join), skipped (empty, a note,
 * a 合计/小计 total) or rejected (a cell that is not what its column holds, or no year) — so an
 * import can account for each row of the file. Row numbers are 1-based, as the sheet shows them.
 */

import { isNullCell, readCell, readYear, type Cell } from './cell-value';
import { applyOverrides, mapHeaders, type ColumnMap, type ColumnTarget } from './header-map';
import { cellText, yearInTitle, type CatalogueIndicator } from './header-text';
import { findHeaderRow } from './header-row';
import { valueColumns } from './value-columns';

export interface SheetOptions {
	catalogue: readonly CatalogueIndicator[];
	/** The wizard's column choices by 0-based column index. */
	overrides?: Readonly<Record<number, ColumnTarget>>;
	/** The year of columns that name none, when the sheet has no year column or title year. */
	year?: number;
	/** The indicator of bare year columns (2019年), when the title does not name one. */
	yearIndicator?: string;
}

export interface SheetRow {
	rowNumber: number;
	code: Cell;
	village: string | null;
	township: string | null;
}

export interface LongRecord {
	rowNumber: number;
	year: number;
	key: string;
	value: number | null;
	text: string | null;
}

export interface RowIssue {
	rowNumber: number;
	reason_zh: string;
	reason_en: string;
}

export interface SheetTable {
	/** 1-based row number of the header (the first, when there are two). */
	headerRow: number;
	title: string;
	columns: ColumnMap[];
	rows: SheetRow[];
	records: LongRecord[];
	skipped: RowIssue[];
	rejected: RowIssue[];
	/** Sheet-level problems: a year column with no indicator, no indicator column at all. */
	warnings: { zh: string; en: string }[];
}

const TOTAL = /^(合计|小计|总计|总数|共计)|(合计|小计|总计)$|^全(县|市|区|镇|乡)$/;
const NOTE = /^(注|备注|说明|填表|制表|审核|填报|负责人|联系|数据来源|单位[:：])/;

const columnLetter = (column: number): string =>
	(column >= 26 ? columnLetter(Math.floor(column / 26) - 1) : '') +
	String.fromCharCode(65 + (column % 26));

/** Turn a sheet into long records, the row lists and the column mapping it used. */
export function readSheetTable(
	rows: readonly (readonly Cell[])[],
	options: SheetOptions
): SheetTable {
	const header = findHeaderRow(rows, options.catalogue);
	const columns = applyOverrides(
		mapHeaders(header.headers, options.catalogue),
		options.overrides ?? {}
	);
	const joinColumn = (join: string) =>
		columns.find((c) => c.target.role === 'join' && c.target.join === join)?.column;
	const [codeAt, villageAt, townshipAt, yearAt] = ['code', 'village', 'township', 'year'].map(
		joinColumn
	);
	const labelColumns = columns
		.filter((c) => c.target.role === 'join' || c.target.role === 'ignore')
		.map((c) => c.column);
	const table: SheetTable = {
		headerRow: header.index + 1,
		title: header.title,
		columns,
		rows: [],
		records: [],
		skipped: [],
		rejected: [],
		warnings: []
	};
	const values = valueColumns(columns, header.title, options, table.warnings);
	if (values.length === 0) {
		table.warnings.push({ zh: '没有找到指标列', en: 'no indicator column found' });
	}
	const defaultYear = options.year ?? yearInTitle(header.title);
	let township: string | null = null;
	let year: Cell = null;
	for (let i = header.dataStart; i < rows.length; i++) {
		const row = rows[i] ?? [];
		const rowNumber = i + 1;
		const text = (at: number | undefined) => (at === undefined ? '' : cellText(row[at]).trim());
		const labels = labelColumns.map((at) => text(at).replace(/\s+/g, ''));
		const firstText = row.map((cell) => cellText(cell).trim()).find((t) => t !== '') ?? '';
		if (firstText === '') {
			table.skipped.push({ rowNumber, reason_zh: '空行', reason_en: 'empty row' });
			continue;
		}
		if (labels.some((label) => TOTAL.test(label))) {
			table.skipped.push({
				rowNumber,
				reason_zh: '合计行（已跳过）',
				reason_en: 'skipped: total row'
			});
			continue;
		}
		const hasValue = values.some((v) => !isNullCell(row[v.column]));
		if (!hasValue && NOTE.test(firstText)) {
			table.skipped.push({ rowNumber, reason_zh: '表注', reason_en: 'note below the table' });
			continue;
		}
		// Merged cells export their text in the first row only: the rows below inherit it.
		if (text(townshipAt) !== '') township = text(townshipAt);
		if (yearAt !== undefined && !isNullCell(row[yearAt])) year = row[yearAt] ?? null;
		const rowYear = yearAt !== undefined ? readYear(year) : defaultYear;
		const problems: RowIssue[] = [];
		const records: LongRecord[] = [];
		for (const v of values) {
			const cell = readCell(row[v.column], v.kind, v.scale);
			const where = `${columnLetter(v.column)}列“${v.header}”`;
			if ('error' in cell) {
				problems.push({
					rowNumber,
					reason_zh: `${where}：${cell.reason_zh}`,
					reason_en: `column ${columnLetter(v.column)} "${v.header}": ${cell.reason_en}`
				});
				continue;
			}
			if (cell.value === null && cell.text === null) continue;
			const recordYear = v.year ?? rowYear;
			if (recordYear === null) {
				problems.push({
					rowNumber,
					reason_zh: `${where}：没有年份`,
					reason_en: `column ${columnLetter(v.column)} "${v.header}": no year`
				});
				continue;
			}
			records.push({ rowNumber, year: recordYear, key: v.key, ...cell });
		}
		if (problems.length > 0) {
			table.rejected.push({
				rowNumber,
				reason_zh: problems.map((p) => p.reason_zh).join('；'),
				reason_en: problems.map((p) => p.reason_en).join('; ')
			});
			continue;
		}
		const code = codeAt === undefined ? null : (row[codeAt] ?? null);
		table.rows.push({
			rowNumber,
			code: isNullCell(code) ? null : code,
			village: text(villageAt) || null,
			township
		});
		table.records.push(...records);
	}
	return table;
}
