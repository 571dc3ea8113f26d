/**
 * The linked charts on the real engine over the committed 紫阳县 dataset: histogram counts and
 * township bars against numbers computed from the Arrow files (apache-arrow, no SQL), and the
 * crossfilter wiring through the real Coordinator — a brush on the histogram filters the bars
 * and not the histogram itself, a township pick filters the histogram and not the bars.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta, Manifest } from '$lib/data/contract';
import { decodeHistogram, histogramSql, type HistogramRequest } from '$lib/data/queries/histogram';
import { decodeTownshipBars, townshipBarsSql } from '$lib/data/queries/township-bars';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import { classIndex } from '$lib/analysis/classify/interval';
import { policyBands } from '$lib/analysis/classify/policy';
import { Coordinator } from '$lib/crossfilter/coordinator';
import { filterToClause } from '$lib/crossfilter/filters';
import { Selection } from '$lib/crossfilter/selection';
import { completeView, type View } from '$lib/state/view-defaults';
import { filterClauses } from '$lib/state/view-filters';
import { HistogramClient, binsToRange, type HistogramData } from '$lib/state/histogram-client';
import { TownshipBarsClient, type TownshipBarsData } from '$lib/state/township-bars-client';
import { parents, villageValues, villages } from '../e2e/dataset';
import { statusesFromFiles } from './poverty-files';
import { openRegion } from './dataset-fixture';

let db: Connector;
let manifest: Manifest;
beforeAll(async () => {
	({ db, manifest } = await openRegion('610924'));
});
afterAll(async () => {
	await db?.close();
});

/** The catalogue as the session builds it: derived indicators first. */
const catalogue = () => [
	...(DERIVED_INDICATORS as unknown as IndicatorMeta[]),
	...manifest.catalogue
];
const meta = (key: string) => catalogue().find((m) => m.key === key) as IndicatorMeta;
const histogram = async (key: string, req: HistogramRequest) => {
	const f = histogramSql(meta(key), req);
	return decodeHistogram(await db.query(f.sql, f.params));
};

// --- The files, read independently -----------------------------------------------------------

const parent = parents();
const allVillages = [...villages().keys()];
/** Two townships to filter by: the first two in code order. */
const twoTownships = () =>
	[...new Set(allVillages.map((v) => parent.get(v) as string))].sort().slice(0, 2);
const valuesOf = (key: string, year: number) => {
	const m = villageValues(key, year);
	return new Map(allVillages.map((c) => [c, m.get(c)?.value ?? null]));
};
/** Villages per bin of the interval rule over `breaks` (index breaks.length + 1: no data). */
function countByBreaks(key: string, year: number, breaks: number[], keep = (_: string) => true) {
	const out = new Array<number>(breaks.length + 2).fill(0);
	for (const [code, v] of valuesOf(key, year)) {
		if (!keep(code)) continue;
		out[v === null ? breaks.length + 1 : classIndex(v, breaks)]!++;
	}
	return out;
}

