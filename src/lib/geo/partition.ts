/**
 * Split sample points into nested groups of given area shares: a county's samples into its
 * townships, each township's into its villages. Each level is a capacity-constrained power
 * diagram (assign to the site minimising d² − w, nudge w until counts match the targets, move
 * sites to their centroids, repeat), which keeps every group compact and contiguous. The sites
 * of the last level become the Voronoi seeds of the villages.
 */
import type { Point } from './types';
import type { Random } from './random';
import type { Samples } from './sample';

export interface PartitionNode {
	id: string;
	/** Share of the parent's area, relative to siblings. */
	weight: number;
	children?: PartitionNode[];
	/** A fixed site, e.g. the county seat town at the outline's centre point. */
	anchor?: Point;
	/** Start near the parent's centre (communities near their town's seat). */
	central?: boolean;
}

export interface PartitionOptions {
	/** Lloyd steps, and weight-balancing passes per step. */
	outer: number;
	inner: number;
	/** The same for the last level (villages within a township), which needs less balance. */
	leafOuter?: number;
	leafInner?: number;
	/** Fit each level on at most this many samples (a stride), then assign the rest. */
	maxFitSamples?: number;
}

/** Careful settings for committed regions; the national build trades balance for speed. */
export const FINE: PartitionOptions = { outer: 4, inner: 16 };
export const FAST: PartitionOptions = {
	outer: 3,
	inner: 10,
	leafOuter: 2,
	leafInner: 6,
	maxFitSamples: 1200
};

/** Site of every node below the root, keyed by id. */
export function partitionSamples(
	root: PartitionNode,
	samples: Samples,
	random: Random,
	centre: Point,
	options: PartitionOptions = FINE
): Map<string, Point> {
	const sites = new Map<string, Point>();
	const all = new Int32Array(samples.xs.length).map((_, i) => i);
	let meanY = 0;
	for (const y of samples.ys) meanY += y;
	const kx = Math.cos(((meanY / Math.max(1, samples.ys.length)) * Math.PI) / 180);
	const split = (node: PartitionNode, idx: Int32Array, at: Point) => {
		const children = node.children ?? [];
		if (children.length === 0) return;
		const groups = assignLevel(children, idx, samples, kx, random, at, sites, options);
		children.forEach((child, c) =>
			split(child, groups[c] as Int32Array, sites.get(child.id) as Point)
		);
	};
	split(root, all, centre);
	return sites;
}

function assignLevel(
	children: PartitionNode[],
	allIdx: Int32Array,
	samples: Samples,
	kx: number,
	random: Random,
	centre: Point,
	sites: Map<string, Point>,
	options: PartitionOptions
): Int32Array[] {
	const leaf = children.every((c) => !c.children?.length);
	const outer = leaf ? (options.leafOuter ?? options.outer) : options.outer;
	const inner = leaf ? (options.leafInner ?? options.inner) : options.inner;
	const maxFit = options.maxFitSamples ?? Infinity;
	const idx =
		allIdx.length > maxFit
			? Int32Array.from(
					{ length: maxFit },
					(_, k) => allIdx[Math.floor((k * allIdx.length) / maxFit)] as number
				)
			: allIdx;
	const S = children.length;
	const n = idx.length;
	const { xs, ys } = samples;
	const sx = new Float64Array(S);
	const sy = new Float64Array(S);
	initialSites(children, idx, samples, kx, random, centre, sx, sy);
	const totalWeight = children.reduce((s, c) => s + c.weight, 0) || 1;
	const target = children.map((c) => (n * c.weight) / totalWeight);
	const w = new Float64Array(S);
	const owner = new Int32Array(n);
	const count = new Float64Array(S);
	let minX = Infinity,
		maxX = -Infinity,
		minY = Infinity,
		maxY = -Infinity;
	for (const i of idx) {
		minX = Math.min(minX, xs[i] as number);
		maxX = Math.max(maxX, xs[i] as number);
		minY = Math.min(minY, ys[i] as number);
		maxY = Math.max(maxY, ys[i] as number);
	}
	const scale = ((maxX - minX) * kx * (maxY - minY)) / S || 1e-6;
	const assign = () => {
		count.fill(0);
		for (let k = 0; k < n; k++) {
			const i = idx[k] as number;
			const x = xs[i] as number;
			const y = ys[i] as number;
			let best = 0;
			let bestD = Infinity;
			for (let s = 0; s < S; s++) {
				const dx = (x - (sx[s] as number)) * kx;
				const dy = y - (sy[s] as number);
				const d = dx * dx + dy * dy - (w[s] as number);
				if (d < bestD) {
					bestD = d;
					best = s;
				}
			}
			owner[k] = best;
			count[best] = (count[best] as number) + 1;
		}
	};
	// Per-site step sizes that grow while the error keeps its sign and halve when it flips:
	// a fixed step either crawls or oscillates when sites start crowded together.
	const step = new Float64Array(S).fill(0.25 * scale);
	const lastSign = new Int8Array(S);
	for (let o = 0; o < outer; o++) {
		for (let it = 0; it < inner; it++) {
			assign();
			for (let s = 0; s < S; s++) {
				const t = Math.max(target[s] as number, 0.5);
				const err = (t - (count[s] as number)) / t;
				const sign = Math.sign(err);
				if (sign !== 0 && sign === -(lastSign[s] as number)) step[s] = (step[s] as number) * 0.5;
				else step[s] = Math.min((step[s] as number) * 1.4, 4 * scale);
				lastSign[s] = sign;
				w[s] = (w[s] as number) + (step[s] as number) * err;
			}
		}
		assign();
		if (o === outer - 1) break;
		// Lloyd step: move free sites to the centroid of what they own.
		const cx = new Float64Array(S);
		const cy = new Float64Array(S);
		for (let k = 0; k < n; k++) {
			const s = owner[k] as number;
			cx[s] = (cx[s] as number) + (xs[idx[k] as number] as number);
			cy[s] = (cy[s] as number) + (ys[idx[k] as number] as number);
		}
		for (let s = 0; s < S; s++) {
			if (children[s]?.anchor || count[s] === 0) continue;
			sx[s] = (cx[s] as number) / (count[s] as number);
			sy[s] = (cy[s] as number) / (count[s] as number);
		}
	}
	const groups: number[][] = children.map(() => []);
	if (idx === allIdx) {
		for (let k = 0; k < n; k++) groups[owner[k] as number]?.push(idx[k] as number);
	} else {
		// Fitted on a stride: assign every sample with the final sites and weights.
		for (const i of allIdx) {
			let best = 0;
			let bestD = Infinity;
			for (let s = 0; s < S; s++) {
				const dx = ((xs[i] as number) - (sx[s] as number)) * kx;
				const dy = (ys[i] as number) - (sy[s] as number);
				const d = dx * dx + dy * dy - (w[s] as number);
				if (d < bestD) {
					bestD = d;
					best = s;
				}
			}
			groups[best]?.push(i);
		}
	}
	children.forEach((child, s) => sites.set(child.id, [sx[s] as number, sy[s] as number]));
	return groups.map((g) => Int32Array.from(g));
}

