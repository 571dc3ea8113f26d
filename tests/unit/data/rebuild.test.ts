/**
 * Reproducibility and scale: rebuilding the committed regions (紫阳县, 岚皋县) gives their bytes exactly, and a fresh
 * build of 安康市 (6109, a whole city, 1,924 units) passes data:check and loads in DuckDB.
 * Each region is built once per run, into a temporary folder.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegion } from '../../../scripts/data/build-region';
import { checkDataset } from '../../../scripts/data/check';
import { writeRegion } from '../../../scripts/data/write';
import { writeFirstView } from '../../../scripts/data/first-view';
import { openDataset } from './duckdb';

const out = mkdtempSync(join(tmpdir(), 'village-atlas-data-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The regions committed under static/data, as its index lists them. */
const committed = (
	JSON.parse(readFileSync('static/data/index.json', 'utf8')) as { regions: { code: string }[] }
).regions.map((r) => r.code);

describe('rebuild of the committed regions', () => {
	beforeAll(async () => {
		for (const code of committed) await writeFirstView(writeRegion(buildRegion(code), out));
	}, 180_000);

	it('include the default 610924', () => {
		expect(committed).toContain('610924');
	});

	it.each(committed.flatMap((code) => readdirSync(`static/data/${code}`).map((f) => [code, f])))(
		'reproduces %s/%s byte for byte',
		(code, file) => {
			const fresh = readFileSync(join(out, code, file));
			const kept = readFileSync(join('static/data', code, file));
			expect(fresh.equals(kept)).toBe(true);
		}
	);

	it('writes the same index.json as committed', () => {
		expect(readFileSync(join(out, 'index.json'), 'utf8')).toBe(
			readFileSync('static/data/index.json', 'utf8')
		);
	});
});

describe('fresh build of 6109 安康市', () => {
	beforeAll(() => {
		writeRegion(buildRegion('6109'), out);
	}, 180_000);

	it('passes data:check', () => {
		const { errors, stats } = checkDataset(join(out, '6109'));
		expect(errors).toEqual([]);
		expect((stats.village ?? 0) + (stats.community ?? 0)).toBe(1924);
		expect(stats.county).toBe(10);
	});

	it('loads in DuckDB, every county with its outline (旬阳市 matched by name)', async () => {
		const db = await openDataset(join(out, '6109'));
		try {
			expect(db.one("SELECT count(*) FROM region WHERE level IN ('village','community')")).toBe(
				1924
			);
			expect(db.one("SELECT count(*) FROM boundary WHERE level = 'county'")).toBe(10);
			expect(db.one("SELECT count(*) FROM boundary WHERE code = '610981'")).toBe(1);
			const manifest = JSON.parse(readFileSync(join(out, '6109', 'manifest.json'), 'utf8'));
			expect(manifest.region).toMatchObject({ code: '6109', name: '安康市', level: 'city' });
		} finally {
			db.close();
		}
	});
});
