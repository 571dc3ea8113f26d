import { describe, expect, it } from 'vitest';
import {
	decodeText,
	encodingFromCpg,
	encodingFromDbfLanguageDriver,
	isStrictUtf8
} from './text-encoding';

// 紫阳县 in GBK (= GB18030 for these characters): D7CF D1F4 CFD8.
const ZIYANG_GBK = [0xd7, 0xcf, 0xd1, 0xf4, 0xcf, 0xd8];
const ZIYANG_UTF8 = [...new TextEncoder().encode('紫阳县')];
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());
const ascii = (s: string) => [...new TextEncoder().encode(s)];

describe('decodeText', () => {
	const cases: [string, Uint8Array, string | undefined, string, string, string][] = [
		[
			'a UTF-8 BOM decides, and is removed',
			bytes([0xef, 0xbb, 0xbf], ZIYANG_UTF8),
			undefined,
			'紫阳县',
			'utf-8',
			'bom'
		],
		[
			'a UTF-8 BOM beats a GBK hint',
			bytes([0xef, 0xbb, 0xbf], ZIYANG_UTF8),
			'936',
			'紫阳县',
			'utf-8',
			'bom'
		],
		[
			'UTF-16LE with BOM (Excel "Unicode text") decodes',
			bytes([0xff, 0xfe, 0x2b, 0x7d, 0x33, 0x96]),
			undefined,
			'紫阳',
			'utf-16le',
			'bom'
		],
		[
			'valid UTF-8 without BOM is UTF-8',
			bytes(ZIYANG_UTF8),
			undefined,
			'紫阳县',
			'utf-8',
			'detected'
		],
		['pure ASCII is UTF-8', bytes(ascii('code,name')), undefined, 'code,name', 'utf-8', 'detected'],
		[
			'bytes that are not UTF-8 are GB18030',
			bytes(ZIYANG_GBK),
			undefined,
			'紫阳县',
			'gb18030',
			'detected'
		],
		['a GBK hint decodes through GB18030', bytes(ZIYANG_GBK), 'GBK', '紫阳县', 'gb18030', 'hint'],
		['a .cpg number works as a hint', bytes(ZIYANG_GBK), '936', '紫阳县', 'gb18030', 'hint'],
		[
			'a UTF-8 hint on GBK bytes falls back to GB18030',
			bytes(ZIYANG_GBK),
			'UTF-8',
			'紫阳县',
			'gb18030',
			'detected'
		],
		[
			'a windows-1252 hint is obeyed',
			bytes([0x63, 0x61, 0x66, 0xe9]),
			'ANSI 1252',
			'café',
			'windows-1252',
			'hint'
		],
		['a cp437 hint uses the built-in table', bytes([0x82, 0x41]), 'ibm437', 'éA', 'ibm437', 'hint'],
		['an unusable hint is ignored', bytes(ZIYANG_UTF8), 'klingon', '紫阳县', 'utf-8', 'detected'],
		['empty bytes are empty UTF-8 text', bytes(), undefined, '', 'utf-8', 'detected']
	];
	it.each(cases)('%s', (_, input, hint, text, encoding, source) => {
		expect(decodeText(input, hint)).toEqual({ text, encoding, source });
	});

	it('decodes a four-byte GB18030 sequence (rare name characters GBK lacks)', () => {
		// U+20000 𠀀 is 95 32 82 36 in GB18030.
		expect(decodeText(bytes([0x95, 0x32, 0x82, 0x36])).text).toBe('𠀀');
	});
});

describe('isStrictUtf8', () => {
	it.each([
		['ASCII', bytes(ascii('abc')), true],
		['Chinese in UTF-8', bytes(ZIYANG_UTF8), true],
		['Chinese in GBK', bytes(ZIYANG_GBK), false],
		['a truncated UTF-8 sequence', bytes(ZIYANG_UTF8.slice(0, 2)), false]
	])('%s → %s', (_, input, expected) => {
		expect(isStrictUtf8(input)).toBe(expected);
	});
});

describe('encodingFromCpg', () => {
	it.each([
		['936', 'gbk'],
		['CP936', 'gbk'],
		['cp936\n', 'gbk'],
		['GBK', 'gbk'],
		['GB2312', 'gbk'],
		['ANSI 936', 'gbk'],
		['GB18030', 'gb18030'],
		['UTF-8', 'utf-8'],
		['UTF8', 'utf-8'],
		['utf_8', 'utf-8'],
		['65001', 'utf-8'],
		['ANSI 1252', 'windows-1252'],
		['1252', 'windows-1252'],
		['ISO-8859-1', 'windows-1252'],
		['950', 'big5'],
		['BIG5', 'big5'],
		['437', 'ibm437'],
		['', null],
		['OEM', null],
		['99999', null]
	])('%j → %s', (label, expected) => {
		expect(encodingFromCpg(label)).toBe(expected);
	});
});

describe('encodingFromDbfLanguageDriver', () => {
	it.each([
		[0x4d, 'gbk'],
		[0x7a, 'gbk'],
		[0x4f, 'big5'],
		[0x03, 'windows-1252'],
		[0x01, 'ibm437'],
		[0xc9, 'windows-1251'],
		// "Current ANSI code page": the writer's locale, 936 on a Chinese PC — left to detection.
		[0x57, null],
		[0x00, null],
		[0xff, null]
	])('0x%s → %s', (byte, expected) => {
		expect(encodingFromDbfLanguageDriver(byte)).toBe(expected);
	});
});
