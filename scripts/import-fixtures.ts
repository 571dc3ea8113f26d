/**
 * CLI: write the indicator-table import fixtures into tests/fixtures/import/ —
 * `npx tsx scripts/import-fixtures.ts`. Each file is what a county office really sends: a CSV
 * saved by Excel on Chinese Windows (GB18030, names only, merged-township blanks), a UTF-8 CSV with
 * a BOM and codes in every state (text, full-width, scientific notation), an xlsx with a merged
 * title row, merged township cells, numeric codes, 小计/合计 rows and a note, a wide sheet with one
 * column per year, and a CSV with duplicate, unknown and malformed rows. Names and codes are real,
 * read from the committed 紫阳县 dataset; the script stops if one is missing there.
 * GB18030 bytes come from iconv-lite (present in node_modules as a dependency of a dependency).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

const OUT = 'tests/fixtures/import';
const REGION = 'static/data/610924/region.arrow';

interface Unit {
	code: string;
	name: string;
	parent_code: string;
}
const units = tableFromIPC(readFileSync(REGION))
	.toArray()
	.map((row) => row.toJSON() as Unit);

/** The real code of a village in a township (by names), or stop: fixtures must stay real. */
function codeOf(township: string, village: string): string {
	const town = units.find((u) => u.name === township);
	const unit = units.find((u) => u.name === village && u.parent_code === town?.code);
	if (!unit) throw new Error(`${township}${village} is not in ${REGION}`);
	return unit.code;
}

const csvLine = (cells: (string | number)[]) =>
	cells
		.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c))
		.join(',');
const csv = (rows: (string | number)[][]) => rows.map(csvLine).join('\r\n') + '\r\n';

function write(name: string, bytes: Uint8Array | Buffer): void {
	writeFileSync(path.join(OUT, name), bytes);
	console.log(`${name}\t${bytes.byteLength} bytes`);
}

/** The xlsx re-zipped with one fixed local date (zip times are local): reruns, same bytes. */
async function stableXlsx(data: SheetData): Promise<Uint8Array> {
	const entries = unzipSync(new Uint8Array(await writeXlsxFile(data).toBuffer()));
	const fixed: Zippable = {};
	for (const [name, bytes] of Object.entries(entries)) {
		fixed[name] = [bytes, { mtime: new Date(2026, 0, 1) }];
	}
	return zipSync(fixed, { level: 9 });
}

mkdirSync(OUT, { recursive: true });

// 1. GB18030, names scoped by township, long layout (a year column). The township is written
//    once per group, as an Excel sheet with merged cells exports it; suffixes and spaces vary;
//    关庙村 exists in two townships, so on the first line, before any township, it is ambiguous;
//    黄金湾村 exists nowhere.
if (units.some((u) => u.name === '黄金湾村')) throw new Error('黄金湾村 must stay unknown');
codeOf('东木镇', '关庙村');
codeOf('高滩镇', '关庙村');
write(
	'gb18030-names.csv',
	iconv.encode(
		csv([
			['乡镇', '村（社区）', '年份', '集体经济收入（万元）', '党员数（人）', '第一书记'],
			['', '关庙村', 2019, '3.1', 18, '否'],
			['城关镇', '新田村', 2020, '5.2', 35, '是'],
			['', '新 桃 村委会', 2020, '3.75', 28, '否'],
			['', '东城门社区居委会', 2020, '—', 61, '否'],
			['蒿坪镇', '王家河', 2020, '12.6', 42, '是'],
			['', '街道社区', 2020, '0', 77, '否'],
			['焕古镇', '东红村', 2020, '8.1', 30, '是'],
			['东木镇', '关庙村', 2020, '4.4', 25, '是'],
			['高滩镇', '关庙村', 2020, '2.9', 19, '否'],
			['', '关庙村', 2021, '3.3', 20, '否'],
			['焕古镇', '黄金湾村', 2020, '1.0', 12, '否']
		]),
		'gb18030'
	)
);

