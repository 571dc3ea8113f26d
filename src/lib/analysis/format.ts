/**
 * Numbers as people read them in legends and tooltips, in Chinese and English: yuan amounts in
 * 万元 (zh) or with thousands separators (en), ratios as percent, counts with separators, years
 * as plain integers. Both languages use the same digits and separators (`1,234`), so the output
 * does not depend on the browser's locale data.
 */

export type Lang = 'zh' | 'en';

/** A text in both languages of the UI. */
export interface Label {
	zh: string;
	en: string;
}

/** The `kind` column of indicator_meta. */
export type IndicatorKind = 'flag' | 'category' | 'count' | 'amount' | 'ratio' | 'year';

/** Writes one number for one language. */
export type Formatter = (n: number, lang: Lang) => string;

const digits = (max: number) =>
	new Intl.NumberFormat('en-US', { maximumFractionDigits: max, useGrouping: true });
const UP_TO_2 = digits(2);
const UP_TO_4 = digits(4);
const WHOLE = digits(0);

/** Any number with separators and at most two decimals: `1,234`, `12.5`. */
export function formatNumber(n: number): string {
	return UP_TO_2.format(n);
}

/** A count (households, people, members): `1,234` in both languages. */
export function formatCount(n: number, _lang: Lang = 'zh'): string {
	return formatNumber(n);
}

/**
 * An amount in yuan. zh: `500元`, `2.9999万元`, `1.2346亿元` (exact to the yuan below 1亿, so a
 * value just under a band's threshold never reads as the threshold); en: `29,999 yuan`.
 */
export function formatYuan(n: number, lang: Lang): string {
	if (lang === 'en') return `${WHOLE.format(n)} yuan`;
	const abs = Math.abs(Math.round(n));
	if (abs >= 1e8) return `${UP_TO_4.format(n / 1e8)}亿元`;
	if (abs >= 1e4) return `${UP_TO_4.format(n / 1e4)}万元`;
	return `${WHOLE.format(n)}元`;
}

/** A round amount for band names, without the unit: zh in 万 (`3`, `0.5`), en `30k`, `1.5M`. */
export function formatYuanShort(n: number, lang: Lang): string {
	if (lang === 'zh') return UP_TO_4.format(n / 1e4);
	const abs = Math.abs(n);
	if (abs >= 1e6) return `${UP_TO_2.format(n / 1e6)}M`;
	if (abs >= 1e3) return `${UP_TO_2.format(n / 1e3)}k`;
	return UP_TO_2.format(n);
}

/** A ratio (0–1) as percent with at most two decimals: `0.1234` → `12.34%`. */
export function formatPercent(r: number, _lang: Lang = 'zh'): string {
	return `${UP_TO_2.format(r * 100)}%`;
}

/** A year, without separators: `2018`. A non-whole value (an equal-interval break) keeps one decimal. */
export function formatYear(y: number, _lang: Lang = 'zh'): string {
	return Number.isInteger(y) ? String(y) : y.toFixed(1);
}

/** Names of the two values of a flag indicator, keyed as categorical legends key them. */
export const FLAG_LABELS: Readonly<Record<string, Label>> = {
	'0': { zh: '否', en: 'No' },
	'1': { zh: '是', en: 'Yes' }
};

/** A flag value: 1 → 是/Yes, 0 → 否/No, anything else as a number. */
export function formatFlag(v: number, lang: Lang): string {
	return FLAG_LABELS[String(v)]?.[lang] ?? formatNumber(v);
}

/** The formatter for an indicator kind (categories have no numbers: plain numbers then). */
export function formatterFor(kind: IndicatorKind): Formatter {
	switch (kind) {
		case 'amount':
			return formatYuan;
		case 'ratio':
			return formatPercent;
		case 'year':
			return formatYear;
		case 'flag':
			return formatFlag;
		default:
			return formatCount;
	}
}
