/**
 * Roll-ups computed from the Arrow files in plain JS — an independent second implementation of
 * what the app does in SQL, for the e2e tests to compare legend counts with.
 */
import { parents, units, villageValues, villages } from './dataset';

export type Level = 'village' | 'township' | 'county';

function median(xs: number[]): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The unit a village rolls up to at `level`. */
function unitOf(code: string, level: Level, parent: Map<string, string>): string {
	if (level === 'village') return code;
	const township = parent.get(code) as string;
	return level === 'township' ? township : (parent.get(township) as string);
}

/** Value per unit of the level: the village's own value, or the statistic of its villages. */
export function unitValues(
	key: string,
	year: number,
	level: Level,
	stat: string,
	opts: { category?: string; num?: string; den?: string } = {}
): Map<string, number | null> {
	const parent = parents();
	const codes = [...(level === 'village' ? villages() : units(level)).keys()];
	const own = villageValues(key, year);
	if (level === 'village') return new Map(codes.map((c) => [c, own.get(c)?.value ?? null]));
	const groups = new Map<string, string[]>(codes.map((c) => [c, []]));
	for (const v of villages().keys()) groups.get(unitOf(v, level, parent))?.push(v);
	const nums = (vs: string[], k = key) => {
		const vals = villageValues(k, year);
		return vs
			.map((v) => vals.get(v)?.value)
			.filter((x): x is number => x !== null && x !== undefined);
	};
	const out = new Map<string, number | null>();
	for (const [unit, vs] of groups) {
		const xs = nums(vs);
		const texts = vs.map((v) => own.get(v)?.text).filter((t): t is string => !!t);
		let r: number | null;
		if (stat === 'sum') r = xs.length ? xs.reduce((a, b) => a + b, 0) : null;
		else if (stat === 'mean') r = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
		else if (stat === 'median') r = median(xs);
		else if (stat === 'max') r = xs.length ? Math.max(...xs) : null;
		else if (stat === 'ratio') {
			const n = nums(vs, opts.num).reduce((a, b) => a + b, 0);
			const d = nums(vs, opts.den).reduce((a, b) => a + b, 0);
			r = d ? n / d : null;
		} else if (opts.category) {
			const hit = texts.filter((t) => t === opts.category).length;
			r = texts.length ? (stat === 'count' ? hit : hit / texts.length) : null;
		} else {
			const hit = xs.filter((x) => x === 1).length;
			r = xs.length ? (stat === 'count' ? hit : hit / xs.length) : null;
		}
		out.set(unit, r);
	}
	return out;
}

/** Category per village (category indicators), or the value as text (flags, years). */
export function villageCategories(key: string, year: number): Map<string, string | null> {
	const own = villageValues(key, year);
	return new Map(
		[...villages().keys()].map((c) => {
			const v = own.get(c);
			return [c, v?.text ?? (v?.value === null || v?.value === undefined ? null : String(v.value))];
		})
	);
}
