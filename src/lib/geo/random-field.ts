/**
 * A smooth, seeded random field over the plane: the spatially correlated noise of the sample
 * data. Independent noise per village makes maps look like confetti; real conditions vary
 * smoothly (a valley, a ridge, a township's roads), so neighbours should share most of their
 * noise. The field is a sum of random Fourier features (random plane waves), which approximates
 * a stationary Gaussian field with a Gaussian covariance, exp(−d² / 2ℓ²) for points d apart and
 * correlation length ℓ, with mean 0 and variance 1. It is cheap to evaluate anywhere, needs no
 * grid or bounding box, and the same random stream gives the same field on any machine.
 */
import { normal, type Random } from './random';

/** Field value at (x, y), both in the same unit as the correlation length (km in the build). */
export type Field = (x: number, y: number) => number;

export interface FieldOptions {
	/** Correlation length ℓ: values about ℓ apart are correlated ≈ 0.6, 3ℓ apart ≈ 0.01. */
	length: number;
	/** Plane waves summed; more is closer to Gaussian. 64 keeps the marginal close enough. */
	waves?: number;
}

/**
 * A field drawn from `random` (consumes 3 numbers per wave up front, nothing afterwards, so
 * evaluating it in any order gives the same values).
 */
export function randomField(random: Random, { length, waves = 64 }: FieldOptions): Field {
	// Frequencies ~ N(0, 1/ℓ²) per axis give the Gaussian covariance (Bochner's theorem);
	// uniform phases make each wave's mean 0; √(2/M) makes the variance 1.
	const kx = new Float64Array(waves);
	const ky = new Float64Array(waves);
	const phase = new Float64Array(waves);
	for (let m = 0; m < waves; m++) {
		kx[m] = normal(random) / length;
		ky[m] = normal(random) / length;
		phase[m] = 2 * Math.PI * random();
	}
	const scale = Math.sqrt(2 / waves);
	return (x, y) => {
		let s = 0;
		for (let m = 0; m < waves; m++)
			s += Math.cos((kx[m] as number) * x + (ky[m] as number) * y + (phase[m] as number));
		return scale * s;
	};
}

/** Values standardised to mean 0 and standard deviation 1 (all 0 when they are all equal). */
export function standardise(values: readonly number[]): number[] {
	const n = values.length;
	if (n === 0) return [];
	const mean = values.reduce((a, v) => a + v, 0) / n;
	const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
	return values.map((v) => (sd > 0 ? (v - mean) / sd : 0));
}
