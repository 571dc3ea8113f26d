import { inflateRawSync } from 'node:zlib';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '$lib/analysis/table-export';
import { toXlsx, toXlsxBook } from './xlsx-export';

beforeEach(() => {
	expect.hasAssertions();
});

const bytesOf = async (blob: Blob) => Buffer.from(await blob.arrayBuffer());

/**
 * The XML of one part of the workbook. An XLSX file is a zip of XML files; read-excel-file
 * gives values but not styles, so this follows the zip's central directory to the part.
 */
async function partOf(blob: Blob, path: string): Promise<string> {
	const zip = await bytesOf(blob);
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let entry = zip.readUInt32LE(end + 16);
	for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
		const nameLength = zip.readUInt16LE(entry + 28);
		const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
		if (name === path) {
			const local = zip.readUInt32LE(entry + 42);
			const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
			const data = zip.subarray(start, start + zip.readUInt32LE(entry + 20));
			return (zip.readUInt16LE(entry + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
		}
		entry += 46 + nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
	}
	throw new Error(`no ${path} in the workbook`);
}

const columns = ['village_code', '村名', '户数', '贫困发生率', '备注', '已出列'];
const rows: Row[] = [
	['610924101215', '双桥村', 312, 0.0125, '=HYPERLINK("http://x.invalid","点我")', true],
	['610924000001', '蒿坪镇“新”社区', 1_024n, null, null, false],
	['110101001001', '东华门街道', -5, 0, '-5', null]
];

describe('toXlsx', () => {
	it('writes a workbook Excel and read-excel-file open, as an XLSX blob', async () => {
		const blob = await toXlsx(columns, rows);
		expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const sheets = await readXlsxFile(await bytesOf(blob));
		expect(sheets.map((s) => s.sheet)).toEqual(['Sheet1']);
	});

	it('keeps division codes as text equal to the originals, and Chinese intact', async () => {
		const data = await readSheet(await bytesOf(await toXlsx(columns, rows)));
		expect(data[0]).toEqual(columns);
		expect(data.slice(1).map((r) => r[0])).toEqual([
			'610924101215',
			'610924000001',
			'110101001001'
		]);
		expect(data.slice(1).map((r) => r[1])).toEqual(['双桥村', '蒿坪镇“新”社区', '东华门街道']);
	});

	it('writes numbers as numbers, booleans as booleans and nulls as empty cells', async () => {
		const data = await readSheet(await bytesOf(await toXlsx(columns, rows)));
		expect(data.slice(1).map((r) => [r[2], r[3], r[5]])).toEqual([
			[312, 0.0125, true],
			[1024, null, false],
			[-5, 0, null]
		]);
	});

	it('neutralises a formula in a text cell but never touches a number', async () => {
		const data = await readSheet(await bytesOf(await toXlsx(columns, rows)));
		expect(data[1]?.[4]).toBe(`'=HYPERLINK("http://x.invalid","点我")`);
		expect(data[3]?.[4]).toBe("'-5");
		expect(data[3]?.[2]).toBe(-5);
	});

	it('writes hostile names as inert text cells, never a formula, and numbers as numbers', async () => {
		const hostile = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x","click")', '+cmd'];
		const more = ['-1+1', '@SUM(1)', '"; DROP TABLE indicator; --'];
		const blob = await toXlsx(
			['name', 'n'],
			[...hostile, ...more].map((t, i) => [t, -3.5 * (i + 1)])
		);
		const sheet = await partOf(blob, 'xl/worksheets/sheet1.xml');
		expect(sheet).not.toMatch(/<f[\s>]/);
		const data = await readSheet(await bytesOf(blob));
		expect(data.slice(1).map((r) => r[0])).toEqual([
			'<img src=x onerror=alert(1)>',
			`'=HYPERLINK("http://x","click")`,
			"'+cmd",
			"'-1+1",
			"'@SUM(1)",
			'"; DROP TABLE indicator; --'
		]);
		expect(data.slice(1).map((r) => r[1])).toEqual([-3.5, -7, -10.5, -14, -17.5, -21]);
	});

	it('writes a code cast to a number as text all the same', async () => {
		const data = await readSheet(
			await bytesOf(await toXlsx(['code', 'n'], [[610924101215, 610924101215]]))
		);
		expect(data[1]).toEqual(['610924101215', 610924101215]);
	});

	it('writes an integer beyond 15 digits as text, so Excel does not round it', async () => {
		const data = await readSheet(await bytesOf(await toXlsx(['id'], [[2n ** 60n], [42n]])));
		expect(data.slice(1).flat()).toEqual(['1152921504606846976', 42]);
	});

	it('stores text cells as text, with the @ format, and the header in bold', async () => {
		const blob = await toXlsx(columns, rows);
		const sheet = await partOf(blob, 'xl/worksheets/sheet1.xml');
		const styles = await partOf(blob, 'xl/styles.xml');
		// A1 and A2 (header and a code) are shared strings (t="s"), never a number.
		expect(sheet).toMatch(/<c r="A2"[^>]*t="s"/);
		expect(styles).toContain('<b/>');
		expect(styles).toContain('formatCode="@"'); // Excel's text format
		expect(sheet).toMatch(/<pane[^>]*ySplit="1"/); // the header row stays in view
	});

	it('sizes columns for Chinese: two units per character', async () => {
		const sheet = await partOf(
			await toXlsx(['代码', '名称', 'n'], [['610924101215', '蒿坪镇双桥村村民委员会', 1]]),
			'xl/worksheets/sheet1.xml'
		);
		const widths = [...sheet.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(widths).toEqual([14, 24, 8]);
	});

	it('makes a sheet name Excel accepts', async () => {
		const blob = await toXlsx(['a'], [[1]], {
			sheet: '紫阳县/村级[2024]：指标汇总表之一二三四五六七八九十甲乙丙丁'
		});
		const [sheet] = await readXlsxFile(await bytesOf(blob));
		expect(sheet?.sheet).toBe('紫阳县_村级_2024_：指标汇总表之一二三四五六七八九十甲乙');
		expect(sheet?.sheet.length).toBe(31);
	});
});

describe('toXlsxBook', () => {
	const header: Row[] = [
		['年份', 2024],
		['规则', '集体经济收入 < 10 万元'],
		['权重', '=收入*0.6+户数*0.4'],
		['县', '610924']
	];
	const book = () =>
		toXlsxBook([
			{ name: '说明', columns: ['项目', '值'], rows: header },
			{ name: '弱村', columns, rows }
		]);

	it('writes the sheets in order, with their names', async () => {
		const sheets = await readXlsxFile(await bytesOf(await book()));
		expect(sheets.map((s) => s.sheet)).toEqual(['说明', '弱村']);
	});

	it('keeps each sheet’s rows intact, read back by name and by index', async () => {
		const bytes = await bytesOf(await book());
		const first = await readSheet(bytes, '说明');
		expect(first).toEqual([
			['项目', '值'],
			['年份', 2024],
			['规则', '集体经济收入 < 10 万元'],
			['权重', "'=收入*0.6+户数*0.4"], // neutralised, as in a one-sheet export
			['县', '610924']
		]);
		const second = await readSheet(bytes, 2);
		expect(second).toEqual(await readSheet(await bytesOf(await toXlsx(columns, rows))));
		expect(second.slice(1).map((r) => r[0])).toEqual([
			'610924101215',
			'610924000001',
			'110101001001'
		]);
	});

	it('writes codes as text cells on every sheet', async () => {
		const blob = await book();
		for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
			const sheet = await partOf(blob, part);
			expect(sheet).toMatch(/<pane[^>]*ySplit="1"/);
		}
		// B5 on the header sheet: the county code 610924; A2 on the list: a village code.
		expect(await partOf(blob, 'xl/worksheets/sheet1.xml')).toMatch(/<c r="B5"[^>]*t="s"/);
		expect(await partOf(blob, 'xl/worksheets/sheet2.xml')).toMatch(/<c r="A2"[^>]*t="s"/);
	});

	it('makes sheet names Excel accepts and distinct, ignoring case', async () => {
		const long = '紫阳县村级指标汇总表之一二三四五六七八九十甲乙丙丁戊己庚辛';
		const blob = await toXlsxBook([
			{ name: 'List', columns: ['a'], rows: [[1]] },
			{ name: 'list', columns: ['a'], rows: [[2]] },
			{ name: 'a/b', columns: ['a'], rows: [[3]] },
			{ name: long, columns: ['a'], rows: [[4]] },
			{ name: long, columns: ['a'], rows: [[5]] },
			{ name: '', columns: ['a'], rows: [[6]] }
		]);
		const sheets = await readXlsxFile(await bytesOf(blob));
		expect(sheets.map((s) => s.sheet)).toEqual([
			'List',
			'list (2)',
			'a_b',
			long.slice(0, 31),
			`${long.slice(0, 27)} (2)`,
			'Sheet1'
		]);
		expect(sheets.map((s) => s.data[1]?.[0])).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('refuses a workbook without sheets', async () => {
		await expect(toXlsxBook([])).rejects.toThrow(RangeError);
	});
});
