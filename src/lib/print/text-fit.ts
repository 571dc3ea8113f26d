/**
 * Fitting text into a width on a printed page, with any text measure (in the PDF, the embedded
 * font's advance widths; in tests, a stand-in): shrink a line down to a smallest size, cut it
 * with "…" when even that is too wide, or wrap it over a few lines. Chinese has no spaces, so a
 * line may break between any two CJK characters — but not before closing punctuation, which
 * Chinese typesetting keeps on the line it closes.
 */

/** The width of `text` set at `size` points, in points. */
export type MeasureText = (text: string, size: number) => number;

export interface FittedText {
	text: string;
	size: number;
}

/** A line of text placed on the page: its left end and baseline, in points. */
export interface TextBox extends FittedText {
	x: number;
	y: number;
}

export const ELLIPSIS = '…';

/**
 * One line, whitespace runs (newlines, tabs) as one space: pdf-lib would start a new line at a
 * newline and overprint whatever the layout put below.
 */
export function normaliseText(text: string): string {
	return text.replace(/\s+/gu, ' ').trim();
}

/** The longest start of `text` that fits with "…" after it (only "…" if nothing does). */
export function truncateText(
	text: string,
	maxWidth: number,
	size: number,
	measure: MeasureText
): string {
	if (measure(text, size) <= maxWidth) return text;
	// Code points, not UTF-16 units, so a character beyond the BMP is never cut in half.
	const chars = Array.from(text);
	let lo = 0;
	let hi = chars.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS;
		if (measure(candidate, size) <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/**
 * `text` at `size`, or smaller down to `minSize` until it fits `maxWidth`; cut with "…" at
 * `minSize` if it still does not. Sizes are floored to 0.1 pt. The text is taken as one line:
 * `normaliseText` it first if it may hold newlines.
 */
export function fitText(
	text: string,
	maxWidth: number,
	size: number,
	minSize: number,
	measure: MeasureText
): FittedText {
	const line = text;
	const width = measure(line, size);
	if (width <= maxWidth) return { text: line, size };
	// Advance widths grow linearly with the size, so one division finds the size that fits.
	const fitting = Math.floor(((size * maxWidth) / width) * 10) / 10;
	if (fitting >= minSize) return { text: line, size: fitting };
	return { text: truncateText(line, maxWidth, minSize, measure), size: minSize };
}

/** Ideographs, kana, hangul, CJK punctuation and full-width forms: a line may break beside them. */
const CJK =
	/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u;
/** Closing punctuation, never the first character of a line. */
const CLOSING = /[，。、；：？！）》」』】〕〉”’,.;:?!)\]}%]/u;

/** The pieces a line may break between: single CJK characters, spaces, and runs of the rest. */
function splitBreakable(text: string): string[] {
	const units: string[] = [];
	let word = '';
	for (const ch of text) {
		if (ch === ' ' || CJK.test(ch)) {
			if (word) units.push(word);
			word = '';
			units.push(ch);
		} else word += ch;
	}
	if (word) units.push(word);
	// Glue closing punctuation to what it closes.
	const glued: string[] = [];
	for (const u of units) {
		const prev = glued[glued.length - 1];
		if (prev !== undefined && prev !== ' ' && CLOSING.test(u.charAt(0))) {
			glued[glued.length - 1] = prev + u;
		} else glued.push(u);
	}
	return glued;
}

/**
 * `text` over at most `maxLines` lines of `maxWidth` at `size`; the last line is cut with "…"
 * if the text goes on. A piece wider than a whole line (a long URL) is cut by itself.
 */
export function wrapText(
	text: string,
	maxWidth: number,
	size: number,
	measure: MeasureText,
	maxLines: number
): string[] {
	if (maxLines < 1) return [];
	const lines: string[] = [];
	let line = '';
	const units = splitBreakable(normaliseText(text));
	for (let i = 0; i < units.length; i++) {
		const unit = units[i] ?? '';
		if (line === '' || measure((line + unit).trimEnd(), size) <= maxWidth) {
			line = line === '' ? unit.trimStart() : line + unit;
			continue;
		}
		if (lines.length === maxLines - 1) {
			// The text goes on past the last line: the last line ends in "…".
			line = truncateText(line + units.slice(i).join(''), maxWidth, size, measure);
			break;
		}
		lines.push(line.trimEnd());
		line = unit.trimStart();
	}
	if (line !== '') lines.push(line.trimEnd());
	return lines.map((l) => truncateText(l, maxWidth, size, measure));
}
