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
import { pointInPolygons, roundPolygons, signedArea } from './ring';
import { repairOutline } from './repair';

export { roundPolygons };
import { sampleInside } from './sample';
import type { Point, Polygon, Polygons, Ring } from './types';
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
	const seeds = placeSeeds(leaves, sites, outline, samples, random);
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
		let clipped = roundPolygons(clipOutlineToCell(outline, cell, stats));
		// Rounding can make a cell pinched at a ragged border touch itself: rebuild it then.
		if (clipped.length > 0) clipped = repairOutline(clipped).polygons;
		if (clipped.length === 0) throw new Error(`tessellate: empty cell for ${leaf.id}`);
		cells.set(leaf.id, clipped);
		sites.set(leaf.id, seeds[i] as Point);
	});
	return { cells, sites, stats };
}

/**
 * Leaf sites made safe for Voronoi: inside the outline, nudged off the sampling scanlines (many
 * seeds on one horizontal line make needle-thin cells), and no two closer than a fifth of the
 * typical spacing (near-duplicates make cells too small to survive rounding).
 */
function placeSeeds(
	leaves: PartitionNode[],
	sites: Map<string, Point>,
	outline: Polygons,
	samples: { xs: Float64Array; ys: Float64Array },
	random: Random
): Point[] {
	const [minX, minY, maxX, maxY] = bboxOfPolygons(outline);
	let area = 0;
	for (const polygon of outline) area += Math.abs(signedArea(polygon[0] as Ring));
	const spacing =
		Math.sqrt(area / Math.max(1, leaves.length)) || Math.max(maxX - minX, maxY - minY);
	const minD = 0.2 * spacing;
	const rowGap = (maxY - minY) / 384;
	const grid = new Map<string, Point[]>();
	const cellOf = (x: number, y: number) => [Math.floor(x / minD), Math.floor(y / minD)] as const;
	const tooClose = (x: number, y: number) => {
		const [gx, gy] = cellOf(x, y);
		for (let dx = -1; dx <= 1; dx++) {
			for (let dy = -1; dy <= 1; dy++) {
				for (const q of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
					if ((q[0] - x) ** 2 + (q[1] - y) ** 2 < minD * minD) return true;
				}
			}
		}
		return false;
	};
	const nudge = (p: Point): Point => {
		const q: Point = [p[0], p[1] + (random() - 0.5) * 0.8 * rowGap];
		return pointInPolygons(q[0], q[1], outline) ? q : p;
	};
	return leaves.map((leaf) => {
		let p = sites.get(leaf.id) ?? [samples.xs[0] as number, samples.ys[0] as number];
		if (!pointInPolygons(p[0], p[1], outline) || tooClose(p[0], p[1])) {
			let best = -1;
			let bestD = Infinity;
			for (let i = 0; i < samples.xs.length; i++) {
				const x = samples.xs[i] as number;
				const y = samples.ys[i] as number;
				const d = (x - p[0]) ** 2 + (y - p[1]) ** 2;
				if (d < bestD && !tooClose(x, y)) {
					bestD = d;
					best = i;
				}
			}
			// Crowded beyond repair (more leaves than room): keep the site, the nudge separates it.
			if (best >= 0) p = [samples.xs[best] as number, samples.ys[best] as number];
		}
		p = nudge(p);
		const [gx, gy] = cellOf(p[0], p[1]);
		const key = `${gx},${gy}`;
		grid.set(key, [...(grid.get(key) ?? []), p]);
		return p;
	});
}

export type { Polygon };
