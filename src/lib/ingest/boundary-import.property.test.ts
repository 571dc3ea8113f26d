/**
 * Property: whatever bytes arrive — random, a fixture cut short, a fixture with bytes flipped
 * (also inside the shapefile's parts, re-zipped, so the parsers themselves see the damage) —
 * readBoundaryFile ends in a result or a clear zh/en error, never an exception. A result always
 * accounts for every record, and what it imports is valid and inside China.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validatePolygons } from '../geo/validate';
import { readBoundaryFile, type BoundaryImport } from './boundary-import';
import { CHINA_BOX } from './geometry-check';

const FIXTURES = [
	'boundary-gbk-no-cpg.zip',
	'boundary-gbk-cpg936.zip',
	'boundary-gk36-prj.zip',
	'boundary-bowtie.geojson',
	'boundary-villages.kml',
	'boundary-villages.parquet'
].map((name) => ({ name, bytes: new Uint8Array(readFileSync(`tests/fixtures/import/${name}`)) }));
const NAMES = ['a.zip', 'a.geojson', 'a.json', 'a.kml', 'a.kmz', 'a.parquet', 'a.shp', 'download'];
const MAGIC = [
	[0x50, 0x4b, 0x03, 0x04],
	[0x50, 0x41, 0x52, 0x31],
	[
		...new TextEncoder().encode(
			'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":'
		)
	],
	[...new TextEncoder().encode('<?xml version="1.0"?><kml><Placemark><Polygon>')]
];

let runs = 0;

/** The property every outcome must have. */
function expectClean(r: BoundaryImport) {
	runs++;
	if (!r.ok) {
		expect(typeof r.error.kind).toBe('string');
		expect(r.error.reason_zh.length).toBeGreaterThan(0);
		expect(r.error.reason_en.length).toBeGreaterThan(0);
		return;
	}
	const { report, features } = r;
	expect(report.imported + report.skipped.length + report.rejected.length).toBe(
		report.featuresRead
	);
	for (const n of [...report.skipped, ...report.rejected, ...report.fixed, ...report.repaired]) {
		expect(n.reason_zh.length * n.reason_en.length).toBeGreaterThan(0);
	}
	for (const f of features) {
		expect(validatePolygons(f.polygons)).toEqual([]);
		for (const [x, y] of f.polygons.flat(2)) {
			expect(x >= CHINA_BOX.minLon && x <= CHINA_BOX.maxLon).toBe(true);
			expect(y >= CHINA_BOX.minLat && y <= CHINA_BOX.maxLat).toBe(true);
		}
	}
}

const flips = (length: number) =>
	fc.array(fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: 255 })), {
		minLength: 1,
		maxLength: 8
	});
const flipped = (bytes: Uint8Array, list: [number, number][]) => {
	const out = bytes.slice();
	for (const [at, mask] of list) out[at] = (out[at] ?? 0) ^ mask;
	return out;
};

describe('readBoundaryFile never throws', () => {
	it('on random bytes under any name (1,000 runs)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...NAMES),
				fc.uint8Array({ maxLength: 2048 }),
				async (name, bytes) => {
					expectClean(await readBoundaryFile(name, bytes));
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('on random bytes behind each format’s magic (600 runs)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...MAGIC),
				fc.uint8Array({ maxLength: 1024 }),
				async (magic, tail) => {
					const bytes = new Uint8Array([...magic, ...tail]);
					expectClean(await readBoundaryFile('download', bytes));
				}
			),
			{ numRuns: 600 }
		);
	});

	for (const { name, bytes } of FIXTURES) {
		it(`on ${name} truncated or with bytes flipped (2 × 200 runs)`, async () => {
			await fc.assert(
				fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), async (length) => {
					expectClean(await readBoundaryFile(name, bytes.subarray(0, length)));
				}),
				{ numRuns: 200 }
			);
			await fc.assert(
				fc.asyncProperty(flips(bytes.length), async (list) => {
					expectClean(await readBoundaryFile(name, flipped(bytes, list)));
				}),
				{ numRuns: 200 }
			);
		});
	}

	for (const { name, bytes } of FIXTURES.filter((f) => f.name.endsWith('.zip'))) {
		const parts = unzipSync(bytes);
		it(`on ${name} with its .shp/.dbf/.prj damaged inside the zip (300 runs)`, async () => {
			const names = Object.keys(parts).filter((n) => !n.startsWith('__MACOSX'));
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(...names),
					fc.boolean(),
					fc.nat(),
					fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
						minLength: 1,
						maxLength: 6
					}),
					async (part, truncate, cut, list) => {
						const original = parts[part] as Uint8Array;
						const damaged = truncate
							? original.subarray(0, cut % original.length)
							: flipped(
									original,
									list.map(([at, m]) => [at % original.length, m])
								);
						const zip = zipSync({ ...parts, [part]: damaged }, { level: 0 });
						expectClean(await readBoundaryFile(name, zip));
					}
				),
				{ numRuns: 300 }
			);
		});
	}

	it('ran at least 4,000 generated files in all', () => {
		expect(runs).toBeGreaterThanOrEqual(4000);
	});
});
