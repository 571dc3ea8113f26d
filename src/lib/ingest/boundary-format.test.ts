import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './boundary-format';
import { readBoundaryFile } from './boundary-import';
import { IngestError } from './boundary-types';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

describe('detectFormat', () => {
	it.each([
		['村界.zip', 'shapefile'],
		['村界.ZIP', 'shapefile'],
		['a.geojson', 'geojson'],
		['a.json', 'geojson'],
		['a.kml', 'kml'],
		['a.KMZ', 'kmz'],
		['a.parquet', 'geoparquet'],
		['a.geoparquet', 'geoparquet']
	])('%s → %s by its extension', (name, format) => {
		expect(detectFormat(name, new Uint8Array())).toBe(format);
	});

	it('detects the format from the first bytes when the name says nothing', () => {
		expect(detectFormat('download', fixture('boundary-gk36-prj.zip'))).toBe('shapefile');
		expect(detectFormat('download', fixture('boundary-villages.parquet'))).toBe('geoparquet');
		expect(detectFormat('download', fixture('boundary-bowtie.geojson'))).toBe('geojson');
		expect(detectFormat('download', fixture('boundary-villages.kml'))).toBe('kml');
		const kmz = zipSync({ 'doc.kml': fixture('boundary-villages.kml') });
		expect(detectFormat('download', kmz)).toBe('kmz');
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(' {"type":1}')]);
		expect(detectFormat('download', bom)).toBe('geojson');
	});

	it('asks for a zip when given a lone shapefile part', () => {
		expect(() => detectFormat('村界.shp', new Uint8Array([0, 0, 39, 10]))).toThrow(IngestError);
		expect(() => detectFormat('村界.dbf', new Uint8Array())).toThrow(/zip the shapefile/);
	});
});

describe('readBoundaryFile errors', () => {
	it.each([
		['a.shp', 'shapefile-not-zipped', new Uint8Array([0, 0, 39, 10])],
		['a.zip', 'empty', new Uint8Array(0)],
		['a.txt', 'unsupported', new TextEncoder().encode('hello')],
		['a.geojson', 'empty', new TextEncoder().encode('{"type":"FeatureCollection","features":[]}')],
		['a.zip', 'corrupt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]
	])('%s → a clear error (%s)', async (name, kind, bytes) => {
		const r = await readBoundaryFile(name, bytes);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.kind).toBe(kind);
		expect(r.error.fileName).toBe(name);
		expect(r.error.reason_zh.length).toBeGreaterThan(2);
		expect(r.error.reason_en.length).toBeGreaterThan(5);
	});
});
