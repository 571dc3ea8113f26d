import { beforeEach, describe, expect, it } from 'vitest';
import { formatNumber } from '../format';
import { classIndex, INTERVAL_RULE, intervalClasses, intervalLabel } from './interval';

beforeEach(() => {
	expect.hasAssertions();
});

const fmt = (n: number) => formatNumber(n);

describe('classIndex (lower bound included, upper excluded)', () => {
	const breaks = [10, 20, 30];
	it.each([
		[-5, 0],
		[9.999, 0],
		[10, 1],
		[15, 1],
		[20, 2],
		[29.999, 2],
		[30, 3],
		[1e9, 3]
	])('puts %s in class %s', (v, expected) => {
		expect(classIndex(v, breaks)).toBe(expected);
	});
	it('puts a value exactly on a break in the class above it', () => {
		expect(classIndex(20, breaks)).toBe(classIndex(20.0001, breaks));
	});
	it('puts everything in class 0 when there are no breaks', () => {
		expect(classIndex(-1e9, [])).toBe(0);
		expect(classIndex(1e9, [])).toBe(0);
	});
	it('states the rule in both languages', () => {
		expect(INTERVAL_RULE.zh).toContain('含下限');
		expect(INTERVAL_RULE.en).toMatch(/includes its lower bound/);
	});
});

describe('intervalLabel', () => {
	it.each([
		[1000, 2000, false, '1,000 – 2,000'],
		[undefined, 10, false, '< 10'],
		[50, undefined, false, '≥ 50'],
		[7, undefined, true, '7'],
		[undefined, undefined, false, '全部']
	] as const)('names [%s, %s) (alone: %s) "%s"', (min, max, alone, zh) => {
		expect(intervalLabel(min, max, fmt, alone).zh).toBe(zh);
	});
	it('writes each language with the formatter for that language', () => {
		const unit = (n: number, lang: 'zh' | 'en') => (lang === 'zh' ? `${n}人` : `${n} people`);
		expect(intervalLabel(1, 5, unit)).toEqual({ zh: '1人 – 5人', en: '1 people – 5 people' });
	});
});

describe('intervalClasses', () => {
	it('makes one class more than there are breaks, the last open above', () => {
		const classes = intervalClasses([10, 20], 3, fmt);
		expect(classes.map((c) => [c.key, c.min, c.max, c.label.en])).toEqual([
			['3..10', 3, 10, '3 – 10'],
			['10..20', 10, 20, '10 – 20'],
			['20..', 20, undefined, '≥ 20']
		]);
	});
	it('leaves the first class open below when there is no lowest value', () => {
		expect(intervalClasses([10], undefined, fmt).map((c) => c.label.en)).toEqual(['< 10', '≥ 10']);
	});
});
