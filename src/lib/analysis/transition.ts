/**
 * The transition matrix of a change view: how many units were in each class in year A and in
 * each class in year B, for classes of ONE legend shared by both years (`shared-legend.ts`).
 *
 * Contract: `transitionMatrix({ from, to, classes, ordered })` → a `TransitionMatrix`.
 * - `from[i]` / `to[i]` is unit `i`'s class in year A / B: `0 … classes − 1`, `classes` for no
 *   data (the legend's no-data index), or −1 in both years for a unit that is not counted (the
 *   filter left it out). Any other class, or −1 in one year only, throws a RangeError.
 * - Rows are year A, columns year B; both have `classes + 1` entries, the last being no data.
 *   `counts[a][b]` is how many units went from `a` to `b`; `units[a][b]` lists them (indices
 *   into `from`/`to`, ascending); `rowTotals`/`colTotals` are the units per class in A and in B.
 * - `stayed`/`changed` count units with data in both years; `up`/`down` split `changed` into
 *   moves to a higher or a lower class and are null unless the classes are `ordered` (numeric
 *   classes ascend; categories have no order, so only stayed/changed mean something there).
 *   `noData` counts units without data in either year or both; they are in the matrix's last
 *   row or column but in none of those sums. `total` is every counted unit.
 */

export interface TransitionInput {
	/** Class of each unit in year A (see the contract above). */
	from: ArrayLike<number>;
	/** Class of each unit in year B, same units in the same order. */
	to: ArrayLike<number>;
	/** Number of classes of the legend, no data not included. */
	classes: number;
	/** Whether class index order means something (numeric classes, ascending). */
	ordered: boolean;
}

export interface TransitionMatrix {
	classes: number;
	ordered: boolean;
	/** `(classes + 1) × (classes + 1)`: rows year A, columns year B, last of each no data. */
	counts: number[][];
	/** The units in each cell, as indices into the input, ascending. */
	units: number[][][];
	rowTotals: number[];
	colTotals: number[];
	total: number;
	stayed: number;
	changed: number;
	/** Moves to a higher class (null for unordered classes). */
	up: number | null;
	/** Moves to a lower class (null for unordered classes). */
	down: number | null;
	/** Units without data in year A, year B or both. */
	noData: number;
}

/** The matrix of moves between the classes of two years; see the contract at the top. */
export function transitionMatrix(input: TransitionInput): TransitionMatrix {
	const { from, to, classes, ordered } = input;
	if (!Number.isInteger(classes) || classes < 0) {
		throw new RangeError(`transitionMatrix: classes must be a whole number ≥ 0, got ${classes}`);
	}
	if (from.length !== to.length) {
		throw new RangeError(`transitionMatrix: ${from.length} units in year A, ${to.length} in B`);
	}
	const n = classes + 1;
	const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	const units = Array.from({ length: n }, () => Array.from({ length: n }, (): number[] => []));
	const rowTotals = new Array<number>(n).fill(0);
	const colTotals = new Array<number>(n).fill(0);
	let [total, stayed, up, down, noData] = [0, 0, 0, 0, 0];
	for (let i = 0; i < from.length; i++) {
		const a = from[i]!;
		const b = to[i]!;
		if (a === -1 && b === -1) continue;
		for (const c of [a, b]) {
			if (!Number.isInteger(c) || c < 0 || c > classes) {
				throw new RangeError(`transitionMatrix: unit ${i} has class ${c} of ${classes}`);
			}
		}
		counts[a]![b]!++;
		units[a]![b]!.push(i);
		rowTotals[a]!++;
		colTotals[b]!++;
		total++;
		if (a === classes || b === classes) noData++;
		else if (a === b) stayed++;
		else if (b > a) up++;
		else down++;
	}
	return {
		classes,
		ordered,
		counts,
		units,
		rowTotals,
		colTotals,
		total,
		stayed,
		changed: up + down,
		up: ordered ? up : null,
		down: ordered ? down : null,
		noData
	};
}

/** The codes of the units in cell `(from, to)`, given the codes of the input's units. */
export function cellCodes(
	matrix: TransitionMatrix,
	from: number,
	to: number,
	codes: readonly string[]
): string[] {
	return (matrix.units[from]?.[to] ?? []).map((i) => codes[i] as string);
}
