/**
 * The map view's queries on the real engine over 紫阳县: an indicator filter selects exactly the
 * villages the map would show as passing it (derived indicators and flags included), the
 * choropleth's legend counts are the classes of the rows it colours, and the "selected N of M"
 * count agrees with both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta, Manifest } from '$lib/data/contract';
import { queryIndicatorValues } from '$lib/data/queries/indicator-values';
import { decodeVillageCount, villageCountSql } from '$lib/data/queries/village-count';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import { completeView, type View } from '$lib/state/view-defaults';
import { filterClauses, legendPickToFilter, passesFilter } from '$lib/state/view-filters';
import { classify } from '$lib/state/choropleth-client';
import type { FilterSpec } from '$lib/crossfilter/filters';
import { openRegion } from './dataset-fixture';

let db: Connector;
let manifest: Manifest;
let catalogue: IndicatorMeta[];
beforeAll(async () => {
	({ db, manifest } = await openRegion('610924'));
	catalogue = [...(DERIVED_INDICATORS as unknown as IndicatorMeta[]), ...manifest.catalogue];
});
afterAll(async () => {
	await db?.close();
});

const metaOf = (key: string) => catalogue.find((m) => m.key === key) as IndicatorMeta;
const viewOf = (url: Parameters<typeof completeView>[0]) =>
	completeView(url, catalogue, manifest.years);

async function answer(view: View) {
	return queryIndicatorValues(db, metaOf(view.indicator), {
		key: view.indicator,
		year: view.year,
		level: view.level,
		stat: view.stat,
		category: view.category
	});
}

async function selectedBy(view: View, spec: FilterSpec): Promise<number> {
	const [clause] = filterClauses({ ...view, filters: [spec] }, catalogue, 'other');
	const f = villageCountSql(clause?.predicate ?? null);
	return decodeVillageCount(await db.query(f.sql, f.params)).selected;
}

describe('an indicator filter', () => {
	const cases: [string, Parameters<typeof completeView>[0], FilterSpec][] = [
		[
			'poverty status (derived) exited in 2018',
			{ year: 2018 },
			{ field: 'poverty_status', op: 'in', values: ['exited_this_year'] }
		],
		[
			'a flag: first secretary in post',
			{ indicator: 'first_secretary', year: 2017 },
			{ field: 'first_secretary', op: 'in', values: ['1'] }
		],
		[
			'a category: weak-and-lax branch',
			{ indicator: 'branch_status', year: 2016 },
			{ field: 'branch_status', op: 'in', values: ['软弱涣散'] }
		],
		[
			'an amount range: collective income 3–5万 in 2020',
			{ indicator: 'collective_income', year: 2020 },
			{ field: 'collective_income', op: 'range', values: [30000, 50000] }
		],
		[
			'an open range: income of 10万 and more',
			{ indicator: 'collective_income', year: 2023 },
			{ field: 'collective_income', op: 'range', values: [100000, null] }
		]
	];
	it.each(cases)(
		'%s selects exactly the villages the map shows passing it',
		async (_, url, spec) => {
			const view = viewOf(url);
			const values = await answer(view);
			const expected = values.codes.filter((_, i) => passesFilter(spec, view, values, i)).length;
			expect(expected).toBeGreaterThan(0);
			expect(expected).toBeLessThan(values.codes.length);
			await expect(selectedBy(view, spec)).resolves.toBe(expected);
		}
	);
});

describe('the choropleth', () => {
	it('counts in its legend exactly the classes of the rows it colours, at each level', async () => {
		for (const url of [
			{},
			{ indicator: 'collective_income', year: 2020 },
			{ indicator: 'incidence', level: 'township' as const, year: 2016 },
			{ indicator: 'branch_status', level: 'county' as const }
		]) {
			const view = viewOf(url);
			const r = classify(metaOf(view.indicator), view, await answer(view));
			const perClass = r.legend.classes.map((_, k) => r.classOf.filter((c) => c === k).length);
			expect(r.legend.classes.map((c) => c.count)).toEqual(perClass);
			expect(r.legend.total).toBe(r.values.codes.length);
			expect(r.colors.length).toBe(r.values.codes.length * 4);
		}
	});

	it('keeps every unit coloured after a legend pick and fades the ones outside it', async () => {
		const view = viewOf({ indicator: 'collective_income', year: 2020 });
		const values = await answer(view);
		const before = classify(metaOf(view.indicator), view, values);
		const weak = before.legend.classes[1]!;
		const pick = legendPickToFilter(view, before.legend, weak.key, values, before.classOf);
		expect(pick).toEqual({
			field: 'collective_income',
			op: 'range',
			values: [weak.min ?? null, weak.max ?? null]
		});
		const after = classify(metaOf(view.indicator), { ...view, filters: [pick!] }, values);
		expect([...after.picked]).toEqual([weak.key]);
		// The legend still counts every village: the map is not filtered by its own pick.
		expect(after.legend.total).toBe(before.legend.total);
		await expect(selectedBy(view, pick!)).resolves.toBe(weak.count);
	});

	it('picks townships, not an indicator range, when the legend of a township map is clicked', async () => {
		const view = viewOf({ indicator: 'poor_households', level: 'township', year: 2016 });
		const values = await answer(view);
		const r = classify(metaOf(view.indicator), view, values);
		const top = r.legend.classes[r.legend.classes.length - 1]!;
		const pick = legendPickToFilter(view, r.legend, top.key, values, r.classOf);
		expect(pick?.field).toBe('township');
		expect(pick?.values.length).toBe(top.count);
	});
});
