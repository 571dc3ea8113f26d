/**
 * Named SQL: the profile of one village, community or township — every catalogue indicator
 * (derived ones too) in every year, its rank in the chosen year within its township and its
 * county, and the resettlement communities and factories it holds that year.
 *
 * Why not the generic query (`indicator-values.ts`): that answers one indicator in one year;
 * a profile is ~45 indicators × 10 years, and 450 of those statements in one UNION took
 * minutes to plan. So this module asks one statement over all keys and years, following the
 * same rules: a village's value is its stored value, or its derived indicator's rule evaluated
 * per year; a township's is the roll-up of `rollupOf` with the map's default statistic (sum,
 * ratio of sums, share of 1s, count of the default category, max, mean). Tests compare both
 * with the Arrow files and with the generic query. The SQL text lives in `profile-sql.ts`.
 *
 * Ranks use DuckDB's `rank()` over the units with a value: ties share a rank and the next rank
 * skips (1, 1, 3). Direction by the catalogue's `better`: 'lower' ranks the lowest first,
 * 'higher' and 'none' the highest. Ranked: counts, amounts, ratios and years; at township level
 * flags too (as shares). Categories have no rank.
 */
import type { Connector } from '../connector';
import type { IndicatorMeta } from '../contract';
import { defaultStat, type Stat } from './indicator-values';
import { querySites } from './sites';
import {
	profileBreakdownSql,
	profileUnitSql,
	profileValuesSql,
	type ProfileLevel,
	type ProfileRule
} from './profile-sql';
import { rollupOf } from '$lib/analysis/rollup';
import type { FactoryGap, Settlement } from '$lib/analysis/factory-rule';

export type { ProfileLevel } from './profile-sql';

export interface ProfileRank {
	/** 1 = best; tied units share a rank. */
	rank: number;
	/** Units of the scope with a value that year. */
	of: number;
	tied: boolean;
}

export interface ProfileIndicator {
	meta: IndicatorMeta;
	/** 'value' for a village; the roll-up statistic shown for a township. */
	stat: Stat;
	/** Per year of `Profile.years`: the number (null: no data) and the category (categories). */
	values: (number | null)[];
	texts: (string | null)[];
	/** Township categories: the category `values` count (the default, as on the map). */
	category: string | null;
	/** Township categories: villages per category in the chosen year, most first. */
	breakdown: { category: string; count: number }[];
	/** Rank in the chosen year; null when not ranked or no value. */
	inTownship: ProfileRank | null;
	inCounty: ProfileRank | null;
}

export interface ProfileCommunity {
	id: string;
	name: string;
	village: string;
	households: number | null;
	people: number | null;
	openedYear: number | null;
	/** The rule it is held to (seed 003): 500+ households resettlement, 100+ rural; else null. */
	rule: Settlement | null;
	/** Why no factory qualifies for it, or null when one does. */
	gap: FactoryGap | null;
	/** Needs a qualifying factory and has none: the mark on the map and the panel. */
	lacksFactory: boolean;
}

export interface ProfileFactory {
	id: string;
	name: string;
	village: string;
	jobs: number | null;
	poorEmployed: number | null;
	monthsOperating: number | null;
	community: string | null;
	distanceKm: number | null;
	openedYear: number | null;
	qualifies: boolean;
}

export interface Profile {
	code: string;
	name: string;
	level: 'village' | 'community' | 'township';
	township: { code: string; name: string } | null;
	county: { code: string; name: string } | null;
	year: number;
	years: number[];
	/** In catalogue order. */
	indicators: ProfileIndicator[];
	/** Sites open in `year`. */
	communities: ProfileCommunity[];
	factories: ProfileFactory[];
}

export type ProfileResult = { found: true; profile: Profile } | { found: false; code: string };

export interface ProfileRequest {
	code: string;
	year: number;
	years: readonly number[];
	/** The dataset's catalogue with derived indicators (`LoadedDataset.catalogue`). */
	catalogue: readonly IndicatorMeta[];
}

const RANKED_KINDS = new Set(['count', 'amount', 'ratio', 'year']);

/** The rule row of one indicator at a level (what the SQL needs of the catalogue). */
export function profileRule(meta: IndicatorMeta, level: ProfileLevel): ProfileRule {
	const rollup = rollupOf(meta);
	let cat: string | null = null;
	try {
		const list: unknown = JSON.parse(meta.default_classes);
		if (meta.kind === 'category' && Array.isArray(list) && typeof list[0] === 'string')
			cat = list[0];
	} catch {
		// No list: the SQL counts the most frequent category, as the generic query does.
	}
	return {
		key: meta.key,
		kind: meta.kind,
		op: rollup.op,
		num: rollup.op === 'ratio' ? rollup.num : null,
		den: rollup.op === 'ratio' ? rollup.den : null,
		cat,
		sign: meta.better === 'lower' ? 1 : -1,
		ranked: RANKED_KINDS.has(meta.kind) || (level === 'township' && meta.kind === 'flag')
	};
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));
const str = (v: unknown): string | null => (v == null ? null : String(v));

