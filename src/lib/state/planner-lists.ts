/**
 * The planner's lists computed from one year's values (pure; `planner.svelte.ts` holds the state):
 * the composite score with rank moves, the weakest indicators and the rectification list, and
 * the strong–weak pairing of the support list.
 */
import type { PlannerAnswer } from '$lib/data/queries/planner-rules';
import type { VillageValues } from '$lib/data/queries/village-values';
import {
	bottomShare,
	compositeScore,
	rankMoves,
	weakestIndicators
} from '$lib/analysis/composite-score';
import { pairVillages, type Pairing } from '$lib/analysis/pairing';
import type { PlannerSettings } from './planner-settings';

export interface ScoreRow {
	code: string;
	name: string;
	township: string;
	score: number | null;
	rank: number | null;
	/** Rank change since last year (positive: better), null where unknown. */
	move: number | null;
	/** Indicator keys pulling the score down most, worst first. */
	weakest: string[];
	rectify: boolean;
}

/** Every village's score and rank this year, worst first, the bottom share marked. */
export function scoreRows(v: VillageValues, s: PlannerSettings, year: number): ScoreRow[] {
	const indicators = (y: number) =>
		s.score
			.filter((c) => c.weight > 0)
			.map((c) => ({
				key: c.key,
				weight: c.weight,
				direction: c.direction,
				values: v.values.get(y)?.get(c.key) ?? v.codes.map(() => null)
			}));
	const now = compositeScore(v.codes, indicators(year), s.method);
	const last = compositeScore(v.codes, indicators(year - 1), s.method);
	const moves = new Map(rankMoves(now, last).map((m) => [m.code, m.move]));
	const rectify = new Set(bottomShare(now, s.bottom).codes);
	return now.units
		.map((u, i) => ({
			code: u.code,
			name: v.names[i] as string,
			township: v.townships[i] as string,
			score: u.score,
			rank: u.rank,
			move: moves.get(u.code) ?? null,
			weakest:
				u.score === null
					? []
					: weakestIndicators(now, u.code)
							.slice(0, 2)
							.map((w) => w.key),
			rectify: rectify.has(u.code)
		}))
		.sort((a, b) => (b.rank ?? -1) - (a.rank ?? -1) || a.code.localeCompare(b.code));
}

/** The support list (weak) paired with villages earning at least `strongMin` (strong). */
export function pairSupportList(
	v: VillageValues,
	rules: PlannerAnswer,
	s: PlannerSettings,
	year: number
): { pairing: Pairing; strong: number } {
	const weakCodes = new Set(rules.rows.filter((r) => r.selected).map((r) => r.code));
	const income = v.values.get(year)?.get('collective_income') ?? [];
	const at = (i: number) => ({
		code: v.codes[i] as string,
		lon: v.lon[i] as number,
		lat: v.lat[i] as number
	});
	const weak = v.codes.map((_, i) => at(i)).filter((u) => weakCodes.has(u.code));
	const strong = v.codes
		.map((_, i) => ({ ...at(i), income: income[i] ?? null }))
		.filter((u) => !weakCodes.has(u.code) && u.income !== null && u.income >= s.strongMin)
		.map(({ code, lon, lat }) => ({ code, lon, lat }));
	const pairing = pairVillages(weak, strong, {
		capacity: s.capacity,
		...(s.maxKm > 0 ? { maxKm: s.maxKm } : {})
	});
	return { pairing, strong: strong.length };
}

/** Label points and names by code. */
export function places(v: VillageValues) {
	return {
		points: new Map(
			v.codes.map((c, i) => [c, [v.lon[i] as number, v.lat[i] as number] as [number, number]])
		),
		names: new Map(v.codes.map((c, i) => [c, v.names[i] as string]))
	};
}

/** The keys the planner reads: the score's and collective income (for strong villages). */
export function plannerKeys(s: PlannerSettings): string[] {
	return [...new Set([...s.score.map((c) => c.key), 'collective_income'])];
}
