/**
 * The aggregate the bench times, checked against the indicator file read directly: per year, the
 * units reporting, the poor villages and the collective income summed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import { queryYearlyTotals } from '$lib/data/queries/yearly-totals';
import { openRegion } from './dataset-fixture';

describe('yearly totals over 紫阳县', () => {
	let db: Connector;
	beforeAll(async () => ({ db } = await openRegion('610924')), 60_000);
	afterAll(() => db?.close());

	it('count the units, the poor villages and sum collective income as the file does', async () => {
		const t = tableFromIPC(readFileSync('static/data/610924/indicator.arrow'));
		const want = new Map<number, { units: Set<string>; poor: number; income: number }>();
		for (const r of t) {
			const year = r.year as number;
			const w = want.get(year) ?? { units: new Set<string>(), poor: 0, income: 0 };
			want.set(year, w);
			w.units.add(r.code as string);
			if (r.key === 'poor_village' && r.value === 1) w.poor++;
			if (r.key === 'collective_income' && r.value != null) w.income += r.value as number;
		}
		const got = await queryYearlyTotals(db);
		expect(got.map((g) => g.year)).toEqual([...want.keys()].sort());
		for (const g of got) {
			const w = want.get(g.year)!;
			expect(g.units, `${g.year}`).toBe(w.units.size);
			expect(g.poorVillages, `${g.year}`).toBe(w.poor);
			expect(g.collectiveIncome, `${g.year}`).toBeCloseTo(w.income, 0);
		}
		// 紫阳县's 207 units plus its townships and the county all carry indicators.
		expect(got[0]!.units).toBeGreaterThanOrEqual(207);
		expect(got.find((g) => g.year === 2014)!.poorVillages).toBeGreaterThan(50);
	});
});
