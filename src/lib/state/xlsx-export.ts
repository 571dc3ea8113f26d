/**
 * A query result as an Excel workbook, for people who open results in Excel rather than read
 * CSV. Unlike CSV, XLSX says each cell's type, so division codes can stay text: every text cell
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

/**
 * One sheet: a bold, frozen header row, then one row per result row. Text cells are written
 * after the same formula neutralising as CSV (a text cell is never evaluated on opening, but it
 * is once someone edits it or saves the sheet as CSV).
 */
export async function toXlsx(
	columns: readonly string[],
	rows: readonly Row[],
	options: XlsxOptions = {}
): Promise<Blob> {
	const codes = new Set(findCodeColumns(columns, rows));
	const header = columns.map((name) => ({
		...textCell(neutraliseFormula(name)),
		fontWeight: 'bold' as const
	}));
	const data: SheetData = [header];
	for (const row of rows) data.push(columns.map((_, i) => sheetCell(row[i], codes.has(i))));
	const sample = rows.slice(0, SAMPLE_ROWS);
	const widths = columns.map((name, i) => ({
		width: columnWidth(
			name,
			sample.map((row) => cellText(row[i]))
		)
	}));
	const sheet = (options.sheet ?? 'Sheet1').replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
	return writeExcelFile(data, { sheet, columns: widths, stickyRowsCount: 1 }).toBlob();
}
