import { describe, expect, it } from 'vitest';
import {
	buildNameIndex,
	matchVillageName,
	townshipNameKey,
	unitNameKey,
	type RegionUnit
} from './name-match';

// A slice of 紫阳县's real region table: 街道社区 in two townships, 关庙村 in two, and a made-up
// 东红社区 beside 东红村 to show that an exact name wins over a shared key.
const REGIONS: RegionUnit[] = [
	{ code: '610924', name: '紫阳县', level: 'county', parent_code: '6109' },
	{ code: '610924100', name: '城关镇', level: 'township', parent_code: '610924' },
	{ code: '610924101', name: '蒿坪镇', level: 'township', parent_code: '610924' },
	{ code: '610924103', name: '焕古镇', level: 'township', parent_code: '610924' },
	{ code: '610924111', name: '高滩镇', level: 'township', parent_code: '610924' },
	{ code: '610924116', name: '东木镇', level: 'township', parent_code: '610924' },
	{
		code: '610924100201',
		name: '新田村',
		full_name: '新田村委会',
		level: 'village',
		parent_code: '610924100'
	},
	{
		code: '610924100001',
		name: '东城门社区',
		full_name: '东城门社区居委会',
		level: 'community',
		parent_code: '610924100'
	},
	{ code: '610924101001', name: '街道社区', level: 'community', parent_code: '610924101' },
	{ code: '610924103001', name: '街道社区', level: 'community', parent_code: '610924103' },
	{ code: '610924101215', name: '王家河村', level: 'village', parent_code: '610924101' },
	{ code: '610924103206', name: '东红村', level: 'village', parent_code: '610924103' },
	{ code: '610924103999', name: '东红社区', level: 'community', parent_code: '610924103' },
	{ code: '610924111222', name: '关庙村', level: 'village', parent_code: '610924111' },
	{ code: '610924116201', name: '关庙村', level: 'village', parent_code: '610924116' }
];
const index = buildNameIndex(REGIONS);

describe('name keys', () => {
	it.each([
		['新田村', '新田'],
		['新田村委会', '新田'],
		['新田村民委员会', '新田'],
		[' 新 田\u3000村 ', '新田'],
		['东城门社区居委会', '东城门'],
		['东城门社区', '东城门'],
		['东城门居民委员会', '东城门'],
		['ＡＢ村', 'AB'],
		// A name that is nothing but a suffix is kept whole.
		['村', '村'],
		['社区', '社区']
	])('unit %j compares as %j', (name, key) => {
		expect(unitNameKey(name)).toBe(key);
	});

	it.each([
		['城关镇', '城关'],
		['城关', '城关'],
		['蒿坪镇人民政府', '蒿坪'],
		['城关街道办事处', '城关']
	])('township %j compares as %j', (name, key) => {
		expect(townshipNameKey(name)).toBe(key);
	});
});

describe('matchVillageName', () => {
	it.each([
		['a name as registered', '新田村', '城关镇', '610924100201'],
		['a name without its suffix', '新田', '城关镇', '610924100201'],
		['a name with 村委会 and spaces', '新 田 村委会', '城关镇', '610924100201'],
		['a community with 居委会', '东城门社区居委会', '城关镇', '610924100001'],
		['a township without 镇', '新田村', '城关', '610924100201'],
		['a township by its 9-digit code', '街道社区', '610924103', '610924103001'],
		['a township by its 12-digit code', '街道社区', '610924101000', '610924101001'],
		['a name unique in the county, no township', '王家河村', null, '610924101215'],
		['a repeated name scoped by township', '街道社区', '蒿坪镇', '610924101001'],
		['关庙村 in 东木镇', '关庙村', '东木镇', '610924116201'],
		['the exact name when two share a key', '东红村', '焕古镇', '610924103206'],
		['the exact community when two share a key', '东红社区', '焕古镇', '610924103999']
	])('matches %s', (_, village, township, code) => {
		expect(matchVillageName(index, village, township)).toEqual({ status: 'matched', code });
	});

	it.each([
		['an unknown name', '黄金湾村', '焕古镇'],
		['a name in another township', '王家河村', '城关镇'],
		['an unknown township', '新田村', '不存在镇'],
		['an empty name', '  ', '城关镇']
	])('leaves %s unmatched, with a reason', (_, village, township) => {
		const result = matchVillageName(index, village, township);
		expect(result).toMatchObject({ status: 'unmatched' });
		expect(result).toHaveProperty('reason_zh');
	});

	it.each([
		['a repeated name without a township', '街道社区', null, ['610924101001', '610924103001']],
		['关庙村 without a township', '关庙村', '', ['610924111222', '610924116201']],
		['a shared key, neither written exactly', '东红', '焕古镇', ['610924103206', '610924103999']]
	])('calls %s ambiguous, with the candidates', (_, village, township, candidates) => {
		expect(matchVillageName(index, village, township)).toMatchObject({
			status: 'ambiguous',
			candidates
		});
	});
});
