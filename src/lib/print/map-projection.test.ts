import { describe, expect, it } from 'vitest';
import { fitMercator } from './map-projection';

const ZIYANG: [number, number, number, number] = [108.27, 32.33, 108.93, 33.02];

describe('fitMercator', () => {
	it('puts the box centre at the frame centre', () => {
		const p = fitMercator([108, 32, 109, 33], 1000, 800);
		// Mercator's middle between 32° and 33° lies a little north of 32.5°.
		const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
		const mid =
			((2 * Math.atan(Math.exp((merc(32) + merc(33)) / 2)) - Math.PI / 2) * 180) / Math.PI;
		const [x, y] = p.project(108.5, mid);
		expect(x).toBeCloseTo(500, 6);
		expect(y).toBeCloseTo(400, 6);
	});

	it('fills the frame in the limiting direction and keeps the margin', () => {
		const p = fitMercator(ZIYANG, 2000, 1000, 50);
		const [, top] = p.project(108.6, 33.02);
		const [, bottom] = p.project(108.6, 32.33);
		expect(top).toBeCloseTo(50, 6);
		expect(bottom).toBeCloseTo(950, 6);
		const [left] = p.project(108.27, 32.6);
		const [right] = p.project(108.93, 32.6);
		expect(left).toBeGreaterThan(50);
		expect(right).toBeLessThan(1950);
	});

	it('north is up and east is right', () => {
		const p = fitMercator(ZIYANG, 500, 500);
		expect(p.project(108.5, 32.9)[1]).toBeLessThan(p.project(108.5, 32.4)[1]);
		expect(p.project(108.8, 32.6)[0]).toBeGreaterThan(p.project(108.3, 32.6)[0]);
	});

	it('one pixel is the ground distance a great-circle measure gives across the map', () => {
		const p = fitMercator(ZIYANG, 3000, 3000);
		const [x0] = p.project(108.3, 32.675);
		const [x1] = p.project(108.9, 32.675);
		// 0.6° of longitude at 32.675° N on a sphere of the WGS84 semi-major axis.
		const metres = ((0.6 * Math.PI) / 180) * 6378137 * Math.cos((32.675 * Math.PI) / 180);
		expect(((x1 - x0) * p.metresPerPixel) / metres).toBeCloseTo(1, 3);
	});
});
