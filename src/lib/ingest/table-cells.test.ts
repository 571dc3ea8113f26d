import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { detectTableFormat, readTableCells } from './table-cells';

const utf8 = (text: string) => new TextEncoder().encode(text);
const PK = [0x50, 0x4b, 0x03, 0x04];

describe('detectTableFormat', () => {
	it.each([
		['a .csv', 'a.csv', utf8('x'), 'csv'],
		['a .txt', 'a.TXT', utf8('x'), 'csv'],
		['a .tsv', 'a.tsv', utf8('x'), 'csv'],
		['an .xlsx', 'a.xlsx', new Uint8Array(PK), 'xlsx'],
		['a zip whatever its name says', 'a.csv', new Uint8Array(PK), 'xlsx']
	])('reads %s as %s', (_, name, bytes, format) => {
		expect(detectTableFormat(name, bytes)).toBe(format);
	});

	it.each([
		[
			'an old .xls by its bytes',
			'a.dat',
			new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
			'unsupported-type',
			'.xlsx'
		],
		['an old .xls by its name', 'a.xls', utf8('x'), 'unsupported-type', '.xlsx'],
		['an .xlsx that is not a zip', 'a.xlsx', utf8('code,name'), 'corrupt', 'xlsx'],
		['a .shp', 'a.shp', utf8('x'), 'unsupported-type', 'csv']
	])('refuses %s with advice', (_, name, bytes, error, advice) => {
		expect(detectTableFormat(name, bytes)).toMatchObject({
			ok: false,
			error,
			message_zh: expect.stringContaining(advice)
		});
	});
});

describe('readTableCells', () => {
	it('decodes a GB18030 csv and keeps its row numbers (blank lines stay rows)', async () => {
		const gbk = new Uint8Array([0xb4, 0xe5, 0xc3, 0xfb, 0x0d, 0x0a, 0x0d, 0x0a, 0x31, 0x0d, 0x0a]);
		expect(await readTableCells('a.csv', gbk)).toEqual({
			format: 'csv',
			sheet: null,
			sheets: [],
			encoding: 'gb18030',
			rows: [['村名'], [''], ['1']]
		});
	});

	it('detects a tab or semicolon delimiter', async () => {
		const tab = await readTableCells('a.txt', utf8('代码\t村名\n1\t2\n'));
		const semi = await readTableCells('a.csv', utf8('代码;村名\n1;2\n'));
		expect('rows' in tab && tab.rows).toEqual([
			['代码', '村名'],
			['1', '2']
		]);
		expect('rows' in semi && semi.rows).toEqual([
			['代码', '村名'],
			['1', '2']
		]);
	});

	it.each([
		['an empty file', 'a.csv', new Uint8Array(0), {}, 'empty'],
		['a file over the limit', 'a.csv', utf8('x'.repeat(100)), { maxBytes: 10 }, 'too-large'],
		['a zip without a workbook', 'a.xlsx', zipSync({ 'a.txt': utf8('hi') }), {}, 'corrupt'],
		['a truncated zip', 'a.xlsx', zipSync({ 'a.txt': utf8('hi') }).slice(0, 30), {}, 'corrupt']
	])('fails cleanly on %s', async (_, name, bytes, options, error) => {
		expect(await readTableCells(name, bytes, options)).toMatchObject({ ok: false, error });
	});
});
