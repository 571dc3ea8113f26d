import { describe, expect, it } from 'vitest';
import { isCommunity, readDivisions, shortName } from './divisions';

describe('division names', () => {
	it.each([
		['王家河村委会', '王家河村', false],
		['蒿坪村民委员会', '蒿坪村', false],
		['双星社区居委会', '双星社区', true],
		['东城社区居民委员会', '东城社区', true],
		['城关居委会', '城关社区', true],
		['新华村村委会', '新华村', false],
		['西关社区', '西关社区', true],
		['巴音嘎查', '巴音嘎查', false]
	])('%s → %s', (full, short, community) => {
		expect(shortName(full)).toBe(short);
		expect(isCommunity(full)).toBe(community);
	});

	it('reads 紫阳县: 17 towns, 175 villages and 32 communities', () => {
		const d = readDivisions('610924');
		expect(d.counties.map((c) => c.name)).toEqual(['紫阳县']);
		expect(d.townships).toHaveLength(17);
		expect(d.units.filter((u) => u.level === 'village')).toHaveLength(175);
		expect(d.units.filter((u) => u.level === 'community')).toHaveLength(32);
		expect(d.units.find((u) => u.code === '610924101215')?.name).toBe('王家河村');
	});
});
