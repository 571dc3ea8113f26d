/**
 * The spatial setting every generated indicator is drawn from, so that the sample clusters the
 * way real villages do (issue 14): remote mountain villages far from the county seat and from
 * their town seat, along the same valleys, share the same fate. For each village or community
 * of one county it gives the distance to the county seat (the real outline's centre point) and
 * to its township's seat (the generated town centre), both scaled to 0–1, and smooth seeded
 * random fields sampled at the unit's position, so neighbours share most of their noise.
 */
import { contiguity } from '../../src/lib/geo/contiguity';
import { randomField, standardise } from '../../src/lib/geo/random-field';
import { randomFor } from '../../src/lib/geo/random';
import type { Point, Polygons } from '../../src/lib/geo/types';
import type { DivisionUnit } from './divisions';

/**
 * Correlation length of the fields in unit spacings (√(county area / units)): about three
 * villages across, so a cluster holds a handful to a dozen villages whatever the county's size.
 */
const LENGTH_IN_SPACINGS = 3;

export interface LandscapeInput {
	countyCode: string;
	units: readonly DivisionUnit[];
	/** Unit code → its position (the Voronoi seed: the centroid of its sampled points). */
	positions: Map<string, Point>;
	/** The county seat. */
	centre: Point;
	/** Township code → its seat (town centre). */
	townCentres: Map<string, Point>;
	/** The county's area, for the fields' scale; estimated from the positions if missing. */
	areaKm2?: number;
	/** Unit code → its boundary, for contiguity (units without one have no neighbours). */
	polygons?: Map<string, Polygons>;
	seed: number;
}

export interface Landscape {
	/** Unit code → distance to the county seat, 0 at the seat, 1 at the farthest unit. */
	remote: Map<string, number>;
	/** Unit code → distance to its town seat, 0 at the seat, 1 at the town's farthest unit. */
	townRemote: Map<string, number>;
	/**
	 * Unit code → a smooth field's value there, standardised over the county (mean 0, sd 1).
	 * Each purpose is its own independent field; the same purpose gives the same field.
	 * `scale` stretches the correlation length (larger patches).
	 */
	field(purpose: string, scale?: number): Map<string, number>;
	/** Unit code → the codes of the units it shares a vertex with (queen contiguity). */
	neighbours: Map<string, readonly string[]>;
}

const KM_PER_DEGREE = 111.195;

export function buildLandscape(input: LandscapeInput): Landscape {
	const { countyCode, units, positions, centre, townCentres, seed } = input;
	// A local equirectangular projection in km about the seat: exact enough within a county.
	const kx = KM_PER_DEGREE * Math.cos((centre[1] * Math.PI) / 180);
	const at = (p: Point): Point => [(p[0] - centre[0]) * kx, (p[1] - centre[1]) * KM_PER_DEGREE];
	const xy = units.map((u) => at(positions.get(u.code) ?? centre));
	const dist = xy.map(([x, y]) => Math.hypot(x, y));
	const maxDist = Math.max(...dist, 1e-9);
	const remote = new Map(units.map((u, i) => [u.code, (dist[i] as number) / maxDist]));

	const townDist = units.map((u, i) => {
		const seat = townCentres.get(u.townshipCode);
		if (!seat) return 0;
		const [sx, sy] = at(seat);
		const [x, y] = xy[i] as Point;
		return Math.hypot(x - sx, y - sy);
	});
	const townMax = new Map<string, number>();
	units.forEach((u, i) =>
		townMax.set(
			u.townshipCode,
			Math.max(townMax.get(u.townshipCode) ?? 1e-9, townDist[i] as number)
		)
	);
	const townRemote = new Map(
		units.map((u, i) => [u.code, (townDist[i] as number) / (townMax.get(u.townshipCode) as number)])
	);

	const area =
		input.areaKm2 && input.areaKm2 > 0 ? input.areaKm2 : Math.PI * maxDist * maxDist * 0.5;
	const length = LENGTH_IN_SPACINGS * Math.sqrt(area / Math.max(1, units.length));
	const fields = new Map<string, Map<string, number>>();
	const field = (purpose: string, scale = 1) => {
		let values = fields.get(`${purpose}@${scale}`);
		if (!values) {
			const f = randomField(randomFor(countyCode, `field:${purpose}`, seed), {
				length: length * scale
			});
			const raw = standardise(xy.map(([x, y]) => f(x, y)));
			values = new Map(units.map((u, i) => [u.code, raw[i] as number]));
			fields.set(`${purpose}@${scale}`, values);
		}
		return values;
	};
	const withShape = units.filter((u) => input.polygons?.has(u.code));
	const lists = contiguity(withShape.map((u) => input.polygons?.get(u.code) as Polygons));
	const neighbours = new Map<string, readonly string[]>(
		withShape.map((u, i) => [
			u.code,
			(lists[i] ?? []).map((j) => (withShape[j] as DivisionUnit).code)
		])
	);
	return { remote, townRemote, field, neighbours };
}
