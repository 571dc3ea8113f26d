import { describe, expect, it } from 'vitest';
import {
	applyOverrides,
	knownHeaderCount,
	mapHeaders,
	newIndicatorCandidates,
	type CatalogueIndicator,
	type ColumnTarget
} from './header-map';

const CATALOGUE: CatalogueIndicator[] = [
	{
		key: 'collective_income',
		label_zh: '集体经济收入',
		label_en: 'Collective economy income',
		unit: '元',
		kind: 'amount'
	},
	{
		key: 'registered_households',
		label_zh: '建档立卡贫困户(累计)',
		label_en: 'Registered poor households (all)',
		unit: '户',
		kind: 'count'
	},
	{
		key: 'party_members',
		label_zh: '党员数',
		label_en: 'Party members',
		unit: '人',
		kind: 'count'
	},
	{
		key: 'incidence',
		label_zh: '贫困发生率',
		label_en: 'Poverty incidence',
		unit: '',
		kind: 'ratio'
	},
	{
		key: 'sanbian_pilot',
		label_zh: '“三变”改革试点',
		label_en: 'Pilot',
		unit: '',
		kind: 'category'
	}
];

const target = (header: unknown): ColumnTarget | undefined =>
	mapHeaders([header], CATALOGUE)[0]?.target;

describe('mapHeaders finds the join columns', () => {
	it.each([
		['代码', 'code'],
		['行政区划代码', 'code'],
		['统计用区划代码', 'code'],
		['村（社区）代码', 'code'],
		['Code', 'code'],
		['村名', 'village'],
		['村名称', 'village'],
		['行政村', 'village'],
		['村（社区）', 'village'],
		['村(社区)', 'village'],
		['village', 'village'],
		['name', 'village'],
		['乡镇', 'township'],
		['乡镇名称', 'township'],
		['镇', 'township'],
		['乡（镇）', 'township'],
		['township', 'township'],
		['年份', 'year'],
		['年度', 'year'],
		['YEAR', 'year']
	])('%j is the %s column', (header, join) => {
		expect(target(header)).toEqual({ role: 'join', join });
	});

	it('does not take 统一社会信用代码 (an organisation id) for the division code', () => {
		expect(target('统一社会信用代码')).toMatchObject({ role: 'new' });
	});
});

describe('mapHeaders finds catalogue indicators', () => {
	it.each([
		['the key', 'collective_income', 'collective_income', 1],
		['the Chinese label', '集体经济收入', 'collective_income', 1],
		['the English label in any case', 'COLLECTIVE ECONOMY INCOME', 'collective_income', 1],
		['a label with its unit', '集体经济收入（元）', 'collective_income', 1],
		['a label in 万元', '集体经济收入（万元）', 'collective_income', 10000],
		['a label in 万元, half-width brackets', '集体经济收入(万元)', 'collective_income', 10000],
		['a label with spaces', ' 集体 经济 收入 ', 'collective_income', 1],
		['a label with 村 before it', '村集体经济收入（万元）', 'collective_income', 10000],
		['a label whose brackets are its own', '建档立卡贫困户（累计）', 'registered_households', 1],
		['such a label without them', '建档立卡贫困户', 'registered_households', 1],
		['such a label with a unit too', '建档立卡贫困户(累计)(户)', 'registered_households', 1],
		['a share in %', '贫困发生率（%）', 'incidence', 0.01],
		['a label with quotes dropped', '三变改革试点', 'sanbian_pilot', 1]
	])('by %s: %j → %s ×%d', (_, header, key, scale) => {
		expect(target(header)).toEqual({ role: 'indicator', key, year: null, scale });
	});

	it('reports a unit that does not convert', () => {
		expect(mapHeaders(['党员数（户）'], CATALOGUE)[0]).toMatchObject({
			target: { role: 'indicator', key: 'party_members' },
			unitMismatch: '户'
		});
	});
});

describe('mapHeaders reads years', () => {
	it.each([
		['2019年', 2019, ''],
		['2020', 2020, ''],
		[2021, 2021, ''],
		['2019年度', 2019, ''],
		['2019年（万元）', 2019, '万元']
	])('%j is a year column of %d', (header, year, unit) => {
		expect(target(header)).toEqual({ role: 'year', year, unit });
	});

	it.each([
		['集体经济收入2019', 'collective_income', 2019, 1],
		['2020年集体经济收入（万元）', 'collective_income', 2020, 10000],
		['党员数2021年', 'party_members', 2021, 1]
	])('%j is %s of %d', (header, key, year, scale) => {
		expect(target(header)).toEqual({ role: 'indicator', key, year, scale });
	});

	it('takes 收入2019 as a new indicator of 2019', () => {
		expect(target('收入2019')).toEqual({
			role: 'new',
			key: 'new:收入',
			label: '收入',
			unit: '',
			year: 2019
		});
	});
});

describe('mapHeaders proposes new indicators and ignores the rest', () => {
	it('proposes an unknown header with its label and the unit in brackets', () => {
		expect(target('光伏收益（万元）')).toEqual({
			role: 'new',
			key: 'new:光伏收益',
			label: '光伏收益',
			unit: '万元',
			year: null
		});
	});

	it.each(['序号', '备注', '', null])('ignores %j', (header) => {
		expect(target(header)).toEqual({ role: 'ignore' });
	});
});

describe('knownHeaderCount and applyOverrides', () => {
	it('counts join and catalogue headers, not titles or years', () => {
		const row = ['序号', '乡镇', '村名', '集体经济收入（万元）', '2019年', '紫阳县统计表'];
		expect(knownHeaderCount(row, CATALOGUE)).toBe(3);
	});

	it('applies an override by column and leaves the others', () => {
		const maps = mapHeaders(['村名', '光伏收益'], CATALOGUE);
		const overridden = applyOverrides(maps, {
			1: { role: 'indicator', key: 'collective_income', year: null, scale: 1 }
		});
		expect(overridden[0]).toEqual(maps[0]);
		expect(overridden[1]).toEqual({
			column: 1,
			header: '光伏收益',
			target: { role: 'indicator', key: 'collective_income', year: null, scale: 1 },
			matchedBy: 'override'
		});
	});
});

describe('newIndicatorCandidates', () => {
	it('proposes one new indicator per label, with all its year columns', () => {
		const maps = mapHeaders(
			['村名', '光伏收益2019（万元）', '光伏收益2020（万元）', '党员数'],
			CATALOGUE
		);
		expect(newIndicatorCandidates(maps)).toEqual([
			{ key: 'new:光伏收益', label: '光伏收益', unit: '万元', columns: [1, 2] }
		]);
	});
});
