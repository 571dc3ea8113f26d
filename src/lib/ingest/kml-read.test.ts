import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IngestError } from './boundary-types';
import { readKml, readKmz, xmlDeclaredEncoding } from './kml-read';

const FIXTURE = new Uint8Array(readFileSync('tests/fixtures/import/boundary-villages.kml'));
const kml = (body: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>') =>
	new TextEncoder().encode(
		`${declaration}<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`
	);
const POLYGON =
	'<Polygon><outerBoundaryIs><LinearRing><coordinates>108.5,32.5 108.6,32.5 108.6,32.6 108.5,32.5</coordinates></LinearRing></outerBoundaryIs></Polygon>';

describe('readKml', () => {
	it('reads the fixture: ten villages with names and ExtendedData, without a DOM', () => {
		expect(typeof (globalThis as { DOMParser?: unknown }).DOMParser).toBe('undefined');
		const { raw, encoding } = readKml(FIXTURE);
		expect(encoding).toBe('utf-8');
		expect(raw.total).toBe(10);
		expect(raw.features).toHaveLength(10);
		for (const f of raw.features) {
			expect(f.properties.name).toMatch(/村$/);
			expect(f.properties.code).toMatch(/^610924\d{6}$/);
		}
		expect(raw.features.some((f) => f.polygons.length > 1)).toBe(true);
	});

	it('skips placemarks that are points or lines, with their index', () => {
		const body =
			`<Placemark><name>a</name>${POLYGON}</Placemark>` +
			'<Placemark><name>b</name><Point><coordinates>108.5,32.5</coordinates></Point></Placemark>';
		const { raw } = readKml(kml(body));
		expect(raw.features.map((f) => f.featureIndex)).toEqual([0]);
		expect(raw.skipped).toMatchObject([
			{ featureIndex: 1, reason_en: 'a Point, not a polygon; not imported' }
		]);
	});

	it('honours a GBK encoding declared in the XML header', () => {
		const head = new TextEncoder().encode(
			'<?xml version="1.0" encoding="GBK"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>'
		);
		const tail = new TextEncoder().encode(`</name>${POLYGON}</Placemark></Document></kml>`);
		const bytes = new Uint8Array([...head, 0xbd, 0xf0, 0xcc, 0xc1, 0xb4, 0xe5, ...tail]);
		expect(xmlDeclaredEncoding(bytes)).toBe('GBK');
		const { raw, encoding } = readKml(bytes);
		expect(encoding).toBe('gb18030');
		expect(raw.features[0]?.properties.name).toBe('金塘村');
	});

	it.each([
		['malformed XML', new TextEncoder().encode('<kml><Document><Placemark></Document>'), 'corrupt'],
		[
			'XML that is not KML',
			new TextEncoder().encode('<?xml version="1.0"?><svg></svg>'),
			'unsupported'
		],
		['a truncated fixture', FIXTURE.subarray(0, 3000), 'corrupt']
	])('refuses %s with an IngestError', (_, bytes, kind) => {
		let error: unknown;
		try {
			readKml(bytes);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(IngestError);
		expect((error as IngestError).kind).toBe(kind);
	});
});

describe('readKmz', () => {
	it('reads doc.kml from a KMZ', () => {
		const kmz = zipSync({ 'doc.kml': FIXTURE, 'files/icon.png': new Uint8Array([1, 2, 3]) });
		expect(readKmz(kmz).raw.features).toHaveLength(10);
	});

	it('refuses a KMZ without KML, and one that is not a zip', () => {
		expect(() => readKmz(zipSync({ 'a.txt': new Uint8Array([1]) }))).toThrow(/no KML/);
		expect(() => readKmz(new Uint8Array([1, 2, 3, 4]))).toThrow(IngestError);
	});
});
