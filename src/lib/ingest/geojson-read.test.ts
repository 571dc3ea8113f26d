import { describe, expect, it } from 'vitest';
import { IngestError } from './boundary-types';
import { polygonsFromGeometry, rawFromFeatures, readGeoJson } from './geojson-read';

const RING = [
	[108.5, 32.5],
	[108.6, 32.5],
	[108.6, 32.6],
	[108.5, 32.5]
];
const utf8 = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
/** 金塘村 in GBK, as an ArcGIS export on Chinese Windows writes it. */
const JINTANG_GBK = [0xbd, 0xf0, 0xcc, 0xc1, 0xb4, 0xe5];

describe('polygonsFromGeometry', () => {
	it('takes Polygon and MultiPolygon, dropping Z values', () => {
		expect(polygonsFromGeometry({ type: 'Polygon', coordinates: [RING] })).toEqual({
			polygons: [[RING]]
		});
		const z = RING.map(([x, y]) => [x, y, 350]);
		expect(polygonsFromGeometry({ type: 'MultiPolygon', coordinates: [[z], [RING]] })).toEqual({
			polygons: [[RING], [RING]]
		});
	});

	it('keeps the polygons of a GeometryCollection and skips one without any', () => {
		const point = { type: 'Point', coordinates: [108.5, 32.5] };
		const poly = { type: 'Polygon', coordinates: [RING] };
		const mixed = polygonsFromGeometry({ type: 'GeometryCollection', geometries: [point, poly] });
		expect(mixed).toEqual({ polygons: [[RING]] });
		const none = polygonsFromGeometry({ type: 'GeometryCollection', geometries: [point] });
		expect('skip' in none && none.skip.reason_en).toMatch(/without polygons \(Point\)/);
	});

	it.each([
		[null, /no geometry/, /无几何/],
		[{ type: 'Point', coordinates: [1, 2] }, /a Point, not a polygon/, /点要素/],
		[{ type: 'MultiLineString', coordinates: [] }, /a MultiLineString/, /多线要素/]
	])('skips %j with a reason', (geometry, en, zh) => {
		const r = polygonsFromGeometry(geometry);
		expect('skip' in r && r.skip.reason_en).toMatch(en);
		expect('skip' in r && r.skip.reason_zh).toMatch(zh);
	});

	it('turns malformed positions into NaN, so the check rejects rather than loses them', () => {
		const r = polygonsFromGeometry({
			type: 'Polygon',
			coordinates: [[[1, 'a'], null, [2, 3]], 'x']
		});
		expect(r).toEqual({
			polygons: [
				[
					[
						[NaN, NaN],
						[NaN, NaN],
						[2, 3]
					],
					[]
				]
			]
		});
	});
});

describe('rawFromFeatures', () => {
	it('accounts for every record by index and copies properties', () => {
		const props = { name: '金塘村' };
		const raw = rawFromFeatures([
			{ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [RING] } },
			{ type: 'Feature', properties: null, geometry: null },
			'nonsense'
		]);
		expect(raw.total).toBe(3);
		expect(raw.features).toEqual([{ featureIndex: 0, properties: props, polygons: [[RING]] }]);
		expect(raw.features[0]?.properties).not.toBe(props);
		expect(raw.skipped.map((s) => s.featureIndex)).toEqual([1, 2]);
	});
});

describe('readGeoJson', () => {
	const feature = {
		type: 'Feature',
		properties: { name: '金塘村' },
		geometry: { type: 'Polygon', coordinates: [RING] }
	};

	it('reads a FeatureCollection, a single Feature and a bare geometry', () => {
		expect(
			readGeoJson(utf8({ type: 'FeatureCollection', features: [feature, feature] })).raw.total
		).toBe(2);
		expect(readGeoJson(utf8(feature)).raw.features[0]?.properties).toEqual({ name: '金塘村' });
		expect(readGeoJson(utf8(feature.geometry)).raw.features).toHaveLength(1);
	});

	it('reports the legacy crs member and the encoding', () => {
		const doc = {
			type: 'FeatureCollection',
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4524' } },
			features: []
		};
		expect(readGeoJson(utf8(doc))).toMatchObject({
			crsName: 'urn:ogc:def:crs:EPSG::4524',
			encoding: 'utf-8'
		});
	});

	it('reads a GBK GeoJSON (an ArcGIS export) with its Chinese names intact', () => {
		const head = new TextEncoder().encode('{"type":"Feature","properties":{"name":"');
		const tail = new TextEncoder().encode(`"},"geometry":${JSON.stringify(feature.geometry)}}`);
		const bytes = new Uint8Array([...head, ...JINTANG_GBK, ...tail]);
		const r = readGeoJson(bytes);
		expect(r.encoding).toBe('gb18030');
		expect(r.raw.features[0]?.properties.name).toBe('金塘村');
	});

	it.each([
		['not JSON', '{"type": "FeatureColl', 'corrupt'],
		['JSON but not GeoJSON', '{"hello": 1}', 'unsupported'],
		['a JSON array', '[1, 2]', 'unsupported']
	])('refuses %s with an IngestError', (_, text, kind) => {
		expect(() => readGeoJson(new TextEncoder().encode(text))).toThrow(IngestError);
		try {
			readGeoJson(new TextEncoder().encode(text));
		} catch (e) {
			expect((e as IngestError).kind).toBe(kind);
		}
	});
});
