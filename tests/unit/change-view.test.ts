/**
 * The change view on the real engine over 紫阳县 (207 villages): both years through the
 * coordinator, classed by one legend, and the transition matrix — every count compared with
 * counts made by hand from the Arrow files (apache-arrow, no SQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta, Manifest } from '$lib/data/contract';
import { Coordinator } from '$lib/crossfilter/coordinator';
import { Selection } from '$lib/crossfilter/selection';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import { quantileBreaks } from '$lib/analysis/classify/quantile';
import { cellCodes } from '$lib/analysis/transition';
import { ChangeView } from '$lib/state/change-view.svelte';
import { cellFilters } from '$lib/state/change-model';
import { completeView, type View } from '$lib/state/view-defaults';
import { filterClauses } from '$lib/state/view-filters';
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

// --- The files, read independently ----------------------------------------------------------

const file = (t: string) => [...tableFromIPC(readFileSync(`static/data/610924/${t}.arrow`))];
const regions = file('region').map((r) => ({
	code: String(r.code),
	level: String(r.level),
	parent: String(r.parent_code)
}));
const villages = regions.filter((r) => r.level === 'village' || r.level === 'community');
const income = new Map<string, number | null>();
const branch = new Map<string, string | null>();
for (const r of file('indicator')) {
	if (r.key === 'collective_income') income.set(`${r.year}:${r.code}`, r.value ?? null);
	if (r.key === 'branch_status') branch.set(`${r.year}:${r.code}`, r.text ?? null);
}

/** The policy band of an income, by the bands' own words: ≤0, <3万, <5万, <10万, <50万, more. */
function bandByHand(v: number | null | undefined): number {
	if (v === null || v === undefined) return 6;
	if (v <= 0) return 0;
	return [30_000, 50_000, 100_000, 500_000].filter((t) => v >= t).length + 1;
}

/** For each village, its band in year A and in year B, from the files. */
function bandsByHand(yearA: number, yearB: number, keep = villages) {
	return keep.map((v) => ({
		code: v.code,
		from: bandByHand(income.get(`${yearA}:${v.code}`)),
		to: bandByHand(income.get(`${yearB}:${v.code}`))
	}));
}

// --- Helpers --------------------------------------------------------------------------------

const metaOf = (key: string) => catalogue.find((m) => m.key === key) as IndicatorMeta;
const viewOf = (url: Parameters<typeof completeView>[0]) =>
	completeView(url, catalogue, manifest.years);

async function compare(view: View, yearA: number, yearB: number, selection?: Selection) {
	const coordinator = new Coordinator(db);
	const change = new ChangeView(coordinator, selection ?? null);
	change.show(view, metaOf(view.indicator), yearA, yearB);
	await change.settled();
	expect(change.error).toBeNull();
	return { change, result: change.result!, coordinator };
}

