import { describe, expect, it } from 'vitest';
import { northArrow, svgPathOf } from './north-arrow';

describe('northArrow', () => {
	it('points up on a north-up map, its letter beyond the tip', () => {
		const a = northArrow(100, 200, 40, 8);
		expect(a.dark[0]).toEqual({ x: 100, y: 220 });
		expect(a.light[0]).toEqual({ x: 100, y: 220 });
		expect(a.letter).toEqual({ x: 100, y: 228 });
	});
	it('has its dark half on the left and its light half on the right', () => {
		const a = northArrow(100, 200, 40, 8);
		expect(Math.max(...a.dark.map((p) => p.x))).toBe(100);
		expect(Math.min(...a.light.map((p) => p.x))).toBe(100);
		expect(a.dark.every((p) => p.y >= 180 && p.y <= 220)).toBe(true);
	});
	it('points left when the map is turned to face east (bearing 90)', () => {
		const a = northArrow(100, 200, 40, 8, 90);
		expect(a.dark[0]?.x).toBeCloseTo(80);
		expect(a.dark[0]?.y).toBeCloseTo(200);
		expect(a.letter.x).toBeCloseTo(72);
	});
	it('points right when the map faces west (bearing −90)', () => {
		expect(northArrow(0, 0, 40, 8, -90).dark[0]?.x).toBeCloseTo(20);
	});
});

describe('svgPathOf', () => {
	it('writes y negated, for drawSvgPath at (0, 0), which flips y', () => {
		expect(
			svgPathOf([
				{ x: 1, y: 2 },
				{ x: 3.00001, y: -4 },
				{ x: 0, y: 0 }
			])
		).toBe('M 1 -2 L 3 4 L 0 0 Z');
	});
	it('is empty for no points', () => {
		expect(svgPathOf([])).toBe('');
	});
});
