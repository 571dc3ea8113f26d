/**
 * The smooth random field: reproducible from its stream, mean 0 and variance 1, and correlated
 * as a Gaussian covariance says — nearly equal close by, unrelated a few lengths apart.
 */
import { describe, expect, it } from 'vitest';
import { createRandom, randomFor } from './random';
import { randomField, standardise } from './random-field';

/** Correlation of the field at pairs of points `d` apart, over many random pairs and fields. */
function correlationAt(d: number, length: number): number {
	const place = createRandom(7);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let k = 0; k < 40; k++) {
		const f = randomField(randomFor('field-test', String(k), 1), { length });
		for (let i = 0; i < 50; i++) {
			const x = 200 * place();
			const y = 200 * place();
			const a = 2 * Math.PI * place();
			const u = f(x, y);
			const v = f(x + d * Math.cos(a), y + d * Math.sin(a));
			sxy += u * v;
			sxx += u * u;
			syy += v * v;
		}
	}
	return sxy / Math.sqrt(sxx * syy);
}

describe('randomField', () => {
	it('gives the same field for the same stream and another for another', () => {
		const a = randomField(randomFor('610924', 'field', 1), { length: 10 });
		const b = randomField(randomFor('610924', 'field', 1), { length: 10 });
		const c = randomField(randomFor('610924', 'field', 2), { length: 10 });
		const pts = [
			[0, 0],
			[3.5, -7],
			[40, 12]
		] as const;
		for (const [x, y] of pts) expect(a(x, y)).toBe(b(x, y));
		expect(pts.map(([x, y]) => c(x, y))).not.toEqual(pts.map(([x, y]) => a(x, y)));
	});

	it('has mean about 0 and variance about 1 over a wide area', () => {
		const f = randomField(randomFor('610924', 'field', 3), { length: 2 });
		const values: number[] = [];
		for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) values.push(f(i * 3, j * 3));
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
		expect(Math.abs(mean)).toBeLessThan(0.15);
		expect(variance).toBeGreaterThan(0.7);
		expect(variance).toBeLessThan(1.3);
	});

	// Expected exp(−d²/2): 0.969, 0.607, 0.011; the bounds allow for 2,000 sampled pairs.
	it.each([
		[0.25, 0.93, 1],
		[1, 0.45, 0.75],
		[3, -0.12, 0.12]
	])(
		'correlates points %f correlation lengths apart between %f and %f (Gaussian: exp(−d²/2))',
		(d, lo, hi) => {
			const r = correlationAt(d * 10, 10);
			expect(r).toBeGreaterThan(lo);
			expect(r).toBeLessThan(hi);
		}
	);
});

describe('standardise', () => {
	it('gives mean 0 and standard deviation 1, and zeros for equal values', () => {
		const z = standardise([1, 2, 3, 4, 10]);
		expect(z.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
		expect(z.reduce((s, v) => s + v * v, 0) / z.length).toBeCloseTo(1, 12);
		expect(standardise([5, 5, 5])).toEqual([0, 0, 0]);
		expect(standardise([])).toEqual([]);
	});
});
