import { beforeEach, describe, expect, it } from 'vitest';
import {
	capCategories,
	categoricalClasses,
	isCategory,
	OTHER_KEY,
	textsOfValues
} from './categorical';

beforeEach(() => {
	expect.hasAssertions();
});

describe('categoricalClasses', () => {
	it.each([
		[
			'keeps the listed order',
			['市级', '省级', '市级'],
			['省级', '市级', '深度贫困'],
			['省级', '市级', '深度贫困']
		],
		['keeps listed categories the data lack', [], ['标准', '软弱涣散'], ['标准', '软弱涣散']],
		[
			'appends unlisted categories, sorted',
			['乙', '标准', '甲', '乙'],
			['标准'],
			['标准', '乙', '甲']
		],
		['sorts unlisted numbers as numbers', ['10', '9', '100'], [], ['9', '10', '100']],
		['reads numbers in the list as their text', ['1'], [0, 1], ['0', '1']],
		['lists a repeated listed category once', ['a'], ['a', 'b', 'a'], ['a', 'b']],
		['gives no-data entries no class', [null, undefined, '', 'x'], [], ['x']]
	])('%s', (_, texts, order, expected) => {
		expect(categoricalClasses(texts, order)).toEqual(expected);
	});
});

describe('isCategory and textsOfValues', () => {
	it('treat null, undefined, the empty string and non-finite numbers as no data', () => {
		expect([null, undefined, '', '0', '标准'].map(isCategory)).toEqual([
			false,
			false,
			false,
			true,
			true
		]);
		expect(textsOfValues([1, 0, null, NaN, 2018])).toEqual(['1', '0', null, null, '2018']);
	});
});

describe('capCategories', () => {
	it('keeps every category when there is room', () => {
		expect(capCategories(['a', 'b'], 8)).toEqual({ keys: ['a', 'b'], folded: [] });
	});
	it('folds the categories past the room into one "other" class', () => {
		expect(capCategories(['a', 'b', 'c', 'd'], 3)).toEqual({
			keys: ['a', 'b', OTHER_KEY],
			folded: ['c', 'd']
		});
	});
});
