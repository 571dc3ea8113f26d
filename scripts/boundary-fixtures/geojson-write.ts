/**
 * The GeoJSON fixture: the villages with the faults a hand-edited or converted file has — one
 * outer ring made into a bow-tie (two neighbouring vertices swapped until the ring crosses
 * itself), one ring clockwise, one ring unclosed — and a village committee's point, which an
 * import must skip and report. Index 1, 2 and 3 carry the faults; the point comes last.
 */
import type { Polygons } from '../../src/lib/geo/types';
import { validatePolygons } from '../../src/lib/geo/validate';
import type { FixtureVillage } from './villages';

/** Swap two neighbouring vertices of the outer ring until the ring crosses itself. */
function bowTie(polygons: Polygons): Polygons {
	const ring = polygons[0]?.[0] ?? [];
	for (let i = 1; i + 2 < ring.length; i++) {
		const open = ring.slice(0, -1);
		[open[i], open[i + 1]] = [open[i + 1] as [number, number], open[i] as [number, number]];
		const out: Polygons = [[[...open, open[0] as [number, number]]]];
		if (validatePolygons(out).some((p) => p.startsWith('edges cross'))) return out;
	}
	throw new Error('bowTie: no swap makes the ring cross itself');
}

/** The villages as a FeatureCollection with the damage described above, plus one point. */
export function writeGeoJson(villages: FixtureVillage[]): string {
	const props = (v: FixtureVillage) => ({ code: v.code, name: v.name, township: v.township });
	const features: unknown[] = villages.map((v, i) => {
		let polygons = v.polygons;
		if (i === 1) polygons = bowTie(polygons);
		if (i === 2) polygons = polygons.map((p) => p.map((r) => [...r].reverse())); // clockwise
		if (i === 3) polygons = polygons.map((p) => p.map((r) => r.slice(0, -1))); // unclosed
		const geometry =
			polygons.length === 1
				? { type: 'Polygon', coordinates: polygons[0] }
				: { type: 'MultiPolygon', coordinates: polygons };
		return { type: 'Feature', properties: props(v), geometry };
	});
	// A village committee's site: a point, which the import skips and reports.
	const site = villages[4] as FixtureVillage;
	const [x, y] = site.polygons[0]?.[0]?.[0] ?? [0, 0];
	features.push({
		type: 'Feature',
		properties: { code: site.code, name: `${site.name}村委会` },
		geometry: { type: 'Point', coordinates: [x, y] }
	});
	return JSON.stringify({ type: 'FeatureCollection', features });
}
