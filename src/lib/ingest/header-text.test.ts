import { describe, expect, it } from 'vitest';
import {
	cellText,
	headerForm,
	indicatorInTitle,
	splitUnit,
	unitScale,
	yearInTitle,
	type CatalogueIndicator
} from './header-text';

const INCOME: CatalogueIndicator = {
	key: 'collective_income',
	label_zh: '集体经济收入',
	label_en: 'Collective economy income',
	unit: '元',
	kind: 'amount'
};
const INCIDENCE: CatalogueIndicator = {
	key: 'incidence',
	label_zh: '贫困发生率',
	label_en: 'Poverty incidence',
	unit: '',
	kind: 'ratio'
};
const MEMBERS: CatalogueIndicator = {
	key: 'party_members',
	label_zh: '党员数',
	label_en: 'Party members',
	unit: '人',
	kind: 'count'
};

describe('headerForm', () => {
	it.each([
		['集体经济收入（万元）', '集体经济收入(万元)'],
		[' 集体 经济\u3000收入 ', '集体经济收入'],
		['Collective Economy_Income', 'collectiveeconomyincome'],
		['“三变”改革试点', '三变改革试点']
	])('%j compares as %j', (header, form) => {
		expect(headerForm(header)).toBe(form);
	});
});

describe('splitUnit', () => {
	it.each([
		['集体经济收入（万元）', '集体经济收入', '万元'],
		['集体经济收入(元)', '集体经济收入', '元'],
		['建档立卡户[户]', '建档立卡户', '户'],
		['党员数【人】', '党员数', '人'],
		['党员数', '党员数', ''],
		['贫困发生率（％）', '贫困发生率', '%']
	])('%j is label %j, unit %j', (header, label, unit) => {
		expect(splitUnit(header)).toEqual({ label, unit });
	});
});

describe('unitScale', () => {
	it.each([
		['万元 to 元', '万元', INCOME, 10000],
		['元 to 元', '元', INCOME, 1],
		['no unit', '', INCOME, 1],
		['% to a 0–1 ratio', '%', INCIDENCE, 0.01],
		['名 as 人', '名', MEMBERS, 1]
	])('%s is ×%d', (_, unit, entry, scale) => {
		expect(unitScale(unit, entry)).toEqual({ scale });
	});

	it('reports a unit that cannot convert, and keeps the value', () => {
		expect(unitScale('户', MEMBERS)).toEqual({ scale: 1, mismatch: '户' });
	});
});

describe('titles', () => {
	it.each([
		['紫阳县2020年村集体经济收入统计表', 'collective_income', 1],
		['紫阳县2019—2021年村集体经济收入（万元）', 'collective_income', 10000],
		['紫阳县2020年村集体经济收入统计表 单位：万元', 'collective_income', 10000],
		['2020年各村贫困发生率（%）', 'incidence', 0.01]
	])('%j names %s at ×%d', (title, key, scale) => {
		expect(indicatorInTitle(title, [INCOME, INCIDENCE, MEMBERS])).toEqual({ key, scale });
	});

	it('names no indicator when no label is in the title', () => {
		expect(indicatorInTitle('紫阳县统计表', [INCOME])).toBeNull();
	});

	it.each([
		['紫阳县2020年村集体经济收入统计表', 2020],
		['２０２１年度', 2021],
		['紫阳县2019—2021年', null],
		['统计表', null]
	])('%j has year %s', (title, year) => {
		expect(yearInTitle(title)).toBe(year);
	});
});

describe('cellText', () => {
	it.each([
		[null, ''],
		[undefined, ''],
		[2019, '2019'],
		['村名', '村名'],
		[new Date(Date.UTC(2020, 0, 2)), '2020-01-02']
	])('%s reads as %j', (cell, text) => {
		expect(cellText(cell)).toBe(text);
	});
});
