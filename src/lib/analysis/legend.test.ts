import { beforeEach, describe, expect, it } from 'vitest';
import { FLAG_LABELS } from './format';
import { buildLegend, colorsOf, type LegendInput } from './legend';
import { categoricalColors, NO_DATA_COLOR, OKABE_ITO, sequentialColors } from './palettes';

beforeEach(() => {
	expect.hasAssertions();
});

const INCOME = [12, 0, null, 30_000, 29_999, 500_000, NaN, 75_000, 0, 120_000];

/** One input per method over the same units. */
const INPUTS: LegendInput[] = [
	{ method: 'quantile', values: INCOME, k: 4 },
	{ method: 'equal', values: INCOME, k: 3 },
	{ method: 'ckmeans', values: INCOME, k: 3 },
	{ method: 'manual', values: INCOME, breaks: [50_000, 10_000] },
	{ method: 'policy', values: INCOME },
	{ method: 'categorical', values: INCOME }
];

describe('buildLegend', () => {
	it('counts policy bands as a person counts them by hand', () => {
		const { legend } = buildLegend({ method: 'policy', values: INCOME, better: 'higher' });
		expect(legend.classes.map((c) => [c.label.zh, c.count])).toEqual([
			['空壳村（0）', 2],
			['薄弱村 不足3万元', 2],
			['薄弱村 3—5万元', 1],
			['5—10万元', 1],
			['10—50万元', 1],
			['50万元以上', 1]
		]);
		expect(legend.noData.count).toBe(2);
		expect(legend.total).toBe(10);
	});
	it.each(INPUTS)(
		'$method: every unit lands in exactly one class, counted from classOf',
		(input) => {
			const { legend, classOf } = buildLegend(input);
			expect(classOf.length).toBe(INCOME.length);
			expect(classOf.every((c) => c >= 0 && c <= legend.classes.length)).toBe(true);
			legend.classes.forEach((c, i) => {
				expect(c.count).toBe(classOf.filter((x) => x === i).length);
			});
			const counted = legend.classes.reduce((s, c) => s + c.count, legend.noData.count);
			expect(counted).toBe(legend.total);
			expect(legend.total).toBe(INCOME.length);
		}
	);
	it.each(INPUTS.filter((i) => i.method !== 'categorical'))(
		'$method: each value lies within the bounds of its class',
		(input) => {
			const { legend, classOf } = buildLegend(input);
			INCOME.forEach((v, i) => {
				if (v === null || Number.isNaN(v)) return expect(classOf[i]).toBe(legend.classes.length);
				const c = legend.classes[classOf[i]!]!;
				expect(v >= (c.min ?? -Infinity) && v < (c.max ?? Infinity)).toBe(true);
			});
		}
	);
	it('puts a value exactly on a break in the class above it', () => {
		const { classOf } = buildLegend({
			method: 'manual',
			values: [9.99, 10, 20, 19.99],
			breaks: [10, 20]
		});
		expect(Array.from(classOf)).toEqual([0, 1, 2, 1]);
	});
	it('gives no data the last index, after every class', () => {
		const { legend, classOf } = buildLegend({
			method: 'manual',
			values: [1, null, 5],
			breaks: [3]
		});
		expect(Array.from(classOf)).toEqual([0, 2, 1]);
		expect(legend.noData).toEqual({
			label: { zh: '无数据', en: 'No data' },
			color: NO_DATA_COLOR,
			count: 1
		});
	});
	it.each(INPUTS)('$method: all no data gives only the no-data class', (input) => {
		const { legend, classOf } = buildLegend({ ...input, values: [null, NaN, undefined] });
		expect(legend.classes).toEqual([]);
		expect(legend.breaks).toEqual([]);
		expect(legend.noData.count).toBe(3);
		expect(Array.from(classOf)).toEqual([0, 0, 0]);
	});
	it('names numeric classes "a – b", the last "≥ a", with the formatter of the kind', () => {
		const { legend } = buildLegend({
			method: 'manual',
			values: [1, 60_000],
			breaks: [30_000, 50_000],
			format: 'amount'
		});
		expect(legend.classes.map((c) => c.label)).toEqual([
			{ zh: '< 3万元', en: '< 30,000 yuan' },
			{ zh: '3万元 – 5万元', en: '30,000 yuan – 50,000 yuan' },
			{ zh: '≥ 5万元', en: '≥ 50,000 yuan' }
		]);
	});
	it('starts the first class of a data-driven method at the smallest value', () => {
		const { legend } = buildLegend({
			method: 'quantile',
			values: [0.1, 0.2, 0.3, 0.4],
			k: 2,
			format: 'ratio'
		});
		expect(legend.breaks).toEqual([0.3]);
		expect(legend.classes.map((c) => c.label.en)).toEqual(['10% – 30%', '≥ 30%']);
		expect(legend.classes[0]!.min).toBe(0.1);
	});
	it('makes one class named by the value when there is one distinct value', () => {
		const { legend } = buildLegend({ method: 'ckmeans', values: [7, 7, null], k: 5 });
		expect(legend.classes.map((c) => [c.label.zh, c.count])).toEqual([['7', 2]]);
	});
	it('rejects a bad k', () => {
		expect(() => buildLegend({ method: 'quantile', values: [1, 2], k: 0 })).toThrow(/k must be/);
	});
	it('is one plain object that survives a structured clone', () => {
		const { legend } = buildLegend(INPUTS[0]!);
		expect(structuredClone(legend)).toEqual(legend);
	});
});

