import { beforeEach, describe, expect, it } from 'vitest';
import { buildLegend, type LegendInput } from './legend';
import { buildSharedLegend } from './shared-legend';
import { classIndex } from './classify/interval';
import { quantileBreaks } from './classify/quantile';

beforeEach(() => {
	expect.hasAssertions();
});

// Collective income of the same eight villages in two years (yuan); one has no data in 2016.
const Y2016 = [0, 12_000, 20_000, 31_000, null, 45_000, 60_000, 8_000];
const Y2023 = [40_000, 55_000, 80_000, 120_000, 30_000, 260_000, 610_000, 50_000];

/** Each year's counts per class, counted by hand from the breaks with the interval rule. */
function countsByHand(values: (number | null)[], breaks: number[]): number[] {
	const counts = new Array<number>(breaks.length + 2).fill(0);
	for (const v of values) counts[v === null ? breaks.length + 1 : classIndex(v, breaks)]!++;
	return counts;
}

const countsOf = (l: { classes: { count: number }[]; noData: { count: number } }) => [
	...l.classes.map((c) => c.count),
	l.noData.count
];

const SCHEMES: LegendInput[] = [
	{ method: 'quantile', values: [], k: 4 },
	{ method: 'equal', values: [], k: 4 },
	{ method: 'ckmeans', values: [], k: 3 },
	{ method: 'manual', values: [], breaks: [10_000, 50_000] },
	{ method: 'policy', values: [] }
];

describe('buildSharedLegend', () => {
	it.each(SCHEMES)('$method: both years are classed with identical breaks', (scheme) => {
		const s = buildSharedLegend(scheme, { values: Y2016 }, { values: Y2023 });
		expect(s.a.legend.breaks).toEqual(s.legend.breaks);
		expect(s.b.legend.breaks).toEqual(s.legend.breaks);
		expect(s.a.legend.classes.map((c) => [c.key, c.color])).toEqual(
			s.b.legend.classes.map((c) => [c.key, c.color])
		);
	});

	it.each(SCHEMES)('$method: each year counts its own villages in each class', (scheme) => {
		const s = buildSharedLegend(scheme, { values: Y2016 }, { values: Y2023 });
		expect(countsOf(s.a.legend)).toEqual(countsByHand(Y2016, s.legend.breaks));
		expect(countsOf(s.b.legend)).toEqual(countsByHand(Y2023, s.legend.breaks));
		expect(s.a.legend.total).toBe(8);
		expect(s.b.legend.total).toBe(8);
		expect(Array.from(s.a.classOf)).toEqual(
			Y2016.map((v) => (v === null ? s.legend.classes.length : classIndex(v, s.legend.breaks)))
		);
		// The shared legend counts both years: each village twice.
		expect(countsOf(s.legend)).toEqual(
			countsOf(s.a.legend).map((n, i) => n + countsOf(s.b.legend)[i]!)
		);
	});

	it('quantile breaks are found over both years pooled, not over either year alone', () => {
		const s = buildSharedLegend(
			{ method: 'quantile', values: [], k: 4 },
			{ values: Y2016 },
			{ values: Y2023 }
		);
		expect(s.legend.breaks).toEqual(quantileBreaks([...Y2016, ...Y2023], 4));
		expect(s.legend.breaks).not.toEqual(
			buildLegend({ method: 'quantile', values: Y2023, k: 4 }).legend.breaks
		);
	});

	it('moving year B recomputes data-driven breaks for the new pair, for both maps', () => {
		const q: LegendInput = { method: 'quantile', values: [], k: 4 };
		const before = buildSharedLegend(q, { values: Y2016 }, { values: Y2023 });
		const after = buildSharedLegend(q, { values: Y2016 }, { values: Y2016.map((v) => v && v * 3) });
		expect(after.legend.breaks).not.toEqual(before.legend.breaks);
		expect(after.a.legend.breaks).toEqual(after.b.legend.breaks);
	});

	it.each([
		{ method: 'manual', values: [], breaks: [10_000, 50_000] },
		{ method: 'policy', values: [] }
	] as LegendInput[])(
		'$method: the breaks stay the same whichever years are compared',
		(scheme) => {
			const before = buildSharedLegend(scheme, { values: Y2016 }, { values: Y2023 });
			const after = buildSharedLegend(scheme, { values: Y2023 }, { values: [1, 2, 3] });
			expect(after.legend.breaks).toEqual(before.legend.breaks);
		}
	);

	it('categories: a category only one year has gets one class and colour on both maps', () => {
		const s = buildSharedLegend(
			{ method: 'categorical', categories: ['正常', '软弱涣散'] },
			{ texts: ['软弱涣散', '正常', null] },
			{ texts: ['正常', '正常', '已整顿'] }
		);
		expect(s.legend.classes.map((c) => c.key)).toEqual(['正常', '软弱涣散', '已整顿']);
		expect(s.a.legend.classes.map((c) => c.color)).toEqual(s.b.legend.classes.map((c) => c.color));
		expect(countsOf(s.a.legend)).toEqual([1, 1, 0, 1]);
		expect(countsOf(s.b.legend)).toEqual([2, 0, 1, 0]);
		expect(Array.from(s.a.classOf)).toEqual([1, 0, 3]);
		expect(Array.from(s.b.classOf)).toEqual([0, 0, 2]);
	});

	it('flags classed as categories are read from their numbers in both years', () => {
		const s = buildSharedLegend(
			{ method: 'categorical', categories: ['0', '1'] },
			{ values: [0, 0, 1] },
			{ values: [1, 1, null] }
		);
		expect(countsOf(s.a.legend)).toEqual([2, 1, 0]);
		expect(countsOf(s.b.legend)).toEqual([0, 2, 1]);
	});

	it('refuses numeric classes when a year has no values', () => {
		expect(() =>
			buildSharedLegend({ method: 'quantile', values: [], k: 3 }, { values: Y2016 }, { texts: [] })
		).toThrow(/both years/);
	});
});