describe('histogram query', () => {
	const BANDS = policyBands().breaks;

	it('counts villages per policy band of collective income as the files do, with no filter', async () => {
		const rows = await histogram('collective_income', {
			year: 2023,
			binning: { kind: 'breaks', breaks: BANDS }
		});
		const want = countByBreaks('collective_income', 2023, BANDS);
		expect(rows.map((r) => r.bin)).toEqual([0, 1, 2, 3, 4, 5, -1]);
		expect(rows.map((r) => r.total)).toEqual(want);
		expect(rows.map((r) => r.n)).toEqual(want); // no filter: every village is kept
		expect(rows[0]?.lo).toBeNull(); // open below
		expect(rows[5]?.hi).toBeNull(); // open above
		expect(want.reduce((a, b) => a + b, 0)).toBe(allVillages.length);
	});

	it('under a township filter, n counts only those townships’ villages; total stays', async () => {
		const towns = twoTownships();
		const filter = filterToClause({ field: 'township', op: 'in', values: towns }, 2023, 'x');
		const rows = await histogram('collective_income', {
			year: 2023,
			binning: { kind: 'breaks', breaks: BANDS },
			filter: filter.predicate
		});
		const inTowns = (c: string) => towns.includes(parent.get(c) as string);
		const want = countByBreaks('collective_income', 2023, BANDS, inTowns);
		expect(rows.map((r) => r.n)).toEqual(want);
		expect(rows.map((r) => r.total)).toEqual(countByBreaks('collective_income', 2023, BANDS));
		expect(want.reduce((a, b) => a + b, 0)).toBe(allVillages.filter(inTowns).length);
	});

	it('equal bins have a nice width over all villages’ values and count as the files do', async () => {
		const key = 'registered_people';
		const rows = (
			await histogram(key, { year: 2018, binning: { kind: 'equal', count: 20 } })
		).filter((r) => r.bin >= 0);
		const vals = [...valuesOf(key, 2018).values()].filter((v): v is number => v !== null);
		const step = (rows[0]!.hi as number) - (rows[0]!.lo as number);
		const mag = 10 ** Math.floor(Math.log10(step));
		expect([1, 2, 5, 10]).toContain(Math.round(step / mag));
		expect(rows.length).toBeGreaterThanOrEqual(8);
		expect(rows.length).toBeLessThanOrEqual(21);
		expect(rows[0]!.lo).toBeLessThanOrEqual(Math.min(...vals));
		expect(rows.at(-1)!.hi).toBeGreaterThan(Math.max(...vals));
		rows.forEach((r) => {
			const want = vals.filter((v) => v >= (r.lo as number) && v < (r.hi as number)).length;
			expect(r.total, `bin ${r.lo}–${r.hi}`).toBe(want);
		});
		expect(rows.reduce((a, r) => a + r.total, 0)).toBe(vals.length);
	});

	it('categories: branch status and the derived poverty status per category, as the files say', async () => {
		const rows = await histogram('branch_status', { year: 2021, binning: { kind: 'categories' } });
		const texts = villageValues('branch_status', 2021);
		for (const cat of ['标准', '软弱涣散']) {
			const want = allVillages.filter((c) => texts.get(c)?.text === cat).length;
			expect(rows.find((r) => r.text === cat)?.total, cat).toBe(want);
			expect(want).toBeGreaterThan(0);
		}
		const status = await histogram('poverty_status', {
			year: 2017,
			binning: { kind: 'categories' }
		});
		const files = [...statusesFromFiles(2017).values()];
		for (const cat of ['poor', 'exited_this_year', 'exited']) {
			expect(status.find((r) => r.text === cat)?.total ?? 0, cat).toBe(
				files.filter((s) => s === cat).length
			);
		}
		const flags = await histogram('first_secretary', {
			year: 2020,
			binning: { kind: 'categories' }
		});
		const fs = valuesOf('first_secretary', 2020);
		expect(flags.find((r) => r.bin >= 0 && r.value === 1)?.total).toBe(
			[...fs.values()].filter((v) => v === 1).length
		);
	});
});

describe('township bars query', () => {
	it('each township’s sum of collective income and village count equal the files', async () => {
		const f = townshipBarsSql(meta('collective_income'), { year: 2023 });
		const bars = decodeTownshipBars(await db.query(f.sql, f.params));
		const income = valuesOf('collective_income', 2023);
		expect(bars.codes.length).toBeGreaterThan(5);
		bars.codes.forEach((t, i) => {
			const vs = allVillages.filter((c) => parent.get(c) === t);
			const xs = vs.map((c) => income.get(c)).filter((v): v is number => v !== null);
			expect(bars.values[i], t).toBeCloseTo(
				xs.reduce((a, b) => a + b, 0),
				6
			);
			expect(bars.kept[i]).toBe(vs.length);
			expect(bars.villages[i]).toBe(vs.length);
		});
	});

	it('under an income range filter, the sums and counts are over the kept villages only', async () => {
		const spec = { field: 'collective_income', op: 'range' as const, values: [30_000, 100_000] };
		const clause = filterClauses(
			{ ...view('collective_income'), filters: [spec] },
			catalogue(),
			'map'
		)[0]!;
		const f = townshipBarsSql(meta('collective_income'), { year: 2023, filter: clause.predicate });
		const bars = decodeTownshipBars(await db.query(f.sql, f.params));
		const income = valuesOf('collective_income', 2023);
		const kept = (c: string) => {
			const v = income.get(c);
			return v !== null && v !== undefined && v >= 30_000 && v < 100_000;
		};
		bars.codes.forEach((t, i) => {
			const vs = allVillages.filter((c) => parent.get(c) === t && kept(c));
			expect(bars.kept[i], t).toBe(vs.length);
			const sum = vs.reduce((a, c) => a + (income.get(c) as number), 0);
			if (vs.length) expect(bars.values[i], t).toBeCloseTo(sum, 6);
			else expect(bars.values[i], t).toBeNull();
		});
		expect(bars.kept.reduce((a, b) => a + b, 0)).toBe(allVillages.filter(kept).length);
	});
});

