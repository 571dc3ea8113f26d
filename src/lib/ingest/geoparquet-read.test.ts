import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from './boundary-types';
import { readGeoParquet } from './geoparquet-read';

const FIXTURE = new Uint8Array(readFileSync('tests/fixtures/import/boundary-villages.parquet'));

/** The fixture with the first occurrence of `from` replaced by `to` (same length). */
function patched(from: number[] | string, to: number[] | string): Uint8Array {
	const bytes = (v: number[] | string) =>
		typeof v === 'string' ? [...new TextEncoder().encode(v)] : v;
	const [f, t] = [bytes(from), bytes(to)];
	const out = FIXTURE.slice();
	for (let i = 0; i + f.length <= out.length; i++) {
		if (f.every((b, k) => out[i + k] === b)) {
			out.set(t, i);
			return out;
		}
	}
	throw new Error(`patched: ${String(from)} not found`);
}

async function failure(bytes: Uint8Array): Promise<IngestError> {
	try {
		await readGeoParquet(bytes);
	} catch (e) {
		if (e instanceof IngestError) return e;
		throw e;
	}
	throw new Error('expected an IngestError');
}

describe('readGeoParquet', () => {
	it('reads the fixture: ten polygons, the point row skipped, the PROJJSON crs handed on', async () => {
		const { raw, geometryColumn, crs } = await readGeoParquet(FIXTURE);
		expect(geometryColumn).toBe('geometry');
		expect(crs).toMatchObject({ id: { authority: 'EPSG', code: 4490 } });
		expect(raw.total).toBe(11);
		expect(raw.features).toHaveLength(10);
		expect(raw.skipped).toMatchObject([{ featureIndex: 10, reason_zh: '点要素，不是面，未导入' }]);
		for (const f of raw.features) {
			expect(Object.keys(f.properties)).toEqual(['code', 'name', 'township']);
			expect(f.properties.name).toMatch(/村$/);
		}
		expect(raw.features[0]?.polygons.length).toBeGreaterThan(1);
	});

	it('finds a column named geometry when the file has no GeoParquet metadata, and says so', async () => {
		const { raw } = await readGeoParquet(
			patched(
				[0x18, 0x03, ...new TextEncoder().encode('geo')],
				[0x18, 0x03, ...new TextEncoder().encode('gex')]
			)
		);
		expect(raw.features).toHaveLength(10);
		expect(raw.notes[0]?.reason_en).toMatch(/no GeoParquet metadata/);
	});

	it('rejects one record whose WKB is corrupt, keeping the rest', async () => {
		const { raw } = await readGeoParquet(patched([1, 6, 0, 0, 0], [1, 99, 0, 0, 0]));
		expect(raw.rejected).toMatchObject([{ featureIndex: 0, reason_en: 'corrupt WKB geometry' }]);
		expect(raw.features).toHaveLength(9);
	});

	it.each([
		[
			'a non-WKB geometry encoding',
			() => patched('"encoding":"WKB"', '"encoding":"XYZ"'),
			'unsupported'
		],
		['a truncated file', () => FIXTURE.subarray(0, 2000), 'corrupt'],
		['a file without the magic', () => FIXTURE.subarray(4), 'corrupt'],
		['a broken footer', () => patched('"primary_column"', '"primary_colum\\'), 'corrupt'],
		[
			'random bytes with the magic',
			() => Uint8Array.from([80, 65, 82, 49, 9, 9, 9, 9, 9, 9, 9, 9, 80, 65, 82, 49]),
			'corrupt'
		]
	])('refuses %s with an IngestError', async (_, make, kind) => {
		expect((await failure(make())).kind).toBe(kind);
	});
});
