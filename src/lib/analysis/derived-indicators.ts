/**
 * Derived indicators: catalogue entries for values the dataset does not store but the app
 * computes per village from stored ones in the same year — the poverty-exit status of the first
 * map, empty-shell and weak collective economies. Each entry has the shape of an `indicator_meta`
 * row (plus its roll-up and inputs), so legends, pickers and the generic indicator query treat
 * it like any catalogue indicator. The rule is written here in JS and in SQL in
 * `data/queries/indicator-values.ts`; tests keep the two equal.
 */
import { POVERTY_STATUS_CLASSES, povertyStatus } from './poverty-status';
import type { Rgba } from './palette';

export interface DerivedIndicator {
	key: string;
	theme: 'poverty' | 'collective' | 'party' | 'relocation';
	label_zh: string;
	label_en: string;
	unit: string;
	kind: 'flag' | 'category';
	/** JSON: category keys in legend order, or flag values. */
	default_classes: string;
	better: 'higher' | 'lower' | 'none';
	description_zh: string;
	/** JSON roll-up rule (see `analysis/rollup.ts`). */
	rollup: string;
	/** The stored indicator keys it is computed from, all read in the same year. */
	inputs: readonly string[];
	/** Category keys with their names, in legend order (category indicators only). */
	categories?: readonly { key: string; label: { zh: string; en: string }; color?: Rgba }[];
	/**
	 * The rule: the value (flags) or category key (categories) of one village, given its input
	 * values in `inputs` order (null where the village has no row) and the year. Null = no data.
	 */
	derive(inputs: readonly (number | null)[], year: number): number | string | null;
}

/** The common provincial line below which a village's collective economy is "weak" (薄弱村), yuan. */
export const WEAK_COLLECTIVE_LINE = 50_000;

const POVERTY_STATUS: DerivedIndicator = {
	key: 'poverty_status',
	theme: 'poverty',
	label_zh: '脱贫退出状态',
	label_en: 'Poverty-exit status',
	unit: '',
	kind: 'category',
	default_classes: JSON.stringify(POVERTY_STATUS_CLASSES.map((c) => c.key)),
	better: 'none',
	description_zh: '由贫困村标识与退出年份推得:未退出、当年退出、往年已退出、非贫困村',
	rollup: JSON.stringify({ op: 'categories' }),
	inputs: ['poor_village', 'exit_year'],
	// Their own colours: "never poor" a quiet grey, so the story stays on the poor villages.
	categories: POVERTY_STATUS_CLASSES.map((c) => ({ key: c.key, label: c.label, color: c.color })),
	// A village with no poor_village row that year has no status (no data), not "never poor".
	derive: ([poor, exitYear], year) =>
		poor == null ? null : povertyStatus(poor === 1, exitYear ?? null, year)
};

const EMPTY_SHELL: DerivedIndicator = {
	key: 'empty_shell',
	theme: 'collective',
	label_zh: '空壳村',
	label_en: 'Empty-shell village',
	unit: '',
	kind: 'flag',
	default_classes: '[0,1]',
	better: 'lower',
	description_zh: '集体经济收入为 0',
	rollup: JSON.stringify({ op: 'share' }),
	inputs: ['collective_income'],
	derive: ([income]) => (income == null ? null : income === 0 ? 1 : 0)
};

const WEAK_COLLECTIVE: DerivedIndicator = {
	key: 'weak_collective',
	theme: 'collective',
	label_zh: '集体经济薄弱村',
	label_en: 'Weak collective economy',
	unit: '',
	kind: 'flag',
	default_classes: '[0,1]',
	better: 'lower',
	description_zh: '集体经济收入低于 5 万元(含空壳村)',
	rollup: JSON.stringify({ op: 'share' }),
	inputs: ['collective_income'],
	derive: ([income]) => (income == null ? null : income < WEAK_COLLECTIVE_LINE ? 1 : 0)
};

/** Every derived indicator, in the order a picker lists them. */
export const DERIVED_INDICATORS: readonly DerivedIndicator[] = [
	POVERTY_STATUS,
	EMPTY_SHELL,
	WEAK_COLLECTIVE
];

const BY_KEY = new Map(DERIVED_INDICATORS.map((d) => [d.key, d]));

/** The derived indicator of that key, or undefined for a stored (or unknown) key. */
export function derivedIndicator(key: string): DerivedIndicator | undefined {
	return BY_KEY.get(key);
}

/** Derived indicators whose inputs the catalogue has (`keys`: the dataset's stored keys). */
export function derivedAvailable(keys: Iterable<string>): DerivedIndicator[] {
	const have = new Set(keys);
	return DERIVED_INDICATORS.filter((d) => d.inputs.every((k) => have.has(k)));
}

/** Name of a category of a derived indicator in the language asked, or the key itself. */
export function derivedCategoryLabel(key: string, category: string, lang: 'zh' | 'en'): string {
	return BY_KEY.get(key)?.categories?.find((c) => c.key === category)?.label[lang] ?? category;
}
