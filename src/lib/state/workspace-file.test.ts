/**
 * The workspace file: a round trip keeps every part byte for byte (Chinese and awkward file
 * names, compressed and plain imports); each way a file can be wrong gives its own clear reason;
 * and thousands of truncated, bit-flipped and random inputs (fast-check, fixed seed) end in a
 * result — never an exception, never an import whose bytes differ from what was recorded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { ImportEntry } from './import-entry';
import { crc32, readWorkspace, writeWorkspace, type WorkspaceParts } from './workspace-file';

function entry(id: string, fileName: string, size: number): ImportEntry {
	return {
		id,
		fileName,
		kind: fileName.endsWith('.zip') ? 'boundary' : 'table',
		region: '610924',
		importedAt: '2026-11-30T08:00:00.000Z',
		size,
		overrides: {
			'2': { role: 'new', key: 'office_fund', label: '办公经费', unit: '元', year: 2023 }
		},
		newIndicators: [
			{
				key: 'office_fund',
				theme: 'collective',
				label_zh: '办公经费',
				label_en: 'Office fund',
				unit: '元',
				kind: 'amount',
				default_classes: '[]',
				better: 'higher'
			}
		],
		options: { sheet: 0, encoding: 'gb18030', year: null }
	};
}

const csv = strToU8('代码,村名,集体经济收入\n610924100001,城关社区,250000\n'.repeat(40));
const shp = Uint8Array.from([0x50, 0x4b, 3, 4, ...Array.from({ length: 600 }, (_, i) => i % 256)]);

const parts: WorkspaceParts = {
	region: '610924',
	savedAt: '2026-11-30T09:00:00.000Z',
	imports: [
		{ entry: entry('m1-abc', '集体经济/2020:表?.csv', csv.length), bytes: csv },
		{ entry: entry('m2-def', '边界 (CGCS2000).zip', shp.length), bytes: shp }
	],
	views: [
		{
			id: 'v1',
			title: '薄弱村',
			note: '三万到五万',
			query: 'indicator=collective_income',
			savedAt: 'x'
		}
	],
	queries: [{ id: 'q1', name: '收入', sql: 'SELECT * FROM v_collective', at: '2026-11-30' }],
	planner: 'year=2023&combine=or'
};

const file = writeWorkspace(parts);

/** A zip of our shape with its manifest replaced (or its files changed). */
function rezip(change: (m: Record<string, unknown>) => unknown, drop: string[] = []): Uint8Array {
	const files = unzipSync(file);
	const m = JSON.parse(new TextDecoder().decode(files['workspace.json'])) as Record<
		string,
		unknown
	>;
	files['workspace.json'] = strToU8(JSON.stringify(change(m) ?? m));
	for (const d of drop) delete files[d];
	return zipSync(files);
}

function expectReason(bytes: Uint8Array, zh: string, en: RegExp, max?: number) {
	const r = readWorkspace(bytes, max);
	expect(r.ok).toBe(false);
	if (r.ok) return;
	expect(r.reason_zh).toContain(zh);
	expect(r.reason_en).toMatch(en);
}

