/**
 * Which Party branches are weak-and-lax (软弱涣散) in which years, for a whole county at once.
 * Each year's inspection finds a few percent of branches weak (seed 003's 动态整顿; 4–9% a
 * year), more among less developed villages and in patches — a valley, a corner of a township —
 * rather than scattered: the cases of a year grow outward from the riskiest branch through its
 * contiguous neighbours, driven by that year's own smooth field, so the next year's cases lie
 * elsewhere while the last ones are rectified. No branch stays weak three years running.
 */
import { normal, randomFor, type Random } from '../../src/lib/geo/random';
import type { Landscape } from './landscape';
import { YEARS, type Profile } from './profiles';

/** Share of branches found weak-and-lax: the 2014 survey finds the backlog, then new cases. */
const WEAK_SHARE: Record<number, number> = {
	2014: 0.09,
	2015: 0.06,
	2016: 0.06,
	2017: 0.05,
	2018: 0.055,
	2019: 0.05,
	2020: 0.05,
	2021: 0.045,
	2022: 0.04,
	2023: 0.045
};

/** A patch of weak branches holds at most this many (a few villages along one valley); a year's
 * cases are split into patches as even as possible, so none is left a lone branch. */
const PATCH_SIZE = 5;

/**
 * Unit code → the years its branch is weak-and-lax. `landscape.neighbours` says which units
 * touch; a county without them (no boundaries) still gets its share, just not in patches.
 */
export function weakBranches(
	profiles: Profile[],
	landscape: Landscape,
	seed: number
): Map<string, Set<number>> {
	const weak = new Map(profiles.map((p) => [p.unit.code, new Set<number>()]));
	const luck = new Map<string, Random>(
		profiles.map((p) => [p.unit.code, randomFor(p.unit.code, 'weak-branch', seed)])
	);
	for (const y of YEARS) {
		const patch = landscape.field(`weak-${y}`, 1.5);
		const risk = new Map<string, number>();
		for (const p of profiles) {
			const w = weak.get(p.unit.code) as Set<number>;
			// Weak two years running: rectified now, whatever its risk.
			if (w.has(y - 1) && w.has(y - 2)) continue;
			risk.set(
				p.unit.code,
				-0.4 * p.dev + (patch.get(p.unit.code) ?? 0) + 0.1 * normal(luck.get(p.unit.code) as Random)
			);
		}
		const n = Math.max(1, Math.round((WEAK_SHARE[y] as number) * profiles.length));
		for (const code of patches(risk, landscape.neighbours, n)) weak.get(code)?.add(y);
	}
	return weak;
}

/** The riskiest first (ties by code, so the result never depends on iteration order). */
function riskiest(codes: Iterable<string>, risk: Map<string, number>): string | undefined {
	let best: string | undefined;
	for (const c of codes) {
		const r = risk.get(c);
		if (r === undefined) continue;
		const b = best === undefined ? undefined : (risk.get(best) as number);
		if (b === undefined || r > b || (r === b && c < (best as string))) best = c;
	}
	return best;
}

/**
 * `n` codes in patches: start at the riskiest unit not yet taken, add the riskiest neighbour of
 * the patch until it holds its share of `n` or has no eligible neighbour, then start another.
 */
function patches(
	risk: Map<string, number>,
	neighbours: Map<string, readonly string[]>,
	n: number
): string[] {
	const left = new Map(risk);
	const taken: string[] = [];
	const size = Math.ceil(n / Math.ceil(n / PATCH_SIZE));
	while (taken.length < n && left.size > 0) {
		const nucleus = riskiest(left.keys(), left) as string;
		const patch = [nucleus];
		left.delete(nucleus);
		while (patch.length < size && taken.length + patch.length < n) {
			const next = riskiest(
				patch.flatMap((c) => neighbours.get(c) ?? []),
				left
			);
			if (next === undefined) break;
			patch.push(next);
			left.delete(next);
		}
		taken.push(...patch);
	}
	return taken;
}