// 2. UTF-8 with BOM, codes as text in every state a sheet leaves them.
write(
	'utf8-bom-codes.csv',
	new TextEncoder().encode(
		'\ufeff' +
			csv([
				['行政区划代码', '村名', '年份', '集体经济收入（元）', '贫困发生率（%）'],
				[codeOf('蒿坪镇', '王家河村'), '王家河村', 2019, '128,000', '1.2'],
				['６１０９２４１０９２０３', '裴坝村', 2019, '96000', '0.8%'],
				[`'${codeOf('洄水镇', '团堡村')}`, '团堡村', 2019, '54,500', '2.5'],
				['6.10924117219E+11', '斑桃村', 2019, '31000', '0'],
				['6.10924E+11', '东红村', 2019, '88000', '0.4'],
				[` ${codeOf('焕古镇', '东红村')} `, '东红村', 2019, '—', '/']
			])
	)
);

// 3. xlsx: a merged title row, a unit line, numeric codes, township cells merged down, a 小计
//    row per township, a 合计 row and a note; the year is the title's, the unit 万元.
const hp = (v: string) => codeOf('蒿坪镇', v);
const cg = (v: string) => codeOf('城关镇', v);
const title: SheetData = [
	[
		{ value: '紫阳县2020年村集体经济收入统计表', columnSpan: 6, fontWeight: 'bold' },
		null,
		null,
		null,
		null,
		null
	],
	[null, null, null, null, null, '单位：万元'],
	['序号', '乡镇', '村名', '行政区划代码', '集体经济收入（万元）', '党员数（人）'],
	[1, { value: '蒿坪镇', rowSpan: 3 }, '王家河村', Number(hp('王家河村')), 12.6, 42],
	[2, null, '蒿坪村', Number(hp('蒿坪村')), 6.3, 38],
	[3, null, '改革村', Number(hp('改革村')), 0, 24],
	[null, '蒿坪镇小计', null, null, 18.9, 104],
	[4, { value: '城关镇', rowSpan: 2 }, '新田村', Number(cg('新田村')), 5.2, 35],
	[5, null, '太平村', Number(cg('太平村')), 4.8, 31],
	[null, '城关镇小计', null, null, 10, 66],
	['合计', null, null, null, 28.9, 170],
	['填表人：张三　审核人：李四', null, null, null, null, null]
];
write('merged-title.xlsx', await stableXlsx(title));

// 4. xlsx, wide by year: one column per year, the indicator and unit named in the title only.
const wide: SheetData = [
	[{ value: '紫阳县2019—2021年村集体经济收入（元）', columnSpan: 5 }, null, null, null, null],
	['行政区划代码', '村名', '2019年', '2020年', '2021年'],
	[Number(codeOf('蒿坪镇', '王家河村')), '王家河村', 98000, 128000, 156000],
	[Number(codeOf('高桥镇', '裴坝村')), '裴坝村', 45000, 96000, 121000],
	[Number(codeOf('界岭镇', '斑桃村')), '斑桃村', 0, 31000, null],
	[Number(codeOf('焕古镇', '东红村')), '东红村', 52000, 88000, 103000]
];
write('wide-by-year.xlsx', await stableXlsx(wide));

// 5. Plain UTF-8 CSV keyed by catalogue keys: a duplicate row, codes this region does not have
//    (well-formed, another county's, a 18-character credit code), a negative count, a value
//    that is not a number.
const wjh = codeOf('蒿坪镇', '王家河村');
const UNKNOWN = '610924199299';
if (units.some((u) => u.code === UNKNOWN)) throw new Error(`${UNKNOWN} must stay unknown`);
write(
	'duplicates-unknown.csv',
	new TextEncoder().encode(
		csv([
			['code', 'year', 'collective_income', 'party_members'],
			[wjh, 2022, 160000, 44],
			[codeOf('城关镇', '新田村'), 2022, 61000, 36],
			[wjh, 2022, 165000, 45],
			['610924199299', 2022, 20000, 10],
			['610902001001', 2022, 70000, 30],
			['91610924MA70XXXX0X', 2022, 1000, 1],
			[codeOf('城关镇', '太平村'), 2022, 48000, -3],
			[codeOf('城关镇', '新桃村'), 2022, '待定', 29],
			[codeOf('城关镇', '新田村'), 2023, 66000, 37],
			[codeOf('城关镇', '新田村'), 2022, 61000, 36]
		])
	)
);