/** Anchored sites where asked, central ones nearest the centre, the rest by farthest point. */
function initialSites(
	children: PartitionNode[],
	idx: Int32Array,
	{ xs, ys }: Samples,
	kx: number,
	random: Random,
	centre: Point,
	sx: Float64Array,
	sy: Float64Array
) {
	const n = idx.length;
	const nearest = new Float64Array(n).fill(Infinity);
	const taken = new Set<number>();
	const placed = new Set<number>();
	const place = (s: number, x: number, y: number) => {
		placed.add(s);
		sx[s] = x;
		sy[s] = y;
		for (let k = 0; k < n; k++) {
			const dx = ((xs[idx[k] as number] as number) - x) * kx;
			const dy = (ys[idx[k] as number] as number) - y;
			nearest[k] = Math.min(nearest[k] as number, dx * dx + dy * dy);
		}
	};
	// Samples by distance from the centre, only when some child must start there.
	let byCentre: number[] = [];
	if (children.some((c) => c.central && !c.anchor)) {
		const d = new Float64Array(n);
		for (let k = 0; k < n; k++) {
			d[k] =
				(((xs[idx[k] as number] as number) - centre[0]) * kx) ** 2 +
				((ys[idx[k] as number] as number) - centre[1]) ** 2;
		}
		byCentre = Array.from(idx.keys()).sort((a, b) => (d[a] as number) - (d[b] as number) || a - b);
	}
	let nextCentral = 0;
	children.forEach((child, s) => {
		if (child.anchor) place(s, child.anchor[0], child.anchor[1]);
		else if (child.central && nextCentral < n) {
			const k = byCentre[nextCentral++] as number;
			taken.add(k);
			place(s, xs[idx[k] as number] as number, ys[idx[k] as number] as number);
		}
	});
	children.forEach((child, s) => {
		if (placed.has(s)) return;
		let k = -1;
		if (placed.size === 0) k = Math.floor(random() * n);
		else {
			let best = -1;
			for (let j = 0; j < n; j++) {
				if ((nearest[j] as number) > best && !taken.has(j)) {
					best = nearest[j] as number;
					k = j;
				}
			}
		}
		if (k < 0) k = Math.floor(random() * Math.max(1, n));
		taken.add(k);
		const i = idx[k];
		if (i === undefined)
			place(s, centre[0] + (random() - 0.5) * 1e-3, centre[1] + (random() - 0.5) * 1e-3);
		else place(s, xs[i] as number, ys[i] as number);
	});
}
