import { describe, expect, it } from 'vitest';
import { chooseScaleBar, metresPerPixelAt, metresPerPointOf, niceDistance } from './scale-bar';

const labels = (metresPerPoint: number, maxLength: number, lang: 'zh' | 'en' = 'zh') =>
	chooseScaleBar({ metresPerPoint, maxLength, lang }).ticks.map((t) => t.label);

describe('chooseScaleBar', () => {
	it('picks the longest 1, 2 or 5 × 10ⁿ metres that fits: 12 km of room gives a 10 km bar', () => {
		const bar = chooseScaleBar({ metresPerPoint: 80, maxLength: 150, lang: 'zh' });
		expect(bar.metres).toBe(10_000);
		expect(bar.length).toBe(125);
	});
	it('labels the start, the middle and the end, the unit on the end: "0", "5", "10 公里"', () => {
		expect(labels(80, 150, 'zh')).toEqual(['0', '5', '10 公里']);
		expect(labels(80, 150, 'en')).toEqual(['0', '5', '10 km']);
	});
	it('puts the labels at the start, middle and end of the bar', () => {
		const bar = chooseScaleBar({ metresPerPoint: 80, maxLength: 150, lang: 'zh' });
		expect(bar.ticks.map((t) => t.offset)).toEqual([0, 62.5, 125]);
		expect(bar.ticks.map((t) => t.value)).toEqual(['0', '5', '10']);
	});
	it('halves a 5 km bar at 2.5', () => {
		expect(labels(50, 120)).toEqual(['0', '2.5', '5 公里']);
	});
	it('writes distances under 1 km in metres: "0", "250", "500 米" / "500 m"', () => {
		expect(labels(4, 150, 'zh')).toEqual(['0', '250', '500 米']);
		expect(labels(4, 150, 'en')).toEqual(['0', '250', '500 m']);
		expect(chooseScaleBar({ metresPerPoint: 4, maxLength: 150, lang: 'en' }).unit).toBe('m');
	});
	it('writes 1 km in kilometres, with a decimal in the middle: "0", "0.5", "1 km"', () => {
		expect(labels(10, 150, 'en')).toEqual(['0', '0.5', '1 km']);
	});
	it('separates thousands: "0", "500", "1,000 km"', () => {
		expect(labels(8000, 150, 'en')).toEqual(['0', '500', '1,000 km']);
	});
	it('cuts the bar into four equal segments', () => {
		const bar = chooseScaleBar({ metresPerPoint: 50, maxLength: 120, lang: 'zh' });
		expect(bar.segments).toEqual([0, 25, 50, 75, 100]);
	});
	it('is never longer than the room, and never shorter than 2/5 of it', () => {
		for (let mpp = 0.05; mpp < 1e6; mpp *= 1.37) {
			const { length, metres } = chooseScaleBar({
				metresPerPoint: mpp,
				maxLength: 140,
				lang: 'zh'
			});
			if (metres === 1 && mpp * 140 < 1) continue; // the 1 m floor
			expect(length).toBeLessThanOrEqual(140 + 1e-9);
			expect(length).toBeGreaterThanOrEqual(140 * 0.4 - 1e-9);
		}
	});
	it('shows 1 m at extreme zoom even when 1 m is longer than the room', () => {
		const bar = chooseScaleBar({ metresPerPoint: 0.001, maxLength: 100, lang: 'en' });
		expect(bar.metres).toBe(1);
		expect(bar.ticks.map((t) => t.label)).toEqual(['0', '0.5', '1 m']);
	});
	it.each([0, -3, NaN, Infinity])('throws for metresPerPoint %s', (mpp) => {
		expect(() => chooseScaleBar({ metresPerPoint: mpp, maxLength: 100, lang: 'zh' })).toThrow(
			RangeError
		);
	});
	it('throws for a room of no length', () => {
		expect(() => chooseScaleBar({ metresPerPoint: 1, maxLength: 0, lang: 'zh' })).toThrow(
			RangeError
		);
	});
});

describe('niceDistance', () => {
	it.each([
		[1000, 1000],
		[999.999, 500],
		[1e6, 1e6],
		[2.5, 2],
		[7, 5],
		[19_999, 10_000],
		[0.3, 1]
	])('of %s m is %s m', (m, nice) => {
		expect(niceDistance(m)).toBe(nice);
	});
});

describe('metresPerPixelAt and metresPerPointOf', () => {
	it('give Web Mercator ground resolution for 512-pixel tiles, shrinking with cos(latitude)', () => {
		expect(metresPerPixelAt(0, 0)).toBeCloseTo(78_271.517, 2);
		expect(metresPerPixelAt(60, 10)).toBeCloseTo(78_271.517 / 1024 / 2, 3);
	});
	it('turn an image of 3000 px at 10 m/px drawn 600 pt wide into 50 m per point', () => {
		expect(metresPerPointOf(10, 3000, 600)).toBe(50);
	});
});
