/**
 * Selections and their clauses: the shared filter state of linked views. A brush on a chart, a
 * click on a township, a chip in the filter bar each put one clause into a selection; every
 * client filtered by that selection gets the AND of the clauses that apply to it.
 */
import { andAll, type SqlFragment } from '$lib/data/sql-fragment';
import type { Client } from './client';

/** One part of a selection: what one source (a client or a UI part) currently selects. */
export interface Clause {
	/** The client or UI part that made the clause; a selection holds at most one per source. */
	source: unknown;
	/** The field the clause filters on, e.g. `township` or an indicator key. */
	field: string;
	op: 'in' | 'range';
	/** The selected values in the source's own terms (categories, codes, `[lo, hi)`). */
	value: unknown;
	/** The SQL filter; null means the clause selects nothing in particular (it is removed). */
	predicate: SqlFragment | null;
	/** A short text for chips and tooltips. */
	label?: string;
	/**
	 * Clients besides `source` that, under crossfilter resolution, this clause does not filter:
	 * the views that draw the same selection (a legend pick and a histogram brush are one filter
	 * on the indicator; neither the map nor the histogram should shrink to it).
	 */
	exempt?: readonly unknown[];
}

export type SelectionListener = (clauses: readonly Clause[]) => void;

function clauseKey(c: Clause): string {
	return JSON.stringify([c.field, c.op, c.value, c.predicate?.sql, c.predicate?.params, c.label]);
}

/** Same content and the same exempt clients (by identity, in order). */
function sameClause(a: Clause, b: Clause): boolean {
	const x = a.exempt ?? [];
	const y = b.exempt ?? [];
	return clauseKey(a) === clauseKey(b) && x.length === y.length && x.every((e, i) => e === y[i]);
}

/**
 * Contract: a `Selection` holds at most one clause per `source`, in the order sources first
 * added one. `update` replaces that source's clause (a clause whose predicate is null removes
 * it), `remove` and `clear` drop clauses, `replace` swaps the whole set; each notifies 'value'
 * listeners synchronously, once, and only when the clauses really changed. `predicate(client)` is
 * the AND of the clauses' predicates: under crossfilter resolution a clause whose `source` is
 * `client` itself, or that lists `client` in its `exempt`, is left out (a brush does not filter
 * the chart it is drawn on); under intersect resolution every clause applies. Listeners must not throw; one that does is reported and the others still run.
 */
export class Selection {
	readonly cross: boolean;
	#clauses = new Map<unknown, Clause>();
	#listeners = new Set<SelectionListener>();

	constructor(options: { cross?: boolean } = {}) {
		this.cross = options.cross ?? false;
	}

	/** Each client is left unfiltered by its own clause (linked views that brush each other). */
	static crossfilter(): Selection {
		return new Selection({ cross: true });
	}

	/** Every clause filters every client. */
	static intersect(): Selection {
		return new Selection({ cross: false });
	}

	get clauses(): readonly Clause[] {
		return [...this.#clauses.values()];
	}

	/** The clause a source currently holds, if any. */
	clauseOf(source: unknown): Clause | undefined {
		return this.#clauses.get(source);
	}

	update(clause: Clause): void {
		if (!clause.predicate) return this.remove(clause.source);
		const old = this.#clauses.get(clause.source);
		if (old && sameClause(old, clause)) return;
		this.#clauses.set(clause.source, clause);
		this.#emit();
	}

	remove(source: unknown): void {
		if (this.#clauses.delete(source)) this.#emit();
	}

	/** Put `clauses` in place of all current ones, with at most one notification. */
	replace(clauses: readonly Clause[]): void {
		const next = new Map<unknown, Clause>();
		for (const c of clauses) if (c.predicate) next.set(c.source, c);
		const old = [...this.#clauses.values()];
		const same =
			old.length === next.size &&
			[...next.values()].every((c, i) => {
				const o = old[i];
				return o !== undefined && o.source === c.source && sameClause(o, c);
			});
		this.#clauses = next;
		if (!same) this.#emit();
	}

	clear(): void {
		if (this.#clauses.size === 0) return;
		this.#clauses.clear();
		this.#emit();
	}

	/** The filter for `client` (all clauses when no client is given); null when none applies. */
	predicate(client?: Client | null): SqlFragment | null {
		const kept = this.clauses.filter(
			(c) => !(this.cross && client && (c.source === client || c.exempt?.includes(client)))
		);
		return andAll(kept.map((c) => c.predicate));
	}

	addEventListener(type: 'value', fn: SelectionListener): void {
		if (type === 'value') this.#listeners.add(fn);
	}

	removeEventListener(type: 'value', fn: SelectionListener): void {
		if (type === 'value') this.#listeners.delete(fn);
	}

	/** Subscribe to changes; returns the unsubscribe function. */
	on(fn: SelectionListener): () => void {
		this.#listeners.add(fn);
		return () => this.#listeners.delete(fn);
	}

	#emit(): void {
		const clauses = this.clauses;
		for (const fn of [...this.#listeners]) {
			try {
				fn(clauses);
			} catch (e) {
				// One broken view must not stop the others from hearing about the change.
				console.error('selection listener failed', e);
			}
		}
	}
}
