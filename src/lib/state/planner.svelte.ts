/**
 * The planner's state: this year's support list by the policy rules, the composite score and
 * its rectification list, the strong–weak pairing and the factory-gap list, all for one year,
 * all from the session's engine.
 *
 * Contract: `settings` is the whole of what the planner chose (it travels in the URL and is kept
 * in localStorage by the route); `refresh()` recomputes every part for the settings and never
 * throws — a failure ends in `error` with the engine's words. Pairing pairs the support list
 * (weak) with the villages whose collective income is at least `strongMin` (strong), optimally
 * (analysis/pairing.ts), and says why any village could not be paired.
 */
import { plannerSql, queryPlanner, type PlannerAnswer } from '$lib/data/queries/planner-rules';
import { queryVillageValues } from '$lib/data/queries/village-values';
import { queryFactoryGaps, type FactoryGapRow } from '$lib/data/queries/sites';
import type { Pairing } from '$lib/analysis/pairing';
import type { AtlasSession } from './session.svelte';
import { DEFAULT_SETTINGS, type PlannerSettings } from './planner-settings';
import { pairSupportList, places, plannerKeys, scoreRows, type ScoreRow } from './planner-lists';

export type { ScoreRow } from './planner-lists';

const EMPTY = { codes: [], names: [], townships: [], lon: [], lat: [], values: new Map() };

export class PlannerState {
	settings = $state<PlannerSettings>({ ...DEFAULT_SETTINGS });
	busy = $state(false);
	error = $state<string | null>(null);
	rules = $state.raw<PlannerAnswer | null>(null);
	scores = $state.raw<ScoreRow[]>([]);
	rectifyCount = $state(0);
	pairing = $state.raw<Pairing | null>(null);
	strongCount = $state(0);
	gaps = $state.raw<FactoryGapRow[]>([]);
	/** Label points of every village, for the map (arcs, zoom). */
	points = $state.raw<ReadonlyMap<string, [number, number]>>(places(EMPTY).points);
	names = $state.raw<ReadonlyMap<string, string>>(places(EMPTY).names);
	#seq = 0;

	constructor(private readonly session: AtlasSession) {}

	/** The year the planner works on: the chosen one, else the dataset's latest. */
	get year(): number {
		const years = this.session.dataset?.manifest.years ?? [];
		return this.settings.year ?? years[years.length - 1] ?? 2023;
	}

	async refresh(): Promise<void> {
		const db = this.session.db;
		if (!db || !this.session.dataset) return;
		const seq = ++this.#seq;
		this.busy = true;
		this.error = null;
		try {
			await this.session.spatialReady();
			const s = $state.snapshot(this.settings) as PlannerSettings;
			const year = this.year;
			const keys = plannerKeys(s);
			const request = { year, rules: s.rules, combine: s.combine };
			// A dataset in parts: the rules' and the scores' indicators are loaded first.
			await this.session.needIndicatorsFor(plannerSql(request), [year, year - 1]);
			await this.session.needIndicators(keys, [year, year - 1]);
			const [rules, values, gaps] = await Promise.all([
				queryPlanner(db, request),
				queryVillageValues(db, keys, [year, year - 1]),
				queryFactoryGaps(db, year)
			]);
			if (seq !== this.#seq) return; // a newer refresh took over
			this.rules = rules;
			this.gaps = gaps;
			({ points: this.points, names: this.names } = places(values));
			this.scores = scoreRows(values, s, year);
			this.rectifyCount = this.scores.filter((r) => r.rectify).length;
			({ pairing: this.pairing, strong: this.strongCount } = pairSupportList(
				values,
				rules,
				s,
				year
			));
		} catch (e) {
			if (seq === this.#seq) this.error = e instanceof Error ? e.message : String(e);
		} finally {
			if (seq === this.#seq) this.busy = false;
		}
	}
}
