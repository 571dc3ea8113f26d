import type { Geometry } from 'geojson';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeWkb } from '../geo/wkb';
import {
	cellText,
	findCodeColumns,
	locateColumns,
	neutraliseFormula,
	safeFileName,
	toCsv,
	toGeoJson,
	toHex,
	type Row
} from './table-export';

beforeEach(() => {
	expect.hasAssertions();
});

/** A strict RFC 4180 reader (CRLF records, "" inside quoted fields), to read our CSV back. */
function readCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = 0;
	while (i < text.length) {
		if (text[i] === '"') {
			for (i++; !(text[i] === '"' && text[i + 1] !== '"'); i++) {
				if (i >= text.length) throw new Error('unclosed quote');
				if (text[i] === '"') i++;
				field += text[i];
			}
			i++;
		} else if (text[i] === ',') {
			record.push(field);
			field = '';
			i++;
		} else if (text.startsWith('\r\n', i)) {
			records.push([...record, field]);
			record = [];
			field = '';
			i += 2;
		} else {
			field += text[i++];
		}
	}
	if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
	return records;
}

const body = (csv: string) => readCsv(csv.slice(1));

describe('toCsv', () => {
	it('opens with a UTF-8 BOM and ends every record with CRLF', () => {
		const csv = toCsv(['a', 'b'], [[1, 2]]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('a,b\r\n1,2\r\n');
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});

	it('quotes a field only when it holds a comma, quote, CR or LF', () => {
		const csv = toCsv(['t'], [['plain'], ['a,b'], ['say "hi"'], ['two\nlines'], ['cr\rhere']]);
		expect(csv.slice(1).split('\r\n').slice(0, 4)).toEqual(['t', 'plain', '"a,b"', '"say ""hi"""']);
		expect(body(csv)).toEqual([
			['t'],
			['plain'],
			['a,b'],
			['say "hi"'],
			['two\nlines'],
			['cr\rhere']
		]);
	});

	it('round-trips Chinese names and keeps 12-digit codes digit for digit', () => {
		const rows: Row[] = [
			['610924101215', '蒿坪镇双桥村', 0.125],
			['110101001001', '东华门街道，多福巷社区', 3]
		];
		expect(body(toCsv(['code', 'name', 'rate'], rows))).toEqual([
			['code', 'name', 'rate'],
			['610924101215', '蒿坪镇双桥村', '0.125'],
			['110101001001', '东华门街道，多福巷社区', '3']
		]);
	});

	it('writes bigints as their digits, booleans as words, null as empty and bytes as hex', () => {
		const csv = toCsv(
			['n', 'b', 'z', 'w'],
			[[9007199254740993n, true, null, new Uint8Array([1, 3, 255])]]
		);
		expect(body(csv)[1]).toEqual(['9007199254740993', 'true', '', '0103FF']);
	});

	it('writes a short row with empty fields for the missing cells', () => {
		expect(body(toCsv(['a', 'b', 'c'], [['x']]))[1]).toEqual(['x', '', '']);
	});

	it('writes a header line alone for a result with no rows', () => {
		expect(toCsv(['code', '名称'], [])).toBe('\uFEFFcode,名称\r\n');
	});

	it.each([
		['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
		['+1', "'+1"],
		['-1+1', "'-1+1"],
		['@SUM(A1:A9)', "'@SUM(A1:A9)"],
		['\t=1+1', "'\t=1+1"],
		['\r=1+1', "'\r=1+1"],
		['-5', "'-5"]
	])('neutralises the text %j as %j', (text, safe) => {
		expect(neutraliseFormula(text)).toBe(safe);
		expect(body(toCsv(['t'], [[text]]))[1]).toEqual([safe]);
	});

	it('keeps every number a number: a negative or signed decimal is never prefixed', () => {
		expect([-3.5, -0.001, -1e-7, 0, -12n].map(cellText)).toEqual([
			'-3.5',
			'-0.001',
			'-1e-7',
			'0',
			'-12'
		]);
		expect(
			body(
				toCsv(
					['+cmd', 'n'],
					[
						['+cmd', -3.5],
						['@SUM(1)', -1]
					]
				)
			)
		).toEqual([
			["'+cmd", 'n'],
			["'+cmd", '-3.5'],
			["'@SUM(1)", '-1']
		]);
	});

	it('leaves text that cannot start a formula alone', () => {
		for (const text of ['a=b', '1+1', "'=already", ' =spaced', '', '610924000001'])
			expect(neutraliseFormula(text)).toBe(text);
	});

	it('never alters a genuine number, however it starts', () => {
		const csv = toCsv(['n'], [[-5], [-0.25], [-12n], [1e21], [-Infinity]]);
		expect(body(csv).slice(1).flat()).toEqual(['-5', '-0.25', '-12', '1e+21', '-Infinity']);
	});

	it('neutralises header names too (a column alias is text someone typed)', () => {
		expect(body(toCsv(['=cmd', 'ok'], []))[0]).toEqual(["'=cmd", 'ok']);
	});
});

describe('cellText and toHex', () => {
	it('writes each kind of cell as its text', () => {
		expect([null, undefined, 'x', 3.5, 10n, false].map(cellText)).toEqual([
			'',
			'',
			'x',
			'3.5',
			'10',
			'false'
		]);
		expect(toHex(new Uint8Array([0, 15, 16, 171]))).toBe('000F10AB');
	});
});

const square: [number, number][] = [
	[108.5, 32.5],
	[108.6, 32.5],
	[108.6, 32.6],
	[108.5, 32.6],
	[108.5, 32.5]
];
const shifted = square.map(([x, y]) => [x + 1, y] as [number, number]);
const pointWkb = (() => {
	const bytes = new Uint8Array(21);
	const view = new DataView(bytes.buffer);
	view.setUint8(0, 1);
	view.setUint32(1, 1, true);
	return bytes;
})();

describe('findCodeColumns', () => {
	it('ranks a row’s own code before its parents’ and named columns before guessed ones', () => {
		const columns = ['parent_code', 'township_code', 'name', 'code', 'other'];
		const rows: Row[] = [['610924', '610924101', '双桥村', '610924101215', '610924101216']];
		expect(findCodeColumns(columns, rows)).toEqual([3, 1, 0, 4]);
	});

	it('accepts integers in a column named like a code, but not in any other column', () => {
		const rows: Row[] = [[610924101215n, 610924, 123456]];
		expect(findCodeColumns(['village_code', '县代码', 'households'], rows)).toEqual([0, 1]);
	});

	it('rejects a code-named column whose values are not division codes', () => {
		expect(findCodeColumns(['code'], [['poverty_rate']])).toEqual([]);
		expect(findCodeColumns(['code'], [['6109241012']])).toEqual([]);
	});

	it('guesses a text column only when its codes start with a real province', () => {
		expect(findCodeColumns(['postcode'], [['725000'], ['100000']])).toEqual([]);
		expect(findCodeColumns(['unit'], [['610924101'], [null]])).toEqual([0]);
	});
});

describe('locateColumns', () => {
	const wkb = encodeWkb([[square]]);

	it.each<[string, string[], Row[], ReturnType<typeof locateColumns>]>([
		[
			'a geom_wkb column',
			['code', 'geom_wkb'],
			[['610924', wkb]],
			{ kind: 'wkb', column: 'geom_wkb' }
		],
		[
			'an unnamed column of polygon WKB',
			['code', 'shape'],
			[['610924', wkb]],
			{ kind: 'wkb', column: 'shape' }
		],
		[
			'lon and lat',
			['name', 'lon', 'lat'],
			[['厂', 108.5, 32.7]],
			{ kind: 'lonlat', lon: 'lon', lat: 'lat' }
		],
		[
			'LNG and LAT in capitals',
			['LNG', 'LAT'],
			[[108.5, 32.7]],
			{ kind: 'lonlat', lon: 'LNG', lat: 'LAT' }
		],
		[
			'longitude and latitude',
			['longitude', 'latitude'],
			[[108.5, 32.7]],
			{ kind: 'lonlat', lon: 'longitude', lat: 'latitude' }
		],
		['x and y in degrees', ['x', 'y'], [[108.5, 32.7]], { kind: 'lonlat', lon: 'x', lat: 'y' }],
		[
			'boundary centroids',
			['code', 'cx', 'cy'],
			[['610924', 108.5, 32.7]],
			{ kind: 'lonlat', lon: 'cx', lat: 'cy' }
		],
		[
			'经度 and 纬度',
			['名称', '经度', '纬度'],
			[['厂', 108.5, 32.7]],
			{ kind: 'lonlat', lon: '经度', lat: '纬度' }
		],
		['a code column', ['code', 'value'], [['610924101215', 1]], { kind: 'code', column: 'code' }],
		[
			'a village_code column',
			['village_code', 'n'],
			[['610924101215', 1]],
			{ kind: 'code', column: 'village_code' }
		],
		[
			'a township_code column',
			['township_code', 'n'],
			[['610924101', 1]],
			{ kind: 'code', column: 'township_code' }
		],
		[
			'a column of codes under another name',
			['单位', 'n'],
			[['610924', 1]],
			{ kind: 'code', column: '单位' }
		],
		['nothing to place', ['key', 'value'], [['poverty_rate', 0.1]], { kind: 'none' }]
	])('finds %s', (_, columns, rows, expected) => {
		expect(locateColumns(columns, rows)).toEqual(expected);
	});

	it('prefers WKB to lon/lat and lon/lat to a code', () => {
		const columns = ['code', 'lon', 'lat', 'geom_wkb'];
		expect(locateColumns(columns, [['610924', 108.5, 32.7, wkb]]).kind).toBe('wkb');
		expect(locateColumns(columns.slice(0, 3), [['610924', 108.5, 32.7]]).kind).toBe('lonlat');
	});

	it('does not take projected x/y metres for degrees', () => {
		expect(locateColumns(['x', 'y'], [[500_000, 3_600_000]])).toEqual({ kind: 'none' });
	});

	it('does not offer point WKB, which geo/wkb.ts cannot decode', () => {
		expect(locateColumns(['geom_wkb'], [[pointWkb]])).toEqual({ kind: 'none' });
	});

	it('looks past nulls, and decides by names alone when there are no rows', () => {
		expect(
			locateColumns(
				['lon', 'lat'],
				[
					[null, null],
					[108.5, 32.7]
				]
			).kind
		).toBe('lonlat');
		expect(locateColumns(['code', 'geom_wkb'], [])).toEqual({ kind: 'wkb', column: 'geom_wkb' });
	});
});

describe('toGeoJson', () => {
	it('turns WKB into Polygon and MultiPolygon geometries and drops the bytes from properties', () => {
		const rows: Row[] = [
			['610924101215', '双桥村', encodeWkb([[square]])],
			['610924101216', '两河村', encodeWkb([[square], [shifted]])]
		];
		const fc = toGeoJson(['code', 'name', 'geom_wkb'], rows);
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'MultiPolygon']);
		expect(fc.features[0]?.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
		expect(fc.features[1]?.properties).toEqual({ code: '610924101216', name: '两河村' });
	});

	it('turns lon and lat into points and keeps the other columns as properties', () => {
		const fc = toGeoJson(['name', 'lon', 'lat', 'jobs'], [['社区工厂', 108.52, 32.71, 40]]);
		expect(fc.features[0]).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [108.52, 32.71] },
			properties: { name: '社区工厂', jobs: 40 }
		});
	});

	it('looks a code up through the caller and keeps the code as a property', () => {
		const shape: Geometry = { type: 'Polygon', coordinates: [square] };
		const seen: string[] = [];
		const geometryOf = (code: string) => (seen.push(code), code === '610924101215' ? shape : null);
		const fc = toGeoJson(
			['village_code', 'rate'],
			[
				['610924101215', 0.5],
				['610924999999', 0.2]
			],
			geometryOf
		);
		expect(seen).toEqual(['610924101215', '610924999999']);
		expect(fc.features.map((f) => f.geometry)).toEqual([shape, null]);
		expect(fc.features[1]?.properties).toEqual({ village_code: '610924999999', rate: 0.2 });
	});

	it('still exports rows whose geometry is missing, with a null geometry', () => {
		const rows: Row[] = [
			['有', 108.5, 32.7],
			['无', null, null],
			['坏', Number.NaN, 32.7]
		];
		const fc = toGeoJson(['name', 'lon', 'lat'], rows);
		expect(fc.features.map((f) => f.geometry?.type ?? null)).toEqual(['Point', null, null]);
		const broken = toGeoJson(['geom_wkb'], [[pointWkb]], undefined, {
			kind: 'wkb',
			column: 'geom_wkb'
		});
		expect(broken.features[0]?.geometry).toBeNull();
	});

	it('exports every row with a null geometry when the result has nothing to place', () => {
		const fc = toGeoJson(
			['key', 'value'],
			[
				['a', 1],
				['b', 2]
			]
		);
		expect(fc.features.map((f) => [f.geometry, f.properties])).toEqual([
			[null, { key: 'a', value: 1 }],
			[null, { key: 'b', value: 2 }]
		]);
	});

	it('writes bigints as numbers while exact and as strings beyond, bytes as hex, NaN as null', () => {
		const fc = toGeoJson(
			['a', 'b', 'c', 'd'],
			[[42n, 2n ** 60n, new Uint8Array([171]), Number.NaN]]
		);
		expect(fc.features[0]?.properties).toEqual({
			a: 42,
			b: '1152921504606846976',
			c: 'AB',
			d: null
		});
		expect(() => JSON.stringify(fc)).not.toThrow();
	});

	it('keeps repeated column names apart', () => {
		const fc = toGeoJson(['code', 'code', 'code'], [['610924', '610925', '610926']], () => null, {
			kind: 'none'
		});
		expect(fc.features[0]?.properties).toEqual({
			code: '610924',
			code_2: '610925',
			code_3: '610926'
		});
	});

	it('does not neutralise texts (no JSON reader runs formulas)', () => {
		const fc = toGeoJson(['t'], [['=1+1']]);
		expect(fc.features[0]?.properties).toEqual({ t: '=1+1' });
	});
});

describe('safeFileName', () => {
	it.each([
		['紫阳县 村级指标 2024.csv', '紫阳县 村级指标 2024.csv'],
		['../../etc/passwd', '_.._etc_passwd'],
		['a\\b/c:d*e?f"g<h>i|j.xlsx', 'a_b_c_d_e_f_g_h_i_j.xlsx'],
		['tab\there\n.csv', 'tab_here_.csv'],
		['  .hidden.  ', 'hidden'],
		['CON.csv', '_CON.csv'],
		['///', 'export'],
		['', 'export']
	])('makes %j safe as %j', (name, safe) => {
		expect(safeFileName(name)).toBe(safe);
	});

	it('cuts a long name before its extension', () => {
		const name = safeFileName(`${'村'.repeat(200)}.geojson`);
		expect(Array.from(name).length).toBe(80);
		expect(name.endsWith('村.geojson')).toBe(true);
	});
});
