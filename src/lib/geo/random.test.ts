import { describe, expect, it } from 'vitest';
import { createRandom, hashSeed, normal, randomFor, randomInt } from './random';

describe('seeded random numbers', () => {
	it('repeat for the same seed and differ for another', () => {
		const a = createRandom(42);
		const b = createRandom(42);
		const c = createRandom(43);
		const sa = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(sa);
		expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
	});

	it('stay in [0, 1) with a plausible mean', () => {
		const r = randomFor('610924', 'test', 1);
		let sum = 0;
		for (let i = 0; i < 10_000; i++) {
			const v = r();
			expect(v).toBeGreaterThanOrEqual(0);
			expect(v).toBeLessThan(1);
			sum += v;
		}
		expect(sum / 10_000).toBeCloseTo(0.5, 1);
	});

	it.each([
		['610924', 0],
		['610925', 0],
		['610924', 1]
	])('hash %s with seed %i to distinct streams', (code, seed) => {
		const others = [hashSeed('610924', 0), hashSeed('610925', 0), hashSeed('610924', 1)];
		expect(others.filter((h) => h === hashSeed(code, seed))).toHaveLength(1);
	});

	it('draws integers within bounds and normals around zero', () => {
		const r = createRandom(7);
		const ints = Array.from({ length: 1000 }, () => randomInt(r, 2, 4));
		expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
		const ns = Array.from({ length: 5000 }, () => normal(r));
		expect(ns.reduce((s, v) => s + v, 0) / ns.length).toBeCloseTo(0, 1);
	});
});
