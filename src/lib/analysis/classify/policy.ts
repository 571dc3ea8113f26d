/**
 * Policy bands: the classes the reports use, rather than ones found in the data. For collective
 * income (集体经济收入, yuan): 空壳村 with no income; 薄弱村 below the weak line (5万, the common
 * provincial line); the "3—10万" band of the olive-shaped distribution (seed 001) split at the
 * weak line; 10—50万; 50万 and above. Thresholds and the weak line are editable.
 *
 * The empty-shell band is "≤ 0": its upper break is the smallest positive double
 * (`Number.MIN_VALUE`), so the one interval rule (lower bound in, upper bound out) puts exactly
 * the values ≤ 0 in it. A negative amount (a loss) has no income either, so it is 空壳村 too.
 */
import { formatYuanShort, type Label } from '../format';
import { tidyBreaks } from './values';

export interface PolicyBandSpec {
	/** Positive thresholds (yuan) between the bands above the empty shell. */
	thresholds: readonly number[];
	/** Bands below this amount are 薄弱村 (weak); it is always a threshold too. 0: none weak. */
	weakBelow: number;
}

export interface PolicyBands {
	/** `Number.MIN_VALUE`, then the thresholds. */
	breaks: number[];
	/** One per class, in class order: a stable key and its name. */
	bands: { key: string; label: Label }[];
}

export const COLLECTIVE_INCOME_BANDS: PolicyBandSpec = {
	thresholds: [30_000, 50_000, 100_000, 500_000],
	weakBelow: 50_000
};

/** Indicators that have policy bands, by indicator key: the UI offers the method only for these. */
export const POLICY_BANDS: Readonly<Record<string, PolicyBandSpec>> = {
	collective_income: COLLECTIVE_INCOME_BANDS
};

export const EMPTY_SHELL_KEY = 'empty_shell';

/** The name of the band from `lo` (> 0 or 0) to `hi` (undefined: open above). */
function bandLabel(lo: number, hi: number | undefined, weak: boolean): Label {
	const zh = (n: number) => formatYuanShort(n, 'zh');
	const en = (n: number) => formatYuanShort(n, 'en');
	let label: Label;
	if (hi === undefined && lo === 0) label = { zh: '有收入', en: 'Any income' };
	else if (hi === undefined) label = { zh: `${zh(lo)}万元以上`, en: `${en(lo)} yuan and over` };
	else if (lo === 0) label = { zh: `不足${zh(hi)}万元`, en: `under ${en(hi)} yuan` };
	else label = { zh: `${zh(lo)}—${zh(hi)}万元`, en: `${en(lo)}–${en(hi)} yuan` };
	if (weak) return { zh: `薄弱村 ${label.zh}`, en: `Weak, ${label.en}` };
	return { zh: label.zh, en: label.en.charAt(0).toUpperCase() + label.en.slice(1) };
}

/** The breaks and band names for a spec (the collective-income defaults if none is given). */
export function policyBands(spec: PolicyBandSpec = COLLECTIVE_INCOME_BANDS): PolicyBands {
	const all = spec.weakBelow > 0 ? [...spec.thresholds, spec.weakBelow] : [...spec.thresholds];
	for (const t of all) {
		if (!Number.isFinite(t) || t <= 0) {
			throw new RangeError(`policyBands: thresholds must be finite amounts > 0, got ${t}`);
		}
	}
	const thresholds = tidyBreaks(all);
	const bands = [{ key: EMPTY_SHELL_KEY, label: { zh: '空壳村（0）', en: 'Empty shell (0)' } }];
	thresholds.forEach((hi, i) => {
		const lo = i === 0 ? 0 : thresholds[i - 1]!;
		bands.push({ key: `${lo}..${hi}`, label: bandLabel(lo, hi, hi <= spec.weakBelow) });
	});
	const last = thresholds[thresholds.length - 1] ?? 0;
	bands.push({ key: `${last}..`, label: bandLabel(last, undefined, false) });
	return { breaks: [Number.MIN_VALUE, ...thresholds], bands };
}