describe('writeWorkspace / readWorkspace', () => {
	it('round-trips every part, files under imports/<id>/<safe name>', () => {
		const names = Object.keys(unzipSync(file)).sort();
		expect(names).toEqual([
			'imports/m1-abc/集体经济_2020_表_.csv',
			'imports/m2-def/边界 (CGCS2000).zip',
			'workspace.json'
		]);
		const back = readWorkspace(file);
		expect(back).toEqual({ ok: true, parts });
		expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
	});

	it('says what is wrong with a file that is not a workspace, or not whole', () => {
		expectReason(new Uint8Array(0), '不是村情地图的工作区', /not a Village Atlas workspace/);
		expectReason(strToU8('{"kind":"village-atlas/views"}'.repeat(3)), '不是', /not a Village/);
		expectReason(zipSync({ 'a.txt': strToU8('hello') }), '不是', /not a Village/);
		expectReason(
			rezip((m) => ({ ...m, kind: 'other' })),
			'不是',
			/not a Village/
		);
		expectReason(
			rezip((m) => ({ ...m, version: 2 })),
			'更新版本',
			/newer Village Atlas \(format 2\)/
		);
		expectReason(file.subarray(0, file.length - 30), '已损坏或不完整', /damaged or incomplete/);
		expectReason(
			rezip((m) => m, ['imports/m1-abc/集体经济_2020_表_.csv']),
			'缺少导入文件',
			/lacks/
		);
		expectReason(
			rezip((m) => ({ ...m, imports: [...(m.imports as object[]), { id: '../x' }] })),
			'导入记录',
			/import records/
		);
		expectReason(
			rezip((m) => ({ ...m, views: 'x' })),
			'已存视图',
			/saved views/
		);
		const files = unzipSync(file);
		const changed = files['imports/m2-def/边界 (CGCS2000).zip'] as Uint8Array;
		changed[100] = (changed[100] as number) ^ 0xff;
		expectReason(zipSync(files), '已损坏', /is damaged/);
		expectReason(file, '超过 1 KB', /more than 1 KB/, 1024);
		// A zip64 locator before the end record: never ours, and fflate would trust its counts.
		const locator = Uint8Array.from([0x50, 0x4b, 6, 7, ...new Array<number>(16).fill(0xff)]);
		const eocd = file.length - 22;
		const zip64 = Uint8Array.from([...file.subarray(0, eocd), ...locator, ...file.subarray(eocd)]);
		expectReason(zip64, '不是', /not a Village/);
	});
});

describe('readWorkspace on damaged bytes (fast-check)', () => {
	const check = (bytes: Uint8Array) => {
		let r: ReturnType<typeof readWorkspace> | undefined;
		expect(() => (r = readWorkspace(bytes))).not.toThrow();
		if (!r) return;
		if (!r.ok) {
			expect(r.reason_zh.length).toBeGreaterThan(5);
			expect(r.reason_en.length).toBeGreaterThan(5);
		} else {
			for (const i of r.parts.imports) expect(i.bytes.byteLength).toBe(i.entry.size);
		}
		return r;
	};

	it('every truncation is refused with a reason', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: file.length - 1 }), (cut) => {
				expect(check(file.subarray(0, cut))?.ok).toBe(false);
			}),
			{ numRuns: 1000, seed: 11 }
		);
	});

	it('flipped bytes end in a reason or in the same imports, never an exception', () => {
		const pos = fc.integer({ min: 0, max: file.length - 1 });
		fc.assert(
			fc.property(
				fc.array(fc.tuple(pos, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }),
				(flips) => {
					const bytes = file.slice();
					for (const [at, x] of flips) bytes[at] = (bytes[at] as number) ^ x;
					const r = check(bytes);
					if (r?.ok)
						expect(r.parts.imports.map((i) => i.bytes)).toEqual(parts.imports.map((i) => i.bytes));
				}
			),
			{ numRuns: 1000, seed: 12 }
		);
	});

	it('random bytes, zip-looking or not, are refused', () => {
		const junk = fc.uint8Array({ maxLength: 3000 });
		const zipLike = junk.map((b) => Uint8Array.from([0x50, 0x4b, 5, 6, ...b, 0x50, 0x4b, 5, 6]));
		fc.assert(
			fc.property(fc.oneof(junk, zipLike), (bytes) => {
				expect(check(bytes)?.ok).toBe(false);
			}),
			{ numRuns: 1000, seed: 13 }
		);
	});

	it('round-trips any imports (names, ids, bytes)', () => {
		const anImport = fc.record({
			id: fc.stringMatching(/^[\w-]{1,20}$/),
			name: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
			bytes: fc.uint8Array({ maxLength: 500 })
		});
		fc.assert(
			fc.property(fc.uniqueArray(anImport, { selector: (i) => i.id, maxLength: 4 }), (list) => {
				const p: WorkspaceParts = {
					...parts,
					imports: list.map((i) => ({ entry: entry(i.id, i.name, i.bytes.length), bytes: i.bytes }))
				};
				expect(readWorkspace(writeWorkspace(p))).toEqual({ ok: true, parts: p });
			}),
			{ numRuns: 200, seed: 14 }
		);
	});
});