function view(indicator: string, patch: Partial<View> = {}): View {
	return { ...completeView({ indicator, year: 2023 }, catalogue(), manifest.years), ...patch };
}

describe('crossfilter through the real Coordinator', () => {
	it('a histogram brush filters the bars and not the histogram; a township pick the reverse', async () => {
		const coord = new Coordinator(db);
		const selection = Selection.crossfilter();
		const hist: HistogramData[] = [];
		const bars: TownshipBarsData[] = [];
		const h = new HistogramClient(selection, (d) => hist.push(d));
		const b = new TownshipBarsClient(selection, (d) => bars.push(d));
		const map = { name: 'the map' }; // the legend pick's source
		let v = view('collective_income');
		const follow = (next: View) => {
			v = next;
			h.setView(v, meta(v.indicator));
			b.setView(v, meta(v.indicator));
			// What MapView must do: the indicator filter exempts the histogram, townships the bars.
			const clauses = filterClauses(v, catalogue(), map).map((c) => ({
				...c,
				exempt: c.field === 'township' ? [b] : c.field === v.indicator ? [h] : []
			}));
			selection.replace(clauses);
		};
		follow(v);
		await coord.connect(h);
		await coord.connect(b);
		const allHist = hist.at(-1)!;
		const allBars = bars.at(-1)!;
		expect(allHist.bins.map((x) => x.n)).toEqual(allHist.bins.map((x) => x.total));

		// Brush the bins 3万–10万 (policy bands 2 and 3).
		const range = binsToRange(allHist, 2, 3);
		expect(range).toEqual([30_000, 100_000]);
		follow({ ...v, filters: [{ field: 'collective_income', op: 'range', values: range! }] });
		await coord.whenIdle();
		expect(hist.at(-1)).toBe(allHist); // not even re-queried: its own selection
		const brushed = bars.at(-1)!;
		expect(brushed).not.toBe(allBars);
		const inRange = allHist.bins[2]!.total + allHist.bins[3]!.total;
		expect(brushed.kept.reduce((a, x) => a + x, 0)).toBe(inRange);

		// Now pick two townships on the bars as well: the histogram's n shrinks, the bars do not.
		const towns = twoTownships();
		follow({ ...v, filters: [...v.filters, { field: 'township', op: 'in', values: towns }] });
		await coord.whenIdle();
		expect(bars.at(-1)).toBe(brushed);
		const picked = hist.at(-1)!;
		const want = countByBreaks('collective_income', 2023, policyBands().breaks, (c) =>
			towns.includes(parent.get(c) as string)
		);
		expect(picked.bins.map((x) => x.n)).toEqual(want.slice(0, -1));
		expect(picked.bins.map((x) => x.total)).toEqual(allHist.bins.map((x) => x.total));

		// Reset: both back to everything.
		follow({ ...v, filters: [] });
		await coord.whenIdle();
		expect(hist.at(-1)!.bins.map((x) => x.n)).toEqual(allHist.bins.map((x) => x.total));
		expect(bars.at(-1)!.kept).toEqual(allBars.kept);
		coord.disconnect(h);
		coord.disconnect(b);
	});
});
