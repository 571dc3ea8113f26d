/**
 * A table file's bytes → its sheets as 2-D cells. The type is told by the bytes first (an xlsx is a
 * zip, PK\x03\x04; an old .xls is an OLE file, D0 CF 11 E0, which no maintained reader opens, so it
 * is refused with the advice to save as .xlsx) and by the name's extension second. CSV and TXT are
 * decoded by `decodeText` (BOM, strict UTF-8, else GB18030) and split by papaparse, delimiter
 * detected (comma, tab, semicolon). Failures come back as values: the worker never throws.
 *
 * xlsx is read through `read-excel-file/universal`: it takes an ArrayBuffer, needs no DOM and no
 * Node module, and parses XML on the calling thread — which is already the import worker.
 */

import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import type { Cell } from './cell-value';
import { decodeText } from './text-encoding';
import { checkZipDirectory } from './zip-guard';

export type TableFormat = 'csv' | 'xlsx';

export interface TableCells {
	format: TableFormat;
	/** The sheet read (xlsx) and every sheet's name, to offer a choice. */
	sheet: string | null;
	sheets: string[];
	/** The decoder used (csv). */
	encoding: string | null;
	rows: Cell[][];
}

export interface TableFailure {
	ok: false;
	error: 'unsupported-type' | 'empty' | 'too-large' | 'corrupt' | 'no-sheet';
	message_zh: string;
	message_en: string;
}

export const MAX_TABLE_BYTES = 64 * 1024 * 1024;

const failure = (error: TableFailure['error'], zh: string, en: string): TableFailure => ({
	ok: false,
	error,
	message_zh: zh,
	message_en: en
});

function extension(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
	return magic.every((byte, i) => bytes[i] === byte);
}

/** The format a file will be read as, or a failure saying why it cannot be. */
export function detectTableFormat(name: string, bytes: Uint8Array): TableFormat | TableFailure {
	const ext = extension(name);
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || ext === 'xls') {
		return failure(
			'unsupported-type',
			`“${name}”是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入`,
			`"${name}" is an old Excel (.xls) file; save it as .xlsx in Excel and import that`
		);
	}
	if (ext === 'xlsx' || ext === 'xlsm') {
		return failure(
			'corrupt',
			`“${name}”不是有效的 xlsx 文件`,
			`"${name}" is not a valid xlsx file`
		);
	}
	if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
	return failure(
		'unsupported-type',
		`不支持“${name}”的文件类型；指标表请用 xlsx 或 csv`,
		`"${name}" is not a supported type; use xlsx or csv for indicator tables`
	);
}

function readCsv(bytes: Uint8Array, hint?: string): TableCells {
	const { text, encoding } = decodeText(bytes, hint);
	// The delimiter is guessed on the first lines without blank ones (a blank line has one field
	// and spoils papaparse's guess); then empty lines are kept (sheet-table skips them, counted)
	// so row numbers stay the lines Excel shows. Only the empty line after the last newline goes.
	const guess = Papa.parse<string[]>(text, {
		preview: 50,
		skipEmptyLines: 'greedy',
		delimitersToGuess: [',', '\t', ';', '|']
	});
	const delimiter = guess.errors.some((e) => e.code === 'UndetectableDelimiter')
		? ','
		: guess.meta.delimiter;
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
	const rows: Cell[][] = parsed.data.map((row) => (Array.isArray(row) ? row.map(String) : []));
	while (rows.length > 0 && (rows.at(-1) ?? []).every((cell) => cell === '')) rows.pop();
	return { format: 'csv', sheet: null, sheets: [], encoding, rows };
}

/** An exact ArrayBuffer of the bytes: read-excel-file checks `instanceof ArrayBuffer`. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
	const copy = new Uint8Array(bytes.byteLength);
	copy.set(bytes);
	return copy.buffer;
}

async function readXlsx(
	name: string,
	bytes: Uint8Array,
	sheet?: number | string
): Promise<TableCells | TableFailure> {
	const zip = checkZipDirectory(bytes);
	if (!zip.ok && zip.problem === 'too-large') {
		return failure(
			'too-large',
			`“${name}”解压后超过 512 MB，浏览器无法读取；请拆分后分别导入`,
			`"${name}" unpacks to more than 512 MB, too much for the browser; split it and import the parts`
		);
	}
	if (!zip.ok) {
		return failure(
			'corrupt',
			`“${name}”已损坏（zip 目录无法读取）`,
			`"${name}" is damaged (its zip directory cannot be read)`
		);
	}
	let sheets: { sheet: string; data: unknown[][] }[];
	try {
		sheets = await readXlsxFile(arrayBufferOf(bytes));
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return failure(
			'corrupt',
			`无法读取“${name}”：文件损坏或不是 xlsx（${detail}）`,
			`cannot read "${name}": the file is damaged or not an xlsx (${detail})`
		);
	}
	const names = sheets.map((s) => s.sheet);
	const chosen =
		typeof sheet === 'number'
			? sheets[sheet]
			: typeof sheet === 'string'
				? sheets.find((s) => s.sheet === sheet)
				: (sheets.find((s) => s.data.some((row) => row.some((c) => c !== null))) ?? sheets[0]);
	if (!chosen) {
		return failure('no-sheet', `“${name}”中没有该工作表`, `"${name}" has no such sheet`);
	}
	const rows = chosen.data.map((row) => row.map((cell) => cell as Cell));
	return { format: 'xlsx', sheet: chosen.sheet, sheets: names, encoding: null, rows };
}

/** Read a table file's cells: csv/txt/tsv or xlsx; anything else, or a damaged file, fails. */
export async function readTableCells(
	name: string,
	bytes: Uint8Array,
	options: { sheet?: number | string; encoding?: string; maxBytes?: number } = {}
): Promise<TableCells | TableFailure> {
	const max = options.maxBytes ?? MAX_TABLE_BYTES;
	if (bytes.byteLength > max) {
		const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
		return failure(
			'too-large',
			`“${name}”有 ${mb(bytes.byteLength)}，超过了 ${mb(max)} 的上限；请拆分后分别导入`,
			`"${name}" is ${mb(bytes.byteLength)}, over the ${mb(max)} limit; split it and import the parts`
		);
	}
	if (bytes.byteLength === 0) return failure('empty', `“${name}”是空文件`, `"${name}" is empty`);
	const format = detectTableFormat(name, bytes);
	if (typeof format !== 'string') return format;
	try {
		return format === 'csv'
			? readCsv(bytes, options.encoding)
			: await readXlsx(name, bytes, options.sheet);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return failure(
			'corrupt',
			`无法读取“${name}”（${detail}）`,
			`cannot read "${name}" (${detail})`
		);
	}
}
