/**
 * The parity test's requests for the named queries that take few inputs: KPI cards, planner
 * presets, the unit profile, sites and factory gaps, village values, shapes and region units (the
 * console's: `engine-parity-console.ts`). Each case asks one engine through the query module, as
 * the app does; `engine-parity.test.ts` runs it on both and compares.
 */
import type { Connector } from '$lib/data/connector';
import { queryKpis } from '$lib/data/queries/kpis';
import { queryPlanner, RULE_PRESETS, type RuleChoice } from '$lib/data/queries/planner-rules';
import { queryProfile } from '$lib/data/queries/profile';
import { queryFactoryGaps, querySites } from '$lib/data/queries/sites';
import { queryVillageValues } from '$lib/data/queries/village-values';
import { queryShapes } from '$lib/data/queries/shapes';
import { queryRegionUnits } from '$lib/data/queries/region-units';
import { rows, type Case } from './engine-parity-run';

const ALL_YEARS = Array.from({ length: 10 }, (_, i) => 2014 + i);
const WANGJIAHE = '610924101215'; // a village of 蒿坪镇
const HAOPING = '610924101'; // 蒿坪镇

function kpiCases(): Case[] {
	const years = [2014, 2016, 2020, 2023, 2030]; // 2030: no data, every card null
	const cases = years.map((y): Case => ({
		query: 'kpis',
		label: `${y}`,
		ask: (db) => queryKpis(db, y)
	}));
	const strict = { weakBelow: 30_000, bandLow: 10_000, bandHigh: 80_000, laxStatus: '软弱涣散' };
	cases.push({
		query: 'kpis',
		label: '2021, other thresholds',
		ask: (db) => queryKpis(db, 2021, strict)
	});
	return cases;
}

function plannerCases(): Case[] {
	const every: RuleChoice[] = RULE_PRESETS.map((p) => ({ id: p.id }));
	const cases: Case[] = [];
	for (const year of [2018, 2023]) {
		for (const rule of every)
			cases.push({
				query: 'planner-rules',
				label: `${rule.id} ${year}`,
				ask: (db) => queryPlanner(db, { year, rules: [rule], combine: 'and' })
			});
		for (const combine of ['and', 'or'] as const)
			cases.push({
				query: 'planner-rules',
				label: `all rules, ${combine}, ${year}`,
				ask: (db) => queryPlanner(db, { year, rules: every, combine })
			});
	}
	const tuned: RuleChoice[] = [
		{ id: 'weak_collective', params: { max_income: 30_000 } },
		{ id: 'few_reserve_cadres', params: { min_cadres: 3 } }
	];
	cases.push(
		{
			query: 'planner-rules',
			label: 'tuned thresholds',
			ask: (db) => queryPlanner(db, { year: 2022, rules: tuned, combine: 'or' })
		},
		{
			query: 'planner-rules',
			label: 'no rule',
			ask: (db) => queryPlanner(db, { year: 2022, rules: [], combine: 'and' })
		}
	);
	return cases;
}

function profileCases(): Case[] {
	const community = async (db: Connector) =>
		String((await rows(db, `SELECT min(code) AS c FROM region WHERE level = 'community'`))[0]?.c);
	const units: [string, (db: Connector) => Promise<string>][] = [
		['a village', async () => WANGJIAHE],
		['a community', community],
		['a township', async () => HAOPING],
		['an unknown code', async () => '610924999999']
	];
	return units.flatMap(([label, codeOf]) =>
		[2016, 2023].map((year): Case => ({
			query: 'profile',
			label: `${label}, ${year}`,
			ask: async (db, catalogue) =>
				queryProfile(db, { code: await codeOf(db), year, years: ALL_YEARS, catalogue })
		}))
	);
}

function siteCases(): Case[] {
	return [2015, 2018, 2023].flatMap((y): Case[] => [
		{ query: 'sites', label: `sites ${y}`, ask: (db) => querySites(db, y) },
		{ query: 'sites', label: `factory gaps ${y}`, ask: (db) => queryFactoryGaps(db, y) }
	]);
}

function dataCases(): Case[] {
	const keys = [
		'collective_income',
		'incidence',
		'branch_status',
		'reserve_cadres',
		'poor_village'
	];
	const levels = [['village', 'community'], ['township'], ['county'], ['township', 'county']];
	return [
		{
			query: 'village-values',
			label: 'five keys, two years',
			ask: (db) => queryVillageValues(db, keys, [2022, 2023]),
			order: 'first'
		},
		{
			query: 'village-values',
			label: 'every stored key, every year',
			ask: (db, catalogue) =>
				queryVillageValues(
					db,
					catalogue.map((m) => m.key),
					ALL_YEARS
				),
			order: 'first'
		},
		...levels.map((l): Case => ({
			query: 'shapes',
			label: l.join(' + '),
			ask: (db) => queryShapes(db, l)
		})),
		{ query: 'region-units', label: 'every unit', ask: (db) => queryRegionUnits(db) }
	];
}

export function moreCases(): Case[] {
	return [...kpiCases(), ...plannerCases(), ...profileCases(), ...siteCases(), ...dataCases()];
}