describe('buildLegend with categories', () => {
	it('orders categories as listed, then unlisted ones, and counts each', () => {
		const texts = ['市级', null, '省级', '市级', '其它', ''];
		const { legend, classOf } = buildLegend({
			method: 'categorical',
			texts,
			categories: ['省级', '市级', '深度贫困']
		});
		expect(legend.kind).toBe('categorical');
		expect(legend.classes.map((c) => [c.key, c.count])).toEqual([
			['省级', 1],
			['市级', 2],
			['深度贫困', 0],
			['其它', 1]
		]);
		expect(legend.noData.count).toBe(2);
		expect(Array.from(classOf)).toEqual([1, 4, 0, 1, 3, 4]);
		expect(legend.classes.map((c) => c.color)).toEqual(categoricalColors(4));
	});
	it('classes flags from their numbers and names them with FLAG_LABELS', () => {
		const { legend } = buildLegend({
			method: 'categorical',
			values: [1, 0, 1, null],
			categories: [0, 1],
			categoryLabels: FLAG_LABELS
		});
		expect(legend.classes.map((c) => [c.label.zh, c.label.en, c.count])).toEqual([
			['否', 'No', 1],
			['是', 'Yes', 2]
		]);
	});
	it('folds categories past the eight Okabe–Ito colours into "other"', () => {
		const texts = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'i'];
		const { legend } = buildLegend({ method: 'categorical', texts });
		expect(legend.classes).toHaveLength(OKABE_ITO.length);
		expect(legend.classes.at(-1)).toMatchObject({ label: { zh: '其他', en: 'Other' }, count: 3 });
		expect(new Set(legend.classes.map((c) => c.color.join())).size).toBe(8);
	});
	it('needs texts or values', () => {
		expect(() => buildLegend({ method: 'categorical' })).toThrow(/needs texts or values/);
	});
});

describe('buildLegend palettes', () => {
	it('colours numeric classes with the sequential colours for the better direction', () => {
		const { legend } = buildLegend({
			method: 'quantile',
			values: [1, 2, 3, 4],
			k: 4,
			better: 'lower'
		});
		expect(legend.classes.map((c) => c.color)).toEqual(sequentialColors(4, 'lower'));
	});
	it('takes a palette as a list or as a function of the class count', () => {
		const red = [255, 0, 0, 255] as const;
		const list = buildLegend({ method: 'manual', values: [1], breaks: [], palette: [red] });
		const fn = buildLegend({
			method: 'manual',
			values: [1],
			breaks: [],
			palette: (n) => Array(n).fill(red)
		});
		expect(list.legend.classes[0]!.color).toEqual(red);
		expect(fn.legend.classes[0]!.color).toEqual(red);
	});
	it('refuses a palette with fewer colours than classes', () => {
		const input = { method: 'manual', values: [1, 5], breaks: [3], palette: () => [] } as const;
		expect(() => buildLegend(input)).toThrow(/2 classes, only 0 colours/);
	});
});

describe('colorsOf', () => {
	it('gives each unit the colour its class has in the legend', () => {
		const { legend, classOf } = buildLegend({ method: 'policy', values: INCOME });
		const rgba = colorsOf(legend, classOf);
		expect(rgba).toHaveLength(INCOME.length * 4);
		classOf.forEach((c, i) => {
			const color = c === legend.classes.length ? legend.noData.color : legend.classes[c]!.color;
			expect(Array.from(rgba.subarray(i * 4, i * 4 + 4))).toEqual(color);
		});
	});
	it('refuses a class the legend does not have', () => {
		const { legend } = buildLegend({ method: 'manual', values: [1], breaks: [] });
		expect(() => colorsOf(legend, [0, 1, 2])).toThrow(/unit 2 has class 2/);
	});
});
