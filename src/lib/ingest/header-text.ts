/**
 * Reading the text of headers and titles: the form two headers compare in (NFKC, case, spacing,
 * quotes), the unit in a header's last brackets and its scale to the catalogue's unit (万元 to 元,
 * % to a 0–1 ratio), and what a sheet's title says — the indicator it names and its one year.
 */

export interface CatalogueIndicator {
	key: string;
	label_zh: string;
	label_en: string;
	unit: string;
	/** The catalogue kind (count, amount, ratio, flag, category, year); decides how cells parse. */
	kind?: string;
}

/** Compare form: NFKC (full-width brackets, digits to ASCII), lower case, no spaces or quotes. */
export function headerForm(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s\u200b"'“”‘’「」『』`·•・_\-–—:：]+/g, '');
}

// A bracketed tail: (万元) [户] 【个】 — NFKC has made （） into ().
const BRACKET_TAIL = /[([{【〔]([^()[\]{}【】〔〕]*)[)\]}】〕]$/;
export const BRACKETS = /[([{【〔][^()[\]{}【】〔〕]*[)\]}】〕]/g;

/** A header split into its label and the unit in its last brackets ('' when none). */
export function splitUnit(header: string): { label: string; unit: string } {
	const text = header.normalize('NFKC').trim();
	const tail = BRACKET_TAIL.exec(text);
	if (!tail) return { label: text, unit: '' };
	return { label: text.slice(0, tail.index).trim(), unit: (tail[1] ?? '').trim() };
}

/** Units that convert: money to 元, shares to a 0–1 ratio (an empty catalogue unit). */
const MONEY: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };
const SAME_UNIT: Record<string, string> = { 名: '人', 位: '人', 家: '个', 所: '个', '％': '%' };

/** The factor from a sheet's unit to the catalogue's, and the sheet's unit when none converts. */
export function unitScale(
	headerUnit: string,
	entry: Pick<CatalogueIndicator, 'unit' | 'kind'>
): { scale: number; mismatch?: string } {
	const from = SAME_UNIT[headerUnit] ?? headerUnit;
	const to = SAME_UNIT[entry.unit] ?? entry.unit;
	if (from === '' || from === to) return { scale: 1 };
	const a = MONEY[from];
	const b = MONEY[to];
	if (a !== undefined && b !== undefined) return { scale: a / b };
	if (from === '%' && to === '' && entry.kind === 'ratio') return { scale: 0.01 };
	// A bracket that is part of the label, e.g. (累计), is not a unit and says nothing.
	return from.length > 3 || /[\u4e00-\u9fff]{3}/.test(from)
		? { scale: 1 }
		: { scale: 1, mismatch: headerUnit };
}

/**
 * The indicator a sheet's title names (紫阳县2020年村集体经济收入统计表(万元)): the longest
 * catalogue label inside it, with the scale of the title's unit; null when none is named.
 */
export function indicatorInTitle(
	title: string,
	catalogue: readonly CatalogueIndicator[]
): { key: string; scale: number } | null {
	const text = headerForm(title);
	let best: CatalogueIndicator | null = null;
	let bestLength = 0;
	for (const entry of catalogue) {
		const form = headerForm(entry.label_zh.normalize('NFKC').replace(BRACKETS, ''));
		if (form.length > bestLength && text.includes(form)) [best, bestLength] = [entry, form.length];
	}
	if (!best) return null;
	// The unit in the title's last brackets, or on a line of its own (单位：万元).
	const unit = splitUnit(title).unit || (/单位[:：]\s*([^\s()（）]+)/.exec(title)?.[1] ?? '');
	return { key: best.key, scale: unitScale(unit, best).scale };
}

/** The one year a title names (2020年), or null when it names none or a range (2019—2021年). */
export function yearInTitle(title: string): number | null {
	const years = [...title.normalize('NFKC').matchAll(/(?:19|20)\d{2}/g)].map((m) => Number(m[0]));
	return years.length === 1 ? (years[0] ?? null) : null;
}

/** A cell as header text: numbers and dates as written, empty for null. */
export function cellText(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date)
		return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
	return String(cell);
}