function rankOf(r: unknown, n: unknown, t: unknown): ProfileRank | null {
	return r == null || n == null ? null : { rank: Number(r), of: Number(n), tied: Number(t) > 1 };
}

/** Township categories in the catalogue's order, then any others by count. */
function sortBreakdown(meta: IndicatorMeta, rows: ProfileIndicator['breakdown']) {
	let listed: string[] = [];
	try {
		const list: unknown = JSON.parse(meta.default_classes);
		if (Array.isArray(list)) listed = list.map(String);
	} catch {
		// No list: counts decide.
	}
	const at = (c: string) => (listed.includes(c) ? listed.indexOf(c) : listed.length);
	return rows.sort((a, b) => at(a.category) - at(b.category) || b.count - a.count);
}

async function queryIndicators(
	db: Connector,
	req: ProfileRequest,
	level: ProfileLevel
): Promise<ProfileIndicator[]> {
	const rules = req.catalogue.map((m) => profileRule(m, level));
	const n = req.years.length;
	const byKey = new Map<string, ProfileIndicator>(
		req.catalogue.map((meta) => [
			meta.key,
			{
				meta,
				stat: defaultStat(meta, level),
				values: new Array<number | null>(n).fill(null),
				texts: new Array<string | null>(n).fill(null),
				category: null,
				breakdown: [],
				inTownship: null,
				inCounty: null
			}
		])
	);
	const yearIndex = new Map(req.years.map((y, i) => [y, i]));
	const v = profileValuesSql(rules, level, req.code, req.year);
	for (const row of await db.query(v.sql, v.params)) {
		const ind = byKey.get(String(row.key));
		const i = yearIndex.get(Number(row.year));
		if (!ind || i === undefined) continue;
		ind.values[i] = num(row.value);
		ind.texts[i] = str(row.text);
		if (Number(row.year) !== req.year) continue;
		ind.category = str(row.category);
		if (level === 'village') ind.inTownship = rankOf(row.r_parent, row.n_parent, row.t_parent);
		ind.inCounty = rankOf(row.r_county, row.n_county, row.t_county);
	}
	if (level === 'township' && rules.some((r) => r.kind === 'category')) {
		const b = profileBreakdownSql(rules, req.code, req.year);
		for (const row of await db.query(b.sql, b.params)) {
			const ind = byKey.get(String(row.key));
			ind?.breakdown.push({ category: String(row.category), count: Number(row.n) });
		}
		for (const ind of byKey.values()) sortBreakdown(ind.meta, ind.breakdown);
	}
	return [...byKey.values()];
}

const nn = (x: number | undefined): number | null =>
	x === undefined || Number.isNaN(x) ? null : x;

/** The unit's communities and factories open in the year, with seed 003's verdicts. */
async function querySitesOf(db: Connector, code: string, level: ProfileLevel, year: number) {
	const { communities: c, factories: f } = await querySites(db, year);
	const mine = (townships: string[], villages: string[]) =>
		(level === 'township' ? townships : villages).flatMap((x, i) => (x === code ? [i] : []));
	return {
		communities: mine(c.townshipCodes, c.villageCodes).map((i): ProfileCommunity => ({
			id: c.ids[i] as string,
			name: c.names[i] as string,
			village: c.villages[i] as string,
			households: nn(c.households[i]),
			people: nn(c.people[i]),
			openedYear: nn(c.openedYear[i]),
			rule: c.rule[i] ?? null,
			gap: c.gap[i] ?? null,
			lacksFactory: c.rule[i] != null && c.gap[i] != null
		})),
		factories: mine(f.townshipCodes, f.villageCodes).map((i): ProfileFactory => ({
			id: f.ids[i] as string,
			name: f.names[i] as string,
			village: f.villages[i] as string,
			jobs: nn(f.jobs[i]),
			poorEmployed: nn(f.poorEmployed[i]),
			monthsOperating: nn(f.monthsOperating[i]),
			community: f.communityNames[i] ?? null,
			distanceKm: nn(f.distanceKm[i]),
			openedYear: nn(f.openedYear[i]),
			qualifies: f.qualifies[i] === 1
		}))
	};
}

/** The profile of a village, community or township; `found: false` for any other code. */
export async function queryProfile(db: Connector, req: ProfileRequest): Promise<ProfileResult> {
	const u = profileUnitSql(req.code);
	const unit = (await db.query(u.sql, u.params)).toArray()[0] as
		Record<string, unknown> | undefined;
	if (!unit) return { found: false, code: req.code };
	const unitLevel = String(unit.level) as Profile['level'];
	const level: ProfileLevel = unitLevel === 'township' ? 'township' : 'village';
	const indicators = await queryIndicators(db, req, level);
	const sites = await querySitesOf(db, req.code, level, req.year);
	const place = (code: unknown, name: unknown) =>
		code == null ? null : { code: String(code), name: String(name) };
	return {
		found: true,
		profile: {
			code: String(unit.code),
			name: String(unit.name),
			level: unitLevel,
			township: place(unit.township_code, unit.township),
			county: place(unit.county_code, unit.county),
			year: req.year,
			years: [...req.years],
			indicators,
			...sites
		}
	};
}
