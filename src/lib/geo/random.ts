/**
 * Seeded pseudo-random numbers. The data build must give byte-identical output for the same
 * inputs, so nothing may call Math.random: every generator is a mulberry32 stream seeded from a
 * string (a region code) and a number (the build seed), via FNV-1a so that nearby codes give
 * unrelated streams.
 */

export type Random = () => number;

/** FNV-1a hash of a string, mixed with a numeric seed; a 32-bit unsigned integer. */
export function hashSeed(text: string, seed = 0): number {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** mulberry32: a small, fast generator with a 2^32 period, ample for sampling a region. */
export function createRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A generator for one purpose within one unit: the same (code, purpose, seed) → same stream. */
export function randomFor(code: string, purpose: string, seed: number): Random {
	return createRandom(hashSeed(`${code}:${purpose}`, seed));
}

/** Standard normal deviate (Box–Muller), for plausible spreads around a calibrated mean. */
export function normal(random: Random): number {
	const u = Math.max(random(), 1e-12);
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Integer in [min, max], both inclusive. */
export function randomInt(random: Random, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}
