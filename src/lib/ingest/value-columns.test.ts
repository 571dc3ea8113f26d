import { describe, expect, it } from 'vitest';
import { mapHeaders } from './header-map';
import type { CatalogueIndicator } from './header-text';
import { valueColumns, type Warning } from './value-columns';

const CATALOGUE: CatalogueIndicator[] = [
	{
		key: 'collective_income',
		label_zh: '集体经济收入',
		label_en: 'Income',
		unit: '元',
		kind: 'amount'
	},
	{ key: 'party_members', label_zh: '党员数', label_en: 'Members', unit: '人', kind: 'count' }
];
const columnsOf = (headers: string[], title = '', yearIndicator?: string) => {
	const warnings: Warning[] = [];
	const columns = valueColumns(
		mapHeaders(headers, CATALOGUE),
		title,
		{ catalogue: CATALOGUE, yearIndicator },
		warnings
	);
	return { columns, warnings };
};

describe('valueColumns', () => {
	it.each([
		[
			'a catalogue column, with its kind and scale',
			['集体经济收入（万元）'],
			'',
			undefined,
			{ key: 'collective_income', kind: 'amount', year: null, scale: 10000 }
		],
		[
			'a new column, without a kind',
			['光伏收益'],
			'',
			undefined,
			{ key: 'new:光伏收益', kind: undefined, year: null, scale: 1 }
		],
		[
			'a year column named by the title, in the title’s unit',
			['2019年'],
			'村集体经济收入（万元）',
			undefined,
			{ key: 'collective_income', year: 2019, scale: 10000 }
		],
		[
			'a year column in its own unit over the title’s',
			['2019年（元）'],
			'村集体经济收入（万元）',
			undefined,
			{ key: 'collective_income', year: 2019, scale: 1 }
		],
		[
			'a year column named by the caller',
			['2019年'],
			'',
			'party_members',
			{ key: 'party_members', kind: 'count', year: 2019 }
		]
	])('carries %s', (_, headers, title, yearIndicator, expected) => {
		const { columns, warnings } = columnsOf(headers, title, yearIndicator);
		expect(columns).toEqual([expect.objectContaining({ column: 0, ...expected })]);
		expect(warnings).toEqual([]);
	});

	it('leaves out join and ignored columns', () => {
		expect(columnsOf(['代码', '村名', '序号', '年份']).columns).toEqual([]);
	});

	it('warns of a year column nothing names, instead of guessing', () => {
		const { columns, warnings } = columnsOf(['2019年'], '统计表');
		expect(columns).toEqual([]);
		expect(warnings).toHaveLength(1);
	});
});
