/**
 * A KML writer for test fixtures: one Placemark per village with its name, its code and
 * township as ExtendedData, and a Polygon (or a MultiGeometry of Polygons) in lon/lat, outer
 * rings counter-clockwise as the KML specification asks.
 */
import type { Polygon } from '../../src/lib/geo/types';
import type { FixtureVillage } from './villages';

const escapeXml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function polygonKml(polygon: Polygon): string {
	const ring = (r: Polygon[number]) =>
		`<LinearRing><coordinates>${r.map(([x, y]) => `${x},${y}`).join(' ')}</coordinates></LinearRing>`;
	const [outer, ...holes] = polygon;
	const inner = holes.map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('');
	return `<Polygon><outerBoundaryIs>${outer ? ring(outer) : ''}</outerBoundaryIs>${inner}</Polygon>`;
}

export function writeKml(villages: FixtureVillage[]): string {
	const placemarks = villages.map((v) => {
		const geometry =
			v.polygons.length === 1
				? polygonKml(v.polygons[0] as Polygon)
				: `<MultiGeometry>${v.polygons.map(polygonKml).join('')}</MultiGeometry>`;
		const data = [
			['code', v.code],
			['township', v.township]
		]
			.map(([k, value]) => `<Data name="${k}"><value>${escapeXml(value ?? '')}</value></Data>`)
			.join('');
		return `<Placemark><name>${escapeXml(v.name)}</name><ExtendedData>${data}</ExtendedData>${geometry}</Placemark>`;
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>紫阳县村界</name>',
		...placemarks,
		'</Document></kml>',
		''
	].join('\n');
}
