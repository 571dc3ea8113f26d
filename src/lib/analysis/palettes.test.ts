import { beforeEach, describe, expect, it } from 'vitest';
import type { Rgba } from './palette';
import {
	categoricalColors,
	divergingColors,
	NO_DATA_COLOR,
	OKABE_ITO,
	parseColor,
	sequentialColors,
	type Better
} from './palettes';

beforeEach(() => {
	expect.hasAssertions();
});

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance([r, g, b]: Rgba): number {
	const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const distinct = (colors: readonly Rgba[]) => new Set(colors.map((c) => c.join())).size;
const BETTER: Better[] = ['higher', 'lower', 'none'];
const COUNTS = [1, 2, 3, 5, 7, 9, 12];

describe('sequentialColors', () => {
	it.each(BETTER)('gives n distinct opaque colours (better: %s)', (better) => {
		for (const n of COUNTS) {
			const colors = sequentialColors(n, better);
			expect(colors).toHaveLength(n);
			expect(distinct(colors)).toBe(n);
			expect(colors.every((c) => c[3] === 255)).toBe(true);
		}
	});
	it.each(BETTER)('gets darker class by class (better: %s)', (better) => {
		const l = sequentialColors(7, better).map(luminance);
		expect(l.every((x, i) => i === 0 || x < l[i - 1]!)).toBe(true);
	});
	it.each(BETTER)(
		'starts well away from white, so the lowest class shows on a light map (%s)',
		(better) => {
			expect(luminance(sequentialColors(5, better)[0]!)).toBeLessThan(0.8);
		}
	);
	it('uses different hues for "higher is better" and "lower is better"', () => {
		const [hr, , hb] = sequentialColors(3, 'higher')[2]!;
		const [lr, , lb] = sequentialColors(3, 'lower')[2]!;
		expect(hb).toBeGreaterThan(hr);
		expect(lr).toBeGreaterThan(lb);
	});
	it('defaults to no direction, and gives nothing for n = 0', () => {
		expect(sequentialColors(4)).toEqual(sequentialColors(4, 'none'));
		expect(sequentialColors(0)).toEqual([]);
	});
	it('rejects a count that is not a whole number ≥ 0', () => {
		expect(() => sequentialColors(2.5)).toThrow(/whole number/);
		expect(() => sequentialColors(-1)).toThrow(/whole number/);
	});
});

describe('divergingColors', () => {
	it.each(['PuOr', 'RdBu'] as const)(
		'gives n distinct colours, light in the middle (%s)',
		(scheme) => {
			for (const n of COUNTS) expect(distinct(divergingColors(n, scheme))).toBe(n);
			const l = divergingColors(5, scheme).map(luminance);
			expect(Math.max(...l)).toBe(l[2]);
		}
	);
});

describe('categorical colours', () => {
	it('are the eight Okabe–Ito colours, distinct, black last', () => {
		expect(OKABE_ITO).toHaveLength(8);
		expect(distinct(OKABE_ITO)).toBe(8);
		expect(OKABE_ITO[0]).toEqual([230, 159, 0, 255]);
		expect(OKABE_ITO[7]).toEqual([0, 0, 0, 255]);
	});
	it('are handed out in order, and never more than eight', () => {
		expect(categoricalColors(3)).toEqual(OKABE_ITO.slice(0, 3));
		expect(() => categoricalColors(9)).toThrow(/at most 8 colours/);
	});
});

describe('NO_DATA_COLOR', () => {
	it('is a grey unlike every palette colour', () => {
		const [r, g, b] = NO_DATA_COLOR;
		expect(r === g && g === b).toBe(true);
		const all = [
			...OKABE_ITO,
			...BETTER.flatMap((b) => sequentialColors(9, b)),
			...divergingColors(9, 'PuOr'),
			...divergingColors(9, 'RdBu')
		];
		expect(all.some((c) => c.join() === NO_DATA_COLOR.join())).toBe(false);
	});
});

describe('parseColor', () => {
	it('reads the two forms d3-scale-chromatic writes', () => {
		expect(parseColor('#fde725')).toEqual([253, 231, 37, 255]);
		expect(parseColor('rgb(8, 29, 88)')).toEqual([8, 29, 88, 255]);
		expect(() => parseColor('teal')).toThrow(/cannot read the colour "teal"/);
	});
});
