import { describe, expect, it } from 'vitest';
import { DEFAULT_DPI, isPaperName, MM, paperOf, PAPERS, pixelsAt, type PaperName } from './paper';

describe('PAPERS', () => {
	it.each([
		['A4', 841.89, 595.28],
		['A3', 1190.55, 841.89]
	] as const)('%s landscape is %s × %s pt', (name, width, height) => {
		expect(PAPERS[name]).toMatchObject({ name, width, height });
	});
	it('are ISO sizes to the hundredth of a point (297 × 210 mm and 420 × 297 mm)', () => {
		expect(PAPERS.A4.width).toBeCloseTo(297 * MM, 2);
		expect(PAPERS.A4.height).toBeCloseTo(210 * MM, 2);
		expect(PAPERS.A3.width).toBeCloseTo(420 * MM, 2);
		expect(PAPERS.A3.height).toBeCloseTo(297 * MM, 2);
	});
	it('give A3 wider margins and larger furniture than A4', () => {
		expect(PAPERS.A4.margin).toBeCloseTo(10 * MM);
		expect(PAPERS.A3.margin).toBeGreaterThan(PAPERS.A4.margin);
		expect(PAPERS.A3.scale).toBeGreaterThan(PAPERS.A4.scale);
	});
});

describe('paperOf and isPaperName', () => {
	it('find a paper by name', () => {
		expect(paperOf('A3')).toBe(PAPERS.A3);
		expect(isPaperName('A4')).toBe(true);
		expect(isPaperName('a4')).toBe(false);
	});
	it('throw for a name that is not a paper', () => {
		expect(() => paperOf('A5' as PaperName)).toThrow(/unknown paper "A5"/);
	});
});

describe('pixelsAt', () => {
	it('is one inch (72 pt) per DEFAULT_DPI pixels, 300 unless asked', () => {
		expect(DEFAULT_DPI).toBe(300);
		expect(pixelsAt({ width: 72, height: 36 })).toEqual({ width: 300, height: 150 });
		expect(pixelsAt({ width: 72, height: 36 }, 150)).toEqual({ width: 150, height: 75 });
	});
	it('rounds to whole pixels and never gives zero', () => {
		expect(pixelsAt({ width: 100, height: 0.01 }, 96)).toEqual({ width: 133, height: 1 });
	});
	it.each([0, -1, NaN, Infinity])('throws for dpi %s', (dpi) => {
		expect(() => pixelsAt({ width: 72, height: 72 }, dpi)).toThrow(RangeError);
	});
});
