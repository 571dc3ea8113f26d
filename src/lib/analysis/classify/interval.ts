/**
 * The one rule that turns a value into a numeric class, used by every method, the legend and the
 * map: breaks `b₀ < b₁ < … < bₘ₋₁` make `m + 1` classes, and class `i` holds the values `v` with
 * `bᵢ₋₁ ≤ v < bᵢ` — lower bound included, upper bound excluded, so a value exactly on a break
 * belongs to the class above it. The first class is open below, the last open above.
 *
 * Names follow the rule: "a – b" for [a, b); "≥ a" for the last class (it holds the largest
 * value); "< b" for a first class open below (manual breaks); a lone value by itself.
 */
import type { Formatter, Label, Lang } from '../format';

/** The rule in words, for the foot of a legend. */
export const INTERVAL_RULE: Label = {
	zh: '各组含下限、不含上限',
	en: 'Each class includes its lower bound and excludes its upper bound'
};

/** The class of a value: how many breaks are at or below it (binary search). */
export function classIndex(v: number, breaks: readonly number[]): number {
	let lo = 0;
	let hi = breaks.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (breaks[mid]! <= v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The name of a class from its bounds; `alone`: the data hold a single value. */
export function intervalLabel(
	min: number | undefined,
	max: number | undefined,
	fmt: Formatter,
	alone = false
): Label {
	const say = (lang: Lang): string => {
		if (min === undefined && max === undefined) return lang === 'zh' ? '全部' : 'All';
		if (min === undefined) return `< ${fmt(max!, lang)}`;
		if (max === undefined) return alone ? fmt(min, lang) : `≥ ${fmt(min, lang)}`;
		return `${fmt(min, lang)} – ${fmt(max, lang)}`;
	};
	return { zh: say('zh'), en: say('en') };
}

/**
 * Key, name and bounds of each class the breaks make. `lowest` is the first class's lower bound:
 * the smallest value for data-driven methods, undefined (open below) for manual breaks.
 */
export function intervalClasses(
	breaks: readonly number[],
	lowest: number | undefined,
	fmt: Formatter,
	alone = false
): { key: string; label: Label; min?: number; max?: number }[] {
	return Array.from({ length: breaks.length + 1 }, (_, i) => {
		const min = i > 0 ? breaks[i - 1] : lowest;
		const max = breaks[i];
		const label = intervalLabel(min, max, fmt, alone && breaks.length === 0);
		return { key: `${min ?? ''}..${max ?? ''}`, label, min, max };
	});
}
