import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	Dictionary,
	Int32,
	makeData,
	makeVector,
	Table,
	tableFromArrays,
	tableFromIPC,
	Utf8,
	vectorFromArray
} from 'apache-arrow';
import { columnValues, textValues } from './arrow-columns';

const WORDS = ['610924101200', '王家河村', '', '𠮷野家', 'a,"b"', '双星社区', null, 'ok'];

describe('textValues reads a text column as columnValues does, in bulk', () => {
	it('ASCII, Chinese, astral characters, empty strings and nulls', () => {
		const t = new Table({ s: vectorFromArray(WORDS, new Utf8()) });
		expect(textValues(t, 's')).toEqual(columnValues(t, 's'));
		expect(textValues(t, 's')).toEqual(WORDS);
	});

	it('several record batches and a slice of them', () => {
		const a = tableFromArrays({ s: ['x', '甲', 'yy'] });
		const b = tableFromArrays({ s: ['乙', 'zz', '丙丁'] });
		const t = a.concat(b);
		expect(textValues(t, 's')).toEqual(['x', '甲', 'yy', '乙', 'zz', '丙丁']);
		expect(textValues(t.slice(1, 5), 's')).toEqual(['甲', 'yy', '乙', 'zz']);
	});

	it('a dictionary of strings, nulls included', () => {
		const v = vectorFromArray(
			['村', null, '社区', '村', 'x'],
			new Dictionary(new Utf8(), new Int32())
		);
		const t = new Table({ s: v });
		expect(textValues(t, 's')).toEqual(['村', null, '社区', '村', 'x']);
	});

	it('bytes that are not UTF-8: the same replacement characters as value by value', () => {
		const values = Uint8Array.from([0x61, 0xff, 0x62, 0xe6, 0x9d, 0x91, 0xc3]);
		const data = makeData({
			type: new Utf8(),
			length: 3,
			valueOffsets: Int32Array.from([0, 3, 6, 7]),
			data: values
		});
		const t = new Table({ s: makeVector(data) });
		expect(textValues(t, 's')).toEqual(columnValues(t, 's'));
	});

	it('a missing column is empty; a numeric column falls back to columnValues', () => {
		const t = tableFromArrays({ n: Float64Array.from([1, 2]) });
		expect(textValues(t, 'nope')).toEqual([]);
		expect(textValues(t, 'n')).toEqual([1, 2]);
	});

	it.each([
		['region.arrow', ['code', 'name', 'full_name', 'level', 'parent_code']],
		['indicator.arrow', ['code', 'key', 'text']],
		['site.arrow', ['id', 'name', 'community_id']]
	])('every text column of 紫阳县’s %s', (file, cols) => {
		const t = tableFromIPC(readFileSync(`static/data/610924/${file}`));
		for (const c of cols) expect(textValues(t, c), c).toEqual(columnValues(t, c));
	});
});
