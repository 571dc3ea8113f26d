import { describe, expect, it } from 'vitest';
import type { Cell } from './cell-value';
import type { CatalogueIndicator } from './header-text';
import { findHeaderRow } from './header-row';

const CATALOGUE: CatalogueIndicator[] = [
	{ key: 'collective_income', label_zh: '集体经济收入', label_en: 'Income', unit: '元' }
];

describe('findHeaderRow', () => {
	it.each<[string, Cell[][], number, number, string]>([
		[
			'a header on the first row',
			[
				['代码', '村名', '集体经济收入'],
				['610924101215', '王家河村', 1]
			],
			0,
			1,
			''
		],
		[
			'a header beneath a merged title row and a unit line',
			[
				['紫阳县2020年村集体经济收入统计表', null, null],
				[null, null, '单位：万元'],
				['乡镇', '村名', '集体经济收入'],
				['蒿坪镇', '王家河村', 12.6]
			],
			2,
			3,
			'紫阳县2020年村集体经济收入统计表 单位：万元'
		],
		[
			'the fullest row when no header is known',
			[
				['表一', null, null],
				['甲', '乙', '丙'],
				['1', '2', null]
			],
			1,
			2,
			'表一'
		]
	])('finds %s', (_, rows, index, dataStart, title) => {
		expect(findHeaderRow(rows, CATALOGUE)).toMatchObject({ index, dataStart, title });
	});

	it('looks no further than the first ten rows', () => {
		const rows: Cell[][] = [
			...Array.from({ length: 10 }, (_, i) => [`说明 ${i}`]),
			['代码', '村名', '集体经济收入']
		];
		expect(findHeaderRow(rows, CATALOGUE).index).toBeLessThan(10);
	});

	it('combines a label merged over year columns with the years beneath it', () => {
		const rows: Cell[][] = [
			['代码', '村名', '集体经济收入（万元）', null, null],
			[null, null, 2019, '2020年', 2021],
			['610924101215', '王家河村', 9.8, 12.8, 15.6]
		];
		expect(findHeaderRow(rows, CATALOGUE)).toEqual({
			index: 0,
			dataStart: 2,
			title: '',
			headers: [
				'代码',
				'村名',
				'集体经济收入2019(万元)',
				'集体经济收入2020年(万元)',
				'集体经济收入2021(万元)'
			]
		});
	});

	it('does not take a data row for a second header row', () => {
		const rows: Cell[][] = [
			['代码', '村名', '2019年', '2020年'],
			['610924101215', '王家河村', 2019, 2020]
		];
		expect(findHeaderRow(rows, CATALOGUE).dataStart).toBe(1);
	});
});
