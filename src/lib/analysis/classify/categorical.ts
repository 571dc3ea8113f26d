/**
 * Categorical classes: the categories in the order the indicator's catalogue lists them
 * (`default_classes`), then any category met in the data but missing from that list, sorted, so
 * nothing seen is left without a class. Null, undefined and the empty string are no data.
 * Flag and year indicators may be classed this way from their numbers (`1` → category "1").
 */
import type { Label } from '../format';

/** Per-unit category texts as they come from a query. */
export type Texts = ArrayLike<string | null | undefined>;

/** True for an entry that has a category. */
export function isCategory(t: string | null | undefined): t is string {
	return typeof t === 'string' && t !== '';
}

/** Numbers as category texts (`1` → "1"); non-finite numbers are no data. */
export function textsOfValues(values: ArrayLike<number | null | undefined>): (string | null)[] {
	return Array.from(values, (v) =>
		typeof v === 'number' && Number.isFinite(v) ? String(v) : null
	);
}

/** Numbers in numeric order, everything else by code point: deterministic in every browser. */
function compareCategories(a: string, b: string): number {
	const x = Number(a);
	const y = Number(b);
	if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y) {
		return x - y;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The categories in legend order: listed ones first (even if absent), then unlisted seen ones. */
export function categoricalClasses(
	texts: Texts,
	order: readonly (string | number)[] = []
): string[] {
	const listed = [...new Set(order.map(String))];
	const known = new Set(listed);
	const extra = new Set<string>();
	for (let i = 0; i < texts.length; i++) {
		const t = texts[i];
		if (isCategory(t) && !known.has(t)) extra.add(t);
	}
	return [...listed, ...[...extra].sort(compareCategories)];
}

export const OTHER_KEY = '__other__';
export const OTHER_LABEL: Label = { zh: '其他', en: 'Other' };

/**
 * At most `max` classes: when there are more categories, the first `max − 1` keep a class each
 * and the rest share one "other" class (a colour shared by two categories would say they are
 * the same). Returns the class keys and the categories folded into "other".
 */
export function capCategories(
	categories: readonly string[],
	max: number
): { keys: string[]; folded: string[] } {
	if (categories.length <= max) return { keys: [...categories], folded: [] };
	return {
		keys: [...categories.slice(0, max - 1), OTHER_KEY],
		folded: categories.slice(max - 1)
	};
}