describe('the change view, collective income 2016 → 2023 in policy bands', () => {
	it('counts every village once, and each cell as many as the files say', async () => {
		const view = viewOf({ indicator: 'collective_income', year: 2023 });
		expect(view.method).toBe('policy');
		const { result } = await compare(view, 2016, 2023);
		const m = result.matrix;
		expect(m.total).toBe(207);
		expect(m.total).toBe(villages.length);
		const hand = bandsByHand(2016, 2023);
		for (let a = 0; a <= m.classes; a++)
			for (let b = 0; b <= m.classes; b++) {
				const want = hand.filter((h) => h.from === a && h.to === b).map((h) => h.code);
				expect(cellCodes(m, a, b, result.codes).sort()).toEqual(want.sort());
			}
		// Incomes grew: more villages moved up a band than down, as the files say.
		const up = hand.filter((h) => h.from < 6 && h.to < 6 && h.to > h.from).length;
		const down = hand.filter((h) => h.from < 6 && h.to < 6 && h.to < h.from).length;
		expect([m.up, m.down]).toEqual([up, down]);
		expect(up).toBeGreaterThan(down);
	});

	it("shows each year's legend counts as the matrix's row and column totals", async () => {
		const view = viewOf({ indicator: 'collective_income', year: 2023 });
		const { result } = await compare(view, 2016, 2023);
		const count = (l: typeof result.legendA) => [...l.classes.map((c) => c.count), l.noData.count];
		expect(count(result.legendA)).toEqual(result.matrix.rowTotals);
		expect(count(result.legendB)).toEqual(result.matrix.colTotals);
		expect(result.legendA.breaks).toEqual(result.legendB.breaks);
		expect(result.legend.classes[1]!.label.zh).toBe('薄弱村 不足3万元');
		expect(result.colorsA.length).toBe(207 * 4);
	});

	it('a township filter leaves only that township’s villages in the matrix', async () => {
		const township = '610924101';
		const view = viewOf({
			indicator: 'collective_income',
			filters: [{ field: 'township', op: 'in', values: [township] }]
		});
		const selection = Selection.crossfilter();
		selection.replace(filterClauses(view, catalogue, 'map'));
		const { result } = await compare(view, 2016, 2023, selection);
		const inTownship = villages.filter((v) => v.parent === township);
		expect(result.matrix.total).toBe(inTownship.length);
		const hand = bandsByHand(2016, 2023, inTownship);
		expect(result.matrix.counts[0]![0]).toBe(hand.filter((h) => h.from === 0 && h.to === 0).length);
	});

	it('a picked cell keeps the matrix whole, is marked, and washes out the other villages', async () => {
		const base = viewOf({ indicator: 'collective_income', year: 2023 });
		const first = (await compare(base, 2016, 2023)).result;
		const codes = cellCodes(first.matrix, 1, 3, first.codes);
		expect(codes.length).toBeGreaterThan(0);
		const filters = cellFilters(base, codes)!;
		expect(filters).toEqual([{ field: 'village', op: 'in', values: codes }]);
		const view = { ...base, filters };
		const selection = Selection.crossfilter();
		selection.replace(filterClauses(view, catalogue, 'map'));
		const { result } = await compare(view, 2016, 2023, selection);
		expect(result.matrix.counts).toEqual(first.matrix.counts);
		expect(result.selectedCell).toEqual({ from: 1, to: 3 });
		const i = result.codes.indexOf(codes[0]!);
		const j = result.codes.findIndex((c) => !codes.includes(c));
		const rgb = (c: Uint8Array, k: number) => Array.from(c.subarray(k * 4, k * 4 + 3));
		expect(rgb(result.colorsA, i)).toEqual(result.legend.classes[1]!.color.slice(0, 3));
		expect(rgb(result.colorsA, j)).not.toEqual(rgb(first.colorsA, j));
		// Clicking the picked cell again drops the pick.
		expect(cellFilters(view, codes)).toEqual([]);
	});
});

describe('the change view keeps one set of breaks for both years', () => {
	it('quantiles at township level: breaks over both years pooled, recomputed when a year moves', async () => {
		const view = viewOf({ indicator: 'poor_households', level: 'township', method: 'quantile' });
		const { change, result } = await compare(view, 2014, 2016);
		const pooled = [...result.valuesA.values, ...result.valuesB.values];
		expect(result.legend.breaks).toEqual(quantileBreaks(pooled, view.classes));
		expect(result.legendA.breaks).toEqual(result.legendB.breaks);
		expect(result.matrix.total).toBe(17);
		change.show(view, metaOf(view.indicator), 2014, 2019);
		await change.settled();
		const moved = change.result!;
		expect(moved.yearB).toBe(2019);
		expect(moved.legendA.breaks).toEqual(moved.legendB.breaks);
		expect(moved.legend.breaks).not.toEqual(result.legend.breaks);
	});

	it('drops a stale answer: only the newest pair of years is shown', async () => {
		const view = viewOf({ indicator: 'collective_income', year: 2023 });
		const coordinator = new Coordinator(db);
		const change = new ChangeView(coordinator);
		const meta = metaOf('collective_income');
		change.show(view, meta, 2016, 2023);
		change.show(view, meta, 2016, 2020);
		await change.settled();
		expect([change.result?.yearA, change.result?.yearB]).toEqual([2016, 2020]);
		const hand = bandsByHand(2016, 2020);
		expect(change.result!.matrix.colTotals[0]).toBe(hand.filter((h) => h.to === 0).length);
	});

	it('categories (branch status): stayed and changed, no up or down', async () => {
		const view = viewOf({ indicator: 'branch_status', year: 2020 });
		const { result } = await compare(view, 2016, 2020);
		const m = result.matrix;
		expect([m.up, m.down]).toEqual([null, null]);
		const changed = villages.filter((v) => {
			const [a, b] = [branch.get(`2016:${v.code}`), branch.get(`2020:${v.code}`)];
			return a && b && a !== b;
		}).length;
		expect(m.changed).toBe(changed);
		expect(m.stayed + m.changed + m.noData).toBe(207);
	});
});
