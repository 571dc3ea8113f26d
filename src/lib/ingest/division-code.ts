/**
 * The 12-digit statistical division code (统计用区划代码) as sheets actually hold it: a number
 * (Excel stores 610924101215 as a double), text with spaces, quotes, an Excel text apostrophe or
 * full-width digits, a ".0" from a float export, or scientific notation ("6.10924E+11") where Excel
 * showed a long number in General format and a CSV kept what was shown. County (6) and township (9)
 * prefixes are padded to 12. A code is accepted only when every digit is known: scientific notation
 * that dropped digits is refused, never rounded into a neighbouring village's code.
 */

export type CodeLevel = 'county' | 'township' | 'village';

export type DivisionCode =
	| { code: string; level: CodeLevel }
	| {
			error: 'empty' | 'not-a-code' | 'length' | 'lost-digits';
			reason_zh: string;
			reason_en: string;
	  };

const EMPTY = {
	error: 'empty',
	reason_zh: '代码为空',
	reason_en: 'no code'
} as const;

function notACode(raw: string): DivisionCode {
	return {
		error: 'not-a-code',
		reason_zh: `“${raw}”不是区划代码`,
		reason_en: `"${raw}" is not a division code`
	};
}

// Spaces (ASCII, no-break, full-width U+3000, zero-width), quotes of every width, and separators
// people type inside long numbers. NFKC has already turned full-width digits into ASCII ones.
const NOISE = /[\s\u00a0\u200b\u3000'"‘’“”`\-_,]/g;

/** Pad a 6-, 9- or 12-digit code to 12 and name its level; any other length is refused. */
function fromDigits(digits: string, raw: string): DivisionCode {
	if (!/^\d+$/.test(digits)) return notACode(raw);
	if (digits.length !== 6 && digits.length !== 9 && digits.length !== 12) {
		return {
			error: 'length',
			reason_zh: `“${raw}”有 ${digits.length} 位，区划代码应为 12 位（或 6、9 位）`,
			reason_en: `"${raw}" has ${digits.length} digits; a division code has 12 (or 6 or 9)`
		};
	}
	// Province codes run from 11 (Beijing) to 82 (Macao); anything else is another kind of number.
	const province = Number(digits.slice(0, 2));
	if (province < 11 || province > 82) return notACode(raw);
	const code = digits.padEnd(12, '0');
	const level: CodeLevel =
		digits.length === 6 || code.endsWith('000000')
			? 'county'
			: digits.length === 9 || code.endsWith('000')
				? 'township'
				: 'village';
	return { code, level };
}

const LOST_DIGITS = (raw: string): DivisionCode => ({
	error: 'lost-digits',
	reason_zh: `“${raw}”是科学计数法，丢失了位数；请把代码列设为文本后重新导出`,
	reason_en: `"${raw}" is in scientific notation and lost digits; set the code column to text and export again`
});

/**
 * "6.10924101215E+11" names every digit and is accepted; "6.10924E+11" does not (Excel kept six
 * significant digits of a twelve-digit code) and is refused: the mantissa must carry at least as
 * many digits as the integer has.
 */
function fromScientific(mantissa: string, exponent: number, raw: string): DivisionCode {
	const [whole = '', fraction = ''] = mantissa.split('.');
	const digits = (whole + fraction).replace(/^0+/, '');
	const integerDigits = whole.replace(/^0+/, '').length + exponent;
	if (integerDigits < 6 || integerDigits > 12) return notACode(raw);
	if (fraction.length > exponent) return notACode(raw);
	if (digits.length < integerDigits) return LOST_DIGITS(raw);
	return fromDigits(digits.padEnd(integerDigits, '0'), raw);
}

/** Normalise one cell of a code column. */
export function normaliseDivisionCode(cell: unknown): DivisionCode {
	if (cell === null || cell === undefined) return EMPTY;
	if (typeof cell === 'number') {
		if (!Number.isFinite(cell)) return notACode(String(cell));
		// Integers up to 12 digits are exact in a double; a fraction means it was never a code.
		if (!Number.isInteger(cell)) return notACode(String(cell));
		return fromDigits(String(cell), String(cell));
	}
	if (typeof cell === 'bigint') return fromDigits(cell.toString(), cell.toString());
	if (typeof cell !== 'string') return notACode(String(cell));
	const raw = cell.trim();
	const text = raw.normalize('NFKC').replace(NOISE, '');
	if (text === '') return EMPTY;
	const scientific = /^(\d+(?:\.\d*)?)e\+?(\d{1,2})$/i.exec(text);
	if (scientific) return fromScientific(scientific[1] ?? '', Number(scientific[2]), raw);
	// A float export writes 610924101215.0; a non-zero fraction is not a code.
	const float = /^(\d+)\.0*$/.exec(text);
	return fromDigits(float ? (float[1] ?? '') : text, raw);
}

/** The code, or null; for callers that only need to know whether a cell is a code. */
export function divisionCodeOf(cell: unknown): string | null {
	const result = normaliseDivisionCode(cell);
	return 'code' in result ? result.code : null;
}

/**
 * The shortest form a region table may store a 12-digit code under: a township's 9 digits, a
 * county's 6 (the dataset contract keeps those lengths), else the 12 themselves.
 */
export function shortDivisionCode(code: string): string {
	if (code.endsWith('000000')) return code.slice(0, 6);
	if (code.endsWith('000')) return code.slice(0, 9);
	return code;
}
