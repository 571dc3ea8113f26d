/**
 * How an indicator's village values combine into a township's or a county's: the `rollup` of
 * its catalogue row (docs/dataset-format.md), parsed into a typed rule. The arithmetic is named
 * once per indicator in the catalogue and applied in SQL; this module only says which rule
 * holds, so the map, the legend and the checker agree on it.
 *
 * - `sum` — counts and amounts (a township's party members are its villages' members); the
 *   mean and median per unit are offered beside it.
 * - `ratio` — recomputed as sum(num) / sum(den), never a mean of the villages' rates.
 * - `share` — flags: how many units have 1, and their share of the units.
 * - `categories` — categories: how many units fall in each.
 * - `max` — years: e.g. the year a township's last poor village exited.
 * - `mean` — scores, days, and ratios whose parts are not in the data.
 *
 * Pure: it takes anything with a `kind` and an optional `rollup` string, so an imported
 * indicator or a dataset built before the field existed still gets a rule (by kind).
 */

export const ROLLUP_OPS = ['sum', 'ratio', 'share', 'categories', 'max', 'mean'] as const;
export type RollupOp = (typeof ROLLUP_OPS)[number];

export type Rollup =
	| { op: 'sum' }
	| { op: 'ratio'; num: string; den: string }
	| { op: 'share' }
	| { op: 'categories' }
	| { op: 'max' }
	| { op: 'mean' };

/** Which indicator kinds each rule makes sense for (kinds as in the dataset contract). */
export const ROLLUP_KINDS: Readonly<Record<RollupOp, readonly string[]>> = {
	sum: ['count', 'amount'],
	ratio: ['ratio'],
	share: ['flag'],
	categories: ['category'],
	max: ['year', 'count', 'amount'],
	mean: ['count', 'amount', 'ratio', 'year']
};

/** The rule for a kind when the catalogue gives none. A ratio without its parts can only be averaged. */
export const ROLLUP_BY_KIND: Readonly<Record<string, Rollup>> = {
	flag: { op: 'share' },
	category: { op: 'categories' },
	count: { op: 'sum' },
	amount: { op: 'sum' },
	ratio: { op: 'mean' },
	year: { op: 'max' }
};

export class RollupError extends Error {
	override name = 'RollupError';
}

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parse a `rollup` JSON string strictly; throws RollupError saying what is wrong. */
export function parseRollup(json: string): Rollup {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		throw new RollupError(`rollup ${JSON.stringify(json)} is not JSON`);
	}
	if (!isRecord(raw) || typeof raw.op !== 'string')
		throw new RollupError(`rollup ${json} has no "op"`);
	const op = raw.op;
	if (!(ROLLUP_OPS as readonly string[]).includes(op))
		throw new RollupError(`rollup op "${op}" is not one of ${ROLLUP_OPS.join(', ')}`);
	if (op !== 'ratio') {
		const extra = Object.keys(raw).filter((k) => k !== 'op');
		if (extra.length) throw new RollupError(`rollup op "${op}" takes no ${extra.join(', ')}`);
		return { op } as Rollup;
	}
	const { num, den } = raw;
	if (typeof num !== 'string' || num === '' || typeof den !== 'string' || den === '')
		throw new RollupError(`rollup ratio needs "num" and "den" indicator keys: ${json}`);
	if (num === den) throw new RollupError(`rollup ratio has the same key ${num} above and below`);
	return { op: 'ratio', num, den };
}

/** The canonical JSON of a rule (key order fixed), as the catalogue stores it. */
export function stringifyRollup(r: Rollup): string {
	return r.op === 'ratio'
		? JSON.stringify({ op: r.op, num: r.num, den: r.den })
		: JSON.stringify({ op: r.op });
}

/** The default rule for a kind; an unknown kind is averaged, the one rule that is never a sum of unlike things. */
export function defaultRollup(kind: string): Rollup {
	return ROLLUP_BY_KIND[kind] ?? { op: 'mean' };
}

/**
 * An indicator's rule: its catalogue `rollup`, or the default for its kind when that is empty,
 * absent, unreadable or unfit for the kind (the checker reports the last two). Never throws.
 */
export function rollupOf(meta: { kind: string; rollup?: string | null }): Rollup {
	if (!meta.rollup) return defaultRollup(meta.kind);
	try {
		const r = parseRollup(meta.rollup);
		return ROLLUP_KINDS[r.op].includes(meta.kind) ? r : defaultRollup(meta.kind);
	} catch {
		return defaultRollup(meta.kind);
	}
}

/**
 * What is wrong with an indicator's `rollup` within its catalogue: unreadable, unfit for the
 * kind, or a ratio whose parts are not numeric indicators of the same catalogue. An absent rule
 * is not a problem (the kind decides). Messages name the key.
 */
export function rollupProblems(
	meta: { key: string; kind: string; rollup?: string | null },
	catalogue: readonly { key: string; kind: string }[]
): string[] {
	if (!meta.rollup) return [];
	let r: Rollup;
	try {
		r = parseRollup(meta.rollup);
	} catch (e) {
		return [`${meta.key}: ${(e as Error).message}`];
	}
	const problems: string[] = [];
	if (!ROLLUP_KINDS[r.op].includes(meta.kind))
		problems.push(`${meta.key}: rollup "${r.op}" does not fit a ${meta.kind} indicator`);
	if (r.op === 'ratio') {
		const kinds = new Map(catalogue.map((m) => [m.key, m.kind]));
		for (const part of [r.num, r.den]) {
			const kind = kinds.get(part);
			if (part === meta.key) problems.push(`${meta.key}: rollup ratio refers to itself`);
			else if (kind === undefined)
				problems.push(`${meta.key}: rollup ratio part ${part} is not in the catalogue`);
			else if (kind !== 'count' && kind !== 'amount')
				problems.push(`${meta.key}: rollup ratio part ${part} is a ${kind}, not a count or amount`);
		}
	}
	return problems;
}
