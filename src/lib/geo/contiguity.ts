/**
 * Contiguity between polygon units, the neighbour lists that spatial statistics (Moran's I, hot
 * spots) weight by. Queen contiguity: two units are neighbours if they share at least one
 * vertex; rook: if they share an edge. The generated boundaries (docs/dataset-format.md) put
 * identical vertices on both sides of every common edge, so both tests are exact lookups on
 * coordinates rounded to 1e-6° — no tolerance search is needed, and a unit that merely comes
 * near another without sharing a vertex is not its neighbour.
 */
import type { Polygons } from './types';

export type ContiguityKind = 'queen' | 'rook';

/** Coordinates are stored rounded to 1e-6°; keys at that grid make equal vertices equal. */
function vertexKey(x: number, y: number): string {
	return `${Math.round(x * 1e6)},${Math.round(y * 1e6)}`;
}

/** An undirected edge: the same key whichever way each unit's ring runs along it. */
function edgeKey(a: string, b: string): string {
	return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every vertex key (queen) or edge key (rook) of a unit, once each. */
function unitKeys(polygons: Polygons, kind: ContiguityKind): Set<string> {
	const keys = new Set<string>();
	for (const polygon of polygons)
		for (const ring of polygon) {
			let prev: string | null = null;
			for (const [x, y] of ring) {
				const key = vertexKey(x, y);
				if (kind === 'queen') keys.add(key);
				else if (prev !== null && prev !== key) keys.add(edgeKey(prev, key));
				prev = key;
			}
		}
	return keys;
}

/**
 * Neighbour lists, one per unit in input order: the indices of the units contiguous to it,
 * ascending, never itself. Symmetric by construction.
 */
export function contiguity(units: readonly Polygons[], kind: ContiguityKind = 'queen'): number[][] {
	const sharing = new Map<string, number[]>();
	units.forEach((polygons, i) => {
		for (const key of unitKeys(polygons, kind)) {
			const list = sharing.get(key);
			if (list) list.push(i);
			else sharing.set(key, [i]);
		}
	});
	const neighbours = units.map(() => new Set<number>());
	for (const list of sharing.values()) {
		if (list.length < 2) continue;
		for (const i of list) for (const j of list) if (i !== j) neighbours[i]?.add(j);
	}
	return neighbours.map((set) => [...set].sort((a, b) => a - b));
}
