/**
 * Make plausible unit boundaries where no public source has them: seed points inside a real
 * outline, grouped by a nested partition (county → township → village) so each group is
 * contiguous, then one Voronoi cell per leaf (d3-delaunay) clipped to the outline and rounded to
 * 1e-6°. Every seed lies inside the outline, so every cell is non-empty; cells tile the outline
 * with shared edges, so merging them per group gives the townships.
 */
import { Delaunay } from 'd3-delaunay';
import { bboxOfPolygons } from './bbox';
import { clipOutlineToCell, type ClipStats } from './clip';
import { FINE, partitionSamples, type PartitionNode, type PartitionOptions } from './partition';
import { orientPolygon, pointInPolygons, roundRing } from './ring';
import { sampleInside } from './sample';
import type { Point, Polygon, Polygons } from './types';
import type { Random } from './random';

export interface TessellateInput {
	outline: Polygons;
	root: PartitionNode;
	/** Where the root's centre lies (the outline's `cp`), used by `central` children. */
	centre: Point;
	random: Random;
	samplesPerLeaf?: number;
	effort?: PartitionOptions;
}

export interface Tessellation {
	/** Leaf id → rounded, oriented polygons (never empty). */
	cells: Map<string, Polygons>;
	/** Every node id below the root → its site (for leaves, the Voronoi seed). */
	sites: Map<string, Point>;
	stats: ClipStats;
}

export function leavesOf(node: PartitionNode): PartitionNode[] {
	return node.children?.length ? node.children.flatMap(leavesOf) : [node];
}

export function roundPolygons(polygons: Polygons): Polygons {
	const out: Polygons = [];
	for (const polygon of polygons) {
		const rings = polygon.map(roundRing);
		const [outer, ...holes] = rings;
		if (!outer) continue;
		out.push(
			orientPolygon([outer, ...holes.filter((h): h is NonNullable<typeof h> => h !== null)])
		);
	}
	return out;
}

export function tessellate({
	outline,
	root,
	centre,
	random,
	samplesPerLeaf = 24,
	effort = FINE
}: TessellateInput): Tessellation {
	const leaves = leavesOf(root);
	const samples = sampleInside(outline, Math.max(1500, samplesPerLeaf * leaves.length), random);
	const sites = partitionSamples(root, samples, random, centre, effort);
	const seeds = placeSeeds(leaves, sites, outline, samples);
	const [minX, minY, maxX, maxY] = bboxOfPolygons(outline);
	const pad = Math.max(maxX - minX, maxY - minY);
	const flat = new Float64Array(seeds.length * 2);
	seeds.forEach(([x, y], i) => ((flat[2 * i] = x), (flat[2 * i + 1] = y)));
	const voronoi = new Delaunay(flat).voronoi([minX - pad, minY - pad, maxX + pad, maxY + pad]);
	const stats: ClipStats = { fast: 0, fallback: 0 };
	const cells = new Map<string, Polygons>();
	leaves.forEach((leaf, i) => {
		const cell = voronoi.cellPolygon(i) as unknown as Point[] | null;
		if (!cell) throw new Error(`tessellate: no Voronoi cell for ${leaf.id}`);
		const clipped = roundPolygons(clipOutlineToCell(outline, cell, stats));
		if (clipped.length === 0) throw new Error(`tessellate: empty cell for ${leaf.id}`);
		cells.set(leaf.id, clipped);
		sites.set(leaf.id, seeds[i] as Point);
	});
	return { cells, sites, stats };
}

/** Leaf sites, moved inside the outline and made distinct (Voronoi needs distinct seeds). */
function placeSeeds(
	leaves: PartitionNode[],
	sites: Map<string, Point>,
	outline: Polygons,
	samples: { xs: Float64Array; ys: Float64Array }
): Point[] {
	const used = new Set<string>();
	const usedSample = new Set<number>();
	return leaves.map((leaf) => {
		let p = sites.get(leaf.id) ?? [samples.xs[0] as number, samples.ys[0] as number];
		const k = `${p[0].toFixed(7)},${p[1].toFixed(7)}`;
		if (!pointInPolygons(p[0], p[1], outline) || used.has(k)) {
			let best = -1;
			let bestD = Infinity;
			for (let i = 0; i < samples.xs.length; i++) {
				if (usedSample.has(i)) continue;
				if (
					used.has(
						`${(samples.xs[i] as number).toFixed(7)},${(samples.ys[i] as number).toFixed(7)}`
					)
				)
					continue;
				const d = ((samples.xs[i] as number) - p[0]) ** 2 + ((samples.ys[i] as number) - p[1]) ** 2;
				if (d < bestD) {
					bestD = d;
					best = i;
				}
			}
			usedSample.add(best);
			p = [samples.xs[best] as number, samples.ys[best] as number];
		}
		used.add(`${p[0].toFixed(7)},${p[1].toFixed(7)}`);
		return p;
	});
}

export type { Polygon };
