/**
 * Importing one indicator table, start to finish, inside the import worker: bytes → cells (csv or
 * xlsx) → header and column mapping → long records → join to the region table → a report in which
 * every data row of the file is accounted for: rowsRead = matched + rejected + skipped. Rejected
 * rows (a bad value, no year, a bad or unknown code, an unmatched or ambiguous name) carry their
 * reason and cells, for the wizard and for the CSV to download. Nothing here throws: a file that
 * cannot be read comes back as a failure with a message in Chinese and English.
 */

import type { Cell } from './cell-value';
import {
	newIndicatorCandidates,
	type ColumnMap,
	type ColumnTarget,
	type NewIndicator
} from './header-map';
import { cellText, type CatalogueIndicator } from './header-text';
import type { RegionUnit } from './name-match';
import { rejectedCsvText } from './rejected-csv';
import { readSheetTable } from './sheet-table';
import {
	readTableCells,
	type TableCells,
	type TableFailure,
	type TableFormat
} from './table-cells';
import {
	joinRecords,
	type Duplicate,
	type JoinedRecord,
	type NameConflict,
	type OutOfRange
} from './table-join';

export interface TableImportOptions {
	/** The wizard's column choices by 0-based column index. */
	overrides?: Readonly<Record<number, ColumnTarget>>;
	/** The year of values whose column and title name none. */
	year?: number;
	/** The indicator of bare year columns (2019年) when the title names none. */
	yearIndicator?: string;
	/** xlsx: the sheet to read (index or name); default the first with any cell. */
	sheet?: number | string;
	/** csv: an encoding label to use instead of detection. */
	encoding?: string;
	maxBytes?: number;
}

export interface ReportedRow {
	rowNumber: number;
	reason_zh: string;
	reason_en: string;
	/** The row's cells as text, as the sheet had them. */
	cells: string[];
	cause?: 'value' | 'code' | 'unmatched' | 'ambiguous' | 'no-key';
	candidates?: string[];
}

export interface TableReport {
	file: string;
	format: TableFormat;
	sheet: string | null;
	sheets: string[];
	encoding: string | null;
	headerRow: number;
	headers: string[];
	title: string;
	columns: ColumnMap[];
	rowsRead: number;
	matched: number;
	skipped: ReportedRow[];
	/** Every row not imported, with its reason; unmatched and ambiguous are among them. */
	rejected: ReportedRow[];
	unmatched: ReportedRow[];
	ambiguous: ReportedRow[];
	duplicates: Duplicate[];
	outOfRange: OutOfRange[];
	nameConflicts: NameConflict[];
	/** Columns the catalogue does not know: the wizard asks for their label, unit, kind, theme. */
	newIndicators: NewIndicator[];
	warnings: { zh: string; en: string }[];
}

export interface ImportedTable {
	ok: true;
	report: TableReport;
	/** Joined, de-duplicated rows for the indicator table. */
	records: JoinedRecord[];
	/** The first rows of the sheet as text, for the wizard's preview. */
	preview: string[][];
}

export type TableImport = ImportedTable | TableFailure;

const PREVIEW_ROWS = 20;

const textRow = (row: readonly Cell[] | undefined): string[] => (row ?? []).map((c) => cellText(c));

/** Read, map, join and check one indicator table file. */
export async function readTableFile(
	name: string,
	bytes: Uint8Array,
	catalogue: readonly CatalogueIndicator[],
	regions: readonly RegionUnit[],
	options: TableImportOptions = {}
): Promise<TableImport> {
	try {
		const cells = await readTableCells(name, bytes, options);
		if ('ok' in cells) return cells;
		return importCells(name, cells, catalogue, regions, options);
	} catch (error) {
		// A last guard: whatever a malformed file makes a reader do, the worker answers.
		const detail = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			error: 'corrupt',
			message_zh: `无法读取“${name}”（${detail}）`,
			message_en: `cannot read "${name}" (${detail})`
		};
	}
}

function importCells(
	name: string,
	cells: TableCells,
	catalogue: readonly CatalogueIndicator[],
	regions: readonly RegionUnit[],
	options: TableImportOptions
): TableImport {
	const { rows } = cells;
	if (rows.every((row) => row.every((cell) => cellText(cell).trim() === ''))) {
		return {
			ok: false,
			error: 'empty',
			message_zh: `“${name}”没有数据`,
			message_en: `"${name}" holds no data`
		};
	}
	const table = readSheetTable(rows, { catalogue, ...options });
	const joined = joinRecords(table.rows, table.records, regions, catalogue);
	const withCells = <T extends { rowNumber: number }>(issue: T) => ({
		...issue,
		cells: textRow(rows[issue.rowNumber - 1])
	});
	const joinIssues = joined.issues.map(withCells);
	const rejected: ReportedRow[] = [
		...table.rejected.map((issue) => ({ ...withCells(issue), cause: 'value' as const })),
		...joinIssues
	].sort((a, b) => a.rowNumber - b.rowNumber);
	const hasJoin = table.columns.some(
		(c) => c.target.role === 'join' && (c.target.join === 'code' || c.target.join === 'village')
	);
	const warnings = [...table.warnings];
	if (!hasJoin) {
		warnings.push({
			zh: '没有找到代码列或村名列：请在列映射中指定',
			en: 'no code or village-name column found: choose one in the column mapping'
		});
	}
	const report: TableReport = {
		file: name,
		format: cells.format,
		sheet: cells.sheet,
		sheets: cells.sheets,
		encoding: cells.encoding,
		headerRow: table.headerRow,
		headers: table.columns.map((c) => c.header),
		title: table.title,
		columns: table.columns,
		rowsRead: table.rows.length + table.skipped.length + table.rejected.length,
		matched: joined.matched,
		skipped: table.skipped.map(withCells),
		rejected,
		unmatched: joinIssues.filter((i) => i.cause !== 'ambiguous'),
		ambiguous: joinIssues.filter((i) => i.cause === 'ambiguous'),
		duplicates: joined.duplicates,
		outOfRange: joined.outOfRange,
		nameConflicts: joined.nameConflicts,
		newIndicators: newIndicatorCandidates(table.columns),
		warnings
	};
	return {
		ok: true,
		report,
		records: joined.records,
		preview: rows.slice(0, PREVIEW_ROWS).map(textRow)
	};
}

/** Every rejected row of a report as a UTF-8-with-BOM CSV, formula-looking cells neutralised. */
export function rejectedCsv(report: TableReport): string {
	return rejectedCsvText(report.rejected, report.headers);
}
