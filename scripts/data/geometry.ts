/**
 * Generated boundaries for one outline domain: builds the partition tree (county → township →
 * village/community) with the weights that make the county seat denser and communities small,
 * tessellates, and merges cells into townships and counties. Returns one boundary per unit.
 */
import { labelPoint } from '../../src/lib/geo/label';
import { repairOutline } from '../../src/lib/geo/repair';
import { mergePolygons } from '../../src/lib/geo/merge';
import { FAST, FINE, type PartitionNode } from '../../src/lib/geo/partition';
import { randomFor } from '../../src/lib/geo/random';
import { pointInPolygons, polygonsAreaKm2 } from '../../src/lib/geo/ring';
import { bboxOfPolygons } from '../../src/lib/geo/bbox';
import { tessellate, roundPolygons } from '../../src/lib/geo/tessellate';
import type { BoundaryLevel } from '../../src/lib/data/contract';
import type { Point, Polygons } from '../../src/lib/geo/types';
import type { DivisionUnit, Township } from './divisions';
import type { Domain } from './outlines';

export interface Boundary {
	code: string;
	level: BoundaryLevel;
	polygons: Polygons;
	bbox: [number, number, number, number];
	label: Point;
	areaKm2: number;
}

export interface DomainGeometry {
	boundaries: Boundary[];
	/** Township code → its site (town centre), for placing resettlement communities. */
	townCentres: Map<string, Point>;
	/** Unit code → its Voronoi seed. */
	seeds: Map<string, Point>;
	clip: { fast: number; fallback: number };
}

/** The county seat: a 城关 town, else the first 街道, else the town coded …100. */
export function seatTownship(townships: Township[]): Township | undefined {
	return (
		townships.find((t) => t.name.includes('城关')) ??
		townships.find((t) => t.name.endsWith('街道')) ??
		townships.find((t) => t.code.endsWith('100')) ??
		townships[0]
	);
}

export function boundaryOf(code: string, level: Boundary['level'], polygons: Polygons): Boundary {
	const bbox = bboxOfPolygons(polygons);
	return {
		code,
		level,
		polygons,
		bbox,
		label: labelPoint(polygons),
		areaKm2: polygonsAreaKm2(polygons)
	};
}

export function buildDomainGeometry(
	domain: Domain,
	townships: Township[],
	unitsByTownship: Map<string, DivisionUnit[]>,
	seed: number,
	fast = false
): DomainGeometry {
	const outline = repairOutline(roundPolygons(domain.outline)).polygons;
	const cpInside =
		domain.cp && pointInPolygons(domain.cp[0], domain.cp[1], outline) ? domain.cp : null;
	const centre: Point = cpInside ?? labelPoint(outline);
	const countyNodes: PartitionNode[] = domain.counties.map((county, ci) => {
		const towns = townships.filter((t) => t.countyCode === county.code);
		const seat = seatTownship(towns);
		const townNodes: PartitionNode[] = towns
			.map((t) => {
				const units = unitsByTownship.get(t.code) ?? [];
				const dense = t === seat ? 0.45 : 1;
				const children: PartitionNode[] = units.map((u) => ({
					id: u.code,
					weight: (u.level === 'community' ? 0.35 : 1) * dense,
					central: u.level === 'community'
				}));
				const weight = children.reduce((s, c) => s + c.weight, 0);
				// The seat sits on the outline's centre point in the county that owns the outline.
				const anchor = t === seat && ci === 0 && cpInside ? cpInside : undefined;
				return { id: t.code, weight, children, anchor };
			})
			.filter((t) => (t.children?.length ?? 0) > 0);
		return {
			id: county.code,
			weight: townNodes.reduce((s, t) => s + t.weight, 0),
			children: townNodes
		};
	});
	const root: PartitionNode = { id: 'domain', weight: 1, children: countyNodes };
	const random = randomFor(domain.counties[0]?.code ?? 'domain', 'tessellate', seed);
	const result = fast
		? tessellate({ outline, root, centre, random, samplesPerLeaf: 12, effort: FAST })
		: tessellate({ outline, root, centre, random, effort: FINE });
	const boundaries: Boundary[] = [];
	const townCentres = new Map<string, Point>();
	const levelOf = new Map<string, DivisionUnit['level']>();
	for (const units of unitsByTownship.values()) for (const u of units) levelOf.set(u.code, u.level);
	for (const county of countyNodes) {
		const townParts: Polygons[] = [];
		for (const town of county.children ?? []) {
			const cells = (town.children ?? []).map((u) => result.cells.get(u.id) as Polygons);
			(town.children ?? []).forEach((u, i) =>
				boundaries.push(boundaryOf(u.id, levelOf.get(u.id) ?? 'village', cells[i] as Polygons))
			);
			const merged = mergePolygons(cells);
			townParts.push(merged);
			// The fast settings can leave two edges of a merged township crossing where village
			// cells meet (莲湖区 610104005): its own row is repaired; the county is merged from the
			// unrepaired parts, whose shared vertices are still bit-identical. A valid township
			// passes through untouched, so careful builds do not change.
			boundaries.push(boundaryOf(town.id, 'township', repairOutline(merged).polygons));
			townCentres.set(town.id, town.anchor ?? (result.sites.get(town.id) as Point));
		}
		const countyPolygons = domain.counties.length === 1 ? outline : mergePolygons(townParts);
		boundaries.push(boundaryOf(county.id, 'county', countyPolygons));
	}
	return { boundaries, townCentres, seeds: result.sites, clip: result.stats };
}
