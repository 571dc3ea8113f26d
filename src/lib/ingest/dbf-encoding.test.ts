import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dbfTextBytes, resolveDbfEncoding } from './dbf-encoding';

/** The .dbf inside a fixture zip. */
function dbfOf(fixture: string): Uint8Array {
	const files = unzipSync(new Uint8Array(readFileSync(`tests/fixtures/import/${fixture}`)));
	const [, dbf] =
		Object.entries(files).find(([n]) => /\.dbf$/i.test(n) && !n.startsWith('__')) ?? [];
	if (!dbf) throw new Error(`no .dbf in ${fixture}`);
	return dbf;
}

const GBK_LDID_4D = dbfOf('boundary-gbk-no-cpg.zip');
const GBK_LDID_00 = dbfOf('boundary-gbk-cpg936.zip');
const UTF8_LDID_00 = dbfOf('boundary-gk36-prj.zip');
const withDriver = (dbf: Uint8Array, byte: number) => {
	const out = dbf.slice();
	out[29] = byte;
	return out;
};

describe('dbfTextBytes', () => {
	it('collects field names and character values, and reads nothing from a stub', () => {
		const text = new TextDecoder('utf-8').decode(dbfTextBytes(UTF8_LDID_00));
		expect(text).toContain('XZQDM');
		expect(text).toContain('乡镇');
		expect(text).toContain('610924');
		expect(text).toMatch(/[\u4e00-\u9fff]+村/);
		expect(dbfTextBytes(new Uint8Array(10))).toHaveLength(0);
		expect(dbfTextBytes(UTF8_LDID_00.subarray(0, 100)).length).toBeGreaterThan(0);
	});
});

describe('resolveDbfEncoding', () => {
	it.each(['936', 'CP936', 'cp936', 'GBK', ' 936\r\n', 'ANSI 936'])(
		'follows a .cpg of %j',
		(cpg) => {
			expect(resolveDbfEncoding(GBK_LDID_00, cpg)).toEqual({ encoding: 'gbk', source: 'cpg' });
		}
	);

	it('reads the language-driver byte 0x4D as code page 936 when there is no .cpg', () => {
		expect(resolveDbfEncoding(GBK_LDID_4D)).toEqual({ encoding: 'gbk', source: 'language-driver' });
	});

	it('detects UTF-8, and GB18030 for non-UTF-8 bytes, when nothing is said', () => {
		expect(resolveDbfEncoding(UTF8_LDID_00)).toEqual({ encoding: 'utf-8', source: 'detected' });
		expect(resolveDbfEncoding(GBK_LDID_00)).toEqual({ encoding: 'gb18030', source: 'detected' });
		// 0x57 is "the writer's ANSI code page": unknown, so detection decides.
		expect(resolveDbfEncoding(withDriver(GBK_LDID_00, 0x57)).encoding).toBe('gb18030');
	});

	it('overrules a .cpg that says UTF-8 over GBK bytes, with a note', () => {
		const r = resolveDbfEncoding(GBK_LDID_00, 'UTF-8');
		expect(r).toMatchObject({ encoding: 'gb18030', source: 'detected' });
		expect(r.note?.reason_zh).toMatch(/\.cpg 标明 UTF-8/);
		expect(resolveDbfEncoding(UTF8_LDID_00, 'UTF-8')).toEqual({ encoding: 'utf-8', source: 'cpg' });
	});

	it('notes an unknown .cpg and falls back to the header, then to detection', () => {
		const viaDriver = resolveDbfEncoding(GBK_LDID_4D, 'KLINGON');
		expect(viaDriver).toMatchObject({ encoding: 'gbk', source: 'language-driver' });
		expect(viaDriver.note?.reason_en).toMatch(/KLINGON/);
		expect(resolveDbfEncoding(UTF8_LDID_00, '')).toMatchObject({
			encoding: 'utf-8',
			source: 'detected'
		});
	});
});
