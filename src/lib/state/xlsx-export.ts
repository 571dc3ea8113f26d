/**
 * A query result as an Excel workbook (one sheet, or several: the planner's header sheet and its
 * lists), for people who open results in Excel rather than read CSV. Unlike CSV, XLSX says each cell's type, so division codes can stay text: every text cell
 * (and every code, even one cast to a number) is a TEXT cell with the `@` format, never a number
 * Excel would show as 6.10924E+11 or strip of leading zeros. The cell texts and the
 * formula-injection rule come from analysis/table-export.ts, the same as the CSV export's.
 *
 * `write-excel-file/universal` because it is the one entry point that runs both in the browser
 * build and in a Node test: it only needs `Blob`, which both have.
 */
import writeExcelFile, {
	type Cell as SheetCell,
	type CellObject,
	type SheetData
} from 'write-excel-file/universal';
import {
	cellText,
	findCodeColumns,
	neutraliseFormula,
	SAMPLE_ROWS,
	type Cell,
	type Row
} from '$lib/analysis/table-export';

/** Excel refuses longer text in one cell. */
const MAX_CELL_TEXT = 32_767;
/** Excel shows 15 significant digits; a longer integer would be shown (and saved) rounded. */
const MAX_EXACT_INTEGER = 999_999_999_999_999n;

const textCell = (text: string): CellObject => ({
	value: text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text,
	type: String,
	format: '@'
});

/** One cell: numbers as numbers (unless a code), booleans as booleans, everything else text. */
function sheetCell(value: Cell | undefined, isCode: boolean): SheetCell {
	if (value === null || value === undefined) return null;
	if (!isCode && typeof value === 'number' && Number.isFinite(value))
		return { value, type: Number };
	if (
		!isCode &&
		typeof value === 'bigint' &&
		value <= MAX_EXACT_INTEGER &&
		-value <= MAX_EXACT_INTEGER
	)
		return { value: Number(value), type: Number };
	if (typeof value === 'boolean') return { value, type: Boolean };
	return textCell(cellText(value));
}

// East Asian wide characters (CJK, kana, hangul, full-width forms) take two columns in Excel's
// width unit, which counts the digits of the default font.
const WIDE =
	/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

function displayWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
	return width;
}

/** A width from the header and the first rows: wide enough to read, not a screen per column. */
function columnWidth(header: string, texts: string[]): number {
	const widest = Math.max(displayWidth(header), ...texts.map(displayWidth));
	return Math.min(60, Math.max(8, widest + 2));
}

export interface XlsxOptions {
	/** The sheet's name; Excel allows 31 characters and none of `[]:*?/\`. */
	sheet?: string;
}

/** One sheet of a workbook: its name (made acceptable to Excel), header and rows. */
export interface XlsxSheet {
	name: string;
	columns: readonly string[];
	rows: readonly Row[];
}

/** A name Excel accepts: no `[]:*?/\`, at most 31 characters, not empty. */
function sheetName(name: string): string {
	return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/**
 * Names made distinct, as Excel requires (ignoring case): a repeated name gets ` (2)`, ` (3)` …,
 * shortened first so that it stays within 31 characters.
 */
function distinctNames(names: readonly string[]): string[] {
	const seen = new Set<string>();
	return names.map((raw) => {
		const base = sheetName(raw);
		let name = base;
		for (let n = 2; seen.has(name.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			name = base.slice(0, 31 - suffix.length) + suffix;
		}
		seen.add(name.toLowerCase());
		return name;
	});
}

/**
 * One sheet's cells: a bold header row, then one row per result row. Text cells are written
 * after the same formula neutralising as CSV (a text cell is never evaluated on opening, but it
 * is once someone edits it or saves the sheet as CSV).
 */
function sheetOf({ columns, rows }: XlsxSheet, name: string) {
	const codes = new Set(findCodeColumns(columns, rows));
	const header = columns.map((column) => ({
		...textCell(neutraliseFormula(column)),
		fontWeight: 'bold' as const
	}));
	const data: SheetData = [header];
	for (const row of rows) data.push(columns.map((_, i) => sheetCell(row[i], codes.has(i))));
	const sample = rows.slice(0, SAMPLE_ROWS);
	const widths = columns.map((column, i) => ({
		width: columnWidth(
			column,
			sample.map((row) => cellText(row[i]))
		)
	}));
	return { data, sheet: name, columns: widths, stickyRowsCount: 1 };
}

/**
 * A workbook of several sheets, in order, each as `toXlsx` writes one (frozen bold header, codes
 * as text, formulas neutralised) — e.g. the planner's header sheet (item, value) and its lists.
 */
export async function toXlsxBook(sheets: readonly XlsxSheet[]): Promise<Blob> {
	if (sheets.length === 0) throw new RangeError('toXlsxBook: a workbook needs at least one sheet');
	const names = distinctNames(sheets.map((s) => s.name));
	return writeExcelFile(sheets.map((s, i) => sheetOf(s, names[i]!))).toBlob();
}

/** One sheet (`Sheet1` unless named): a workbook of one. */
export async function toXlsx(
	columns: readonly string[],
	rows: readonly Row[],
	options: XlsxOptions = {}
): Promise<Blob> {
	return toXlsxBook([{ name: options.sheet ?? 'Sheet1', columns, rows }]);
}
