/**
 * One cell of an indicator column → a value, by the indicator's kind. Sheets hold numbers as
 * numbers, or as text with thousands separators, full-width digits or a % sign; "—", "-", "/" and
 * blanks mean no value. Flags may be 是/否, 有/无, √/×. Categories stay text. A cell that fits none
 * of that (待定, #DIV/0!, a date in a count) is an error with a reason, so its row is rejected and
 * listed — never read as 0 and never dropped quietly.
 */

export type Cell = string | number | boolean | Date | null | undefined;

export type CellValue =
	| { value: number | null; text: string | null }
	| { error: true; reason_zh: string; reason_en: string };

const NULL_TOKENS = new Set(['', '-', '--', '—', '——', '–', '/', '\\', '…', 'na', 'n/a', 'null']);
const TRUE_TOKENS = new Set(['是', '有', '√', '✓', '✔', 'y', 'yes', 'true', '1']);
const FALSE_TOKENS = new Set(['否', '无', '×', '✗', '✘', 'n', 'no', 'false', '0']);

/** The cell as compact text: NFKC (full-width digits and signs to ASCII), trimmed. */
function compact(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\s\u00a0\u200b]+/g, '')
		.toLowerCase();
}

/** True when the cell means "no value". */
export function isNullCell(cell: Cell): boolean {
	if (cell === null || cell === undefined) return true;
	return typeof cell === 'string' && NULL_TOKENS.has(compact(cell));
}

/**
 * A number written as text: 1,234.5 / 1，234 / １２３ / 35% / +12 / 1.2e3. Returns null when the
 * text is not a number; `percent` tells the caller the % was already divided out.
 */
export function parseNumberText(text: string): { number: number; percent: boolean } | null {
	let t = compact(text).replace(/[,，]/g, '');
	const percent = t.endsWith('%');
	if (percent) t = t.slice(0, -1);
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
	const number = Number(t);
	if (!Number.isFinite(number)) return null;
	return { number: percent ? scaleValue(number, 0.01) : number, percent };
}

/**
 * n × scale, shifting the decimal point when the scale is a power of ten: 1.1 万元 is 11000 元,
 * not the 11000.000000000002 a floating multiplication gives.
 */
export function scaleValue(n: number, scale: number): number {
	if (scale === 1) return n;
	const exponent = Math.round(Math.log10(scale));
	const text = String(n);
	if (10 ** exponent !== scale || text.includes('e')) return n * scale;
	return Number(`${text}e${exponent}`);
}

function error(zh: string, en: string): CellValue {
	return { error: true, reason_zh: zh, reason_en: en };
}

function shown(cell: Cell): string {
	return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

/**
 * Read a cell for an indicator of the given kind. `scale` converts the sheet's unit to the
 * catalogue's (10,000 for 万元 → 元); a cell with its own % sign is already a ratio.
 * Kind undefined (a new indicator): a number when it reads as one, else text.
 */
export function readCell(cell: Cell, kind: string | undefined, scale = 1): CellValue {
	if (cell === null || cell === undefined || isNullCell(cell)) return { value: null, text: null };
	if (kind === 'category') {
		const text = typeof cell === 'string' ? cell.trim() : shown(cell);
		return { value: null, text };
	}
	if (kind === 'flag') {
		if (typeof cell === 'boolean') return { value: cell ? 1 : 0, text: null };
		const token = compact(shown(cell));
		if (TRUE_TOKENS.has(token)) return { value: 1, text: null };
		if (FALSE_TOKENS.has(token)) return { value: 0, text: null };
		return error(
			`“${shown(cell)}”不是“是/否”`,
			`"${shown(cell)}" is not a yes/no value (是/否, 1/0)`
		);
	}
	if (kind === 'year') {
		const year = readYear(cell);
		if (year !== null) return { value: year, text: null };
		return error(`“${shown(cell)}”不是年份`, `"${shown(cell)}" is not a year`);
	}
	if (typeof cell === 'number') {
		if (!Number.isFinite(cell)) return error('数值无效', 'not a finite number');
		return { value: scaleValue(cell, scale), text: null };
	}
	if (cell instanceof Date || typeof cell === 'boolean') {
		return error(`“${shown(cell)}”不是数字`, `"${shown(cell)}" is not a number`);
	}
	const parsed = parseNumberText(cell);
	if (parsed) {
		const factor = parsed.percent && scale === 0.01 ? 1 : scale;
		return { value: scaleValue(parsed.number, factor), text: null };
	}
	if (kind === undefined) return { value: null, text: cell.trim() };
	if (cell.trim().startsWith('#')) {
		return error(`“${cell.trim()}”是 Excel 公式错误`, `"${cell.trim()}" is an Excel formula error`);
	}
	return error(`“${cell.trim()}”不是数字`, `"${cell.trim()}" is not a number`);
}

/** A year cell (2020, "2020", "2020年", "2020年度", a date) → the year, or null. */
export function readYear(cell: Cell): number | null {
	if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.getUTCFullYear();
	if (typeof cell === 'number')
		return Number.isInteger(cell) && cell >= 1900 && cell < 2100 ? cell : null;
	if (typeof cell !== 'string') return null;
	const match = /^((?:19|20)\d{2})(?:年度?)?$/.exec(compact(cell));
	return match ? Number(match[1]) : null;
}
