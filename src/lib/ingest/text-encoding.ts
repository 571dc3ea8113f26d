/**
 * Text encoding of imported files. A county office's CSV is UTF-8 (with or without a BOM) or
 * GB18030/GBK as Excel saves it on Chinese Windows; a shapefile's DBF says its code page in a
 * `.cpg` file or in the language-driver byte of its header, or says nothing. This module turns
 * those labels into decoder names and decodes bytes: a BOM wins, then a caller's hint, then strict
 * UTF-8, then GB18030 (a superset of GBK and GB2312, so it never loses a Chinese character).
 * Pure: TextDecoder only, so it runs in the import worker and in Node.
 */

export interface DecodedText {
	text: string;
	/** The decoder actually used, a WHATWG label: 'utf-8', 'gb18030', 'windows-1252'… */
	encoding: string;
	/** Why that decoder: a byte-order mark, the caller's hint, or detection. */
	source: 'bom' | 'hint' | 'detected';
}

/** True when the bytes are valid UTF-8 (ASCII included); a BOM is allowed. */
export function isStrictUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

// Code pages that appear in .cpg files and DBF headers, by number, as WHATWG decoder labels.
// 936 is named 'gbk' (what the file says); decoding always goes through GB18030, its superset.
const CODE_PAGES: Record<string, string> = {
	'437': 'ibm437',
	'866': 'ibm866',
	'874': 'windows-874',
	'932': 'shift_jis',
	'936': 'gbk',
	'949': 'euc-kr',
	'950': 'big5',
	'1250': 'windows-1250',
	'1251': 'windows-1251',
	'1252': 'windows-1252',
	'1253': 'windows-1253',
	'1254': 'windows-1254',
	'1255': 'windows-1255',
	'1256': 'windows-1256',
	'1257': 'windows-1257',
	'1258': 'windows-1258',
	'54936': 'gb18030',
	'65001': 'utf-8',
	'28591': 'windows-1252'
};

// Names writers put in .cpg files (ArcGIS, QGIS, GDAL), after upper-casing and removing spaces,
// dashes and underscores.
const CPG_NAMES: Record<string, string> = {
	UTF8: 'utf-8',
	GBK: 'gbk',
	GB2312: 'gbk',
	EUCCN: 'gbk',
	GB18030: 'gb18030',
	BIG5: 'big5',
	SHIFTJIS: 'shift_jis',
	SJIS: 'shift_jis',
	EUCKR: 'euc-kr',
	LATIN1: 'windows-1252',
	ISO88591: 'windows-1252',
	ANSI: 'windows-1252'
};

/**
 * The decoder for a `.cpg` label ('936', 'CP936', 'GBK', 'UTF-8', 'ANSI 1252', '65001'…), or
 * null when the label is empty or unknown, so the caller falls back to detection.
 */
export function encodingFromCpg(label: string): string | null {
	const compact = label
		.trim()
		.toUpperCase()
		.replace(/[\s_-]+/g, '');
	if (compact === '') return null;
	const named = CPG_NAMES[compact];
	if (named) return named;
	// '936', 'CP936', 'ANSI936', 'ANSI 1252', 'WINDOWS-1252', 'IBM437', 'MS936', 'OEM 437'.
	const numbered = /^(?:CP|ANSI|WINDOWS|IBM|MS|OEM|CODEPAGE)?(\d{3,5})$/.exec(compact);
	if (numbered) return CODE_PAGES[numbered[1] ?? ''] ?? null;
	return null;
}

// dBase language-driver ids (byte 29 of the DBF header) → code page. 0x57 is "current ANSI code
// page" — the writer's Windows locale, which on an office PC in China is 936, not 1252 — so it
// is left to detection (strict UTF-8, else GB18030) rather than guessed.
const LANGUAGE_DRIVERS: Record<number, string> = {
	0x01: '437',
	0x03: '1252',
	0x09: '437',
	0x0b: '437',
	0x0d: '437',
	0x0f: '437',
	0x11: '437',
	0x13: '932',
	0x15: '437',
	0x18: '437',
	0x19: '437',
	0x1b: '437',
	0x26: '866',
	0x4d: '936',
	0x4e: '949',
	0x4f: '950',
	0x50: '874',
	0x58: '1252',
	0x59: '1252',
	0x65: '866',
	0x78: '950',
	0x79: '949',
	0x7a: '936',
	0x7b: '932',
	0x7c: '874',
	0xc8: '1250',
	0xc9: '1251',
	0xca: '1254',
	0xcb: '1253',
	0xcc: '1257'
};

/** The decoder for a DBF language-driver byte, or null (0x00, 0x57, or not known). */
export function encodingFromDbfLanguageDriver(byte: number): string | null {
	const page = LANGUAGE_DRIVERS[byte];
	return page ? (CODE_PAGES[page] ?? null) : null;
}

// The upper half of code page 437 (DOS Latin US); WHATWG TextDecoder has no decoder for it.
const CP437_HIGH =
	'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
	'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeCp437(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) {
		text += byte < 0x80 ? String.fromCharCode(byte) : (CP437_HIGH[byte - 0x80] ?? '\ufffd');
	}
	return text;
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
	if (encoding === 'ibm437') return decodeCp437(bytes);
	// ignoreBOM: a BOM we did not strip ourselves is content; ours is removed before this call.
	return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** The decoder to use for a hint (a .cpg-style label or a WHATWG one), or null if unusable. */
function decoderFor(hint: string): string | null {
	const label = encodingFromCpg(hint) ?? hint.trim().toLowerCase();
	// GBK and GB2312 files are decoded as GB18030: same bytes for every GBK character, and the
	// four-byte sequences (rare characters in names) still decode.
	if (label === 'gbk') return 'gb18030';
	if (label === 'ibm437') return label;
	try {
		return new TextDecoder(label).encoding;
	} catch {
		return null;
	}
}

/**
 * Decode a file's bytes. A UTF-8 or UTF-16 BOM decides; otherwise a usable hint decides — except a
 * hint of UTF-8 on bytes that are not UTF-8 (a .cpg written wrong), which falls to GB18030 rather
 * than turning every Chinese character into U+FFFD. Without a hint: strict UTF-8, else GB18030.
 */
export function decodeText(bytes: Uint8Array, hint?: string): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: decodeWith('utf-8', bytes.subarray(3)), encoding: 'utf-8', source: 'bom' };
	}
	// Excel's "Unicode text" export is UTF-16LE with a BOM (tab-separated).
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', source: 'bom' };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', source: 'bom' };
	}
	const hinted = hint ? decoderFor(hint) : null;
	if (hinted && (hinted !== 'utf-8' || isStrictUtf8(bytes))) {
		return { text: decodeWith(hinted, bytes), encoding: hinted, source: 'hint' };
	}
	if (isStrictUtf8(bytes)) {
		return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', source: 'detected' };
	}
	return { text: decodeWith('gb18030', bytes), encoding: 'gb18030', source: 'detected' };
}
