/**
 * The change view between two years, as state: the view's indicator in year A and in year B,
 * asked through the coordinator, and `result` — both years classed by ONE legend, their colours
 * and the transition matrix (`change-model.ts`).
 *
 * Contract: `show(view, meta, yearA, yearB)` asks for both years with two clients, one per
 * year, so a stale answer of either is dropped, and a result is only made from two answers to
 * the same request. It uses the view's indicator, level, statistic, category, classification
 * and filters (for the cell pick); the view's `year` plays no part (indicator filters still
 * apply to it). With a `selection`, every clause filters the change view except a pick of
 * units of its level by code: that is what a matrix cell makes, and the matrix must stay whole
 * so another cell can be picked. A changed pick only recolours; nothing is asked again.
 */
import type { Table } from 'apache-arrow';
import type { IndicatorMeta } from '$lib/data/contract';
import { andAll, type SqlFragment } from '$lib/data/sql-fragment';
import {
	decodeIndicatorValues,
	indicatorValuesSql,
	type IndicatorValues
} from '$lib/data/queries/indicator-values';
import type { Client } from '$lib/crossfilter/client';
import type { Coordinator } from '$lib/crossfilter/coordinator';
import type { Selection } from '$lib/crossfilter/selection';
import { cellPickField, compareYears, type ChangeResult } from './change-model';
import type { View } from './view-defaults';

export type { ChangeCell, ChangeResult } from './change-model';

/** One year's answer, through the coordinator (which drops it if a newer request was made). */
class YearClient implements Client {
	/** The request key and year of the newest query, and its answer once it came. */
	asked: { key: string; year: number } | null = null;
	answer: { key: string; values: IndicatorValues } | null = null;

	constructor(
		private readonly owner: ChangeView,
		private readonly which: 'a' | 'b'
	) {}

	query(): SqlFragment | null {
		const req = this.owner.asking;
		if (!req) return null;
		const year = this.which === 'a' ? req.yearA : req.yearB;
		this.asked = { key: req.key, year };
		return indicatorValuesSql(req.meta, {
			key: req.meta.key,
			year,
			level: req.view.level,
			stat: req.view.stat,
			category: req.view.category,
			filter: req.filter
		});
	}

	queryResult(table: Table): void {
		if (!this.asked) return;
		this.answer = { key: this.asked.key, values: decodeIndicatorValues(table) };
		this.owner.combine();
	}

	queryError(e: Error): void {
		this.owner.error = e;
		this.owner.pending = false;
	}
}

interface ChangeRequest {
	view: View;
	meta: IndicatorMeta;
	yearA: number;
	yearB: number;
	filter: SqlFragment | null;
	/** The loaded dataset the answers come from: another region needs new answers. */
	dataset: unknown;
	/** What the answers depend on: a result pairs two answers with the same key. */
	key: string;
}

export class ChangeView {
	result = $state.raw<ChangeResult | null>(null);
	error = $state.raw<Error | null>(null);
	/** Whether answers for the newest request are still on their way. */
	pending = $state(false);
	#request: ChangeRequest | null = null;

	#a = new YearClient(this, 'a');
	#b = new YearClient(this, 'b');
	#seq = 0;
	#unsubscribe: () => void;

	constructor(
		private readonly coordinator: Coordinator,
		private readonly selection: Selection | null = null
	) {
		// A new filter re-asks both years; a cell pick (excluded from the filter) only recolours.
		this.#unsubscribe = selection?.on(() => this.#refresh()) ?? (() => {});
	}

	/** The newest request (what the year clients ask for). */
	get asking(): Readonly<ChangeRequest> | null {
		return this.#request;
	}

	/**
	 * Compare `yearA` with `yearB` for `view`'s indicator and classification. `dataset`: the
	 * loaded dataset (any object that changes when a region is loaded), so a new region is asked
	 * again even when the view is the same.
	 */
	show(view: View, meta: IndicatorMeta, yearA: number, yearB: number, dataset?: unknown): void {
		if (meta.key !== view.indicator) throw new Error(`meta ${meta.key} for ${view.indicator}`);
		const prev = this.#request;
		const same = prev && prev.dataset === dataset;
		this.#request = {
			view,
			meta,
			yearA,
			yearB,
			dataset,
			filter: prev?.filter ?? null,
			key: same ? prev.key : ''
		};
		this.#refresh(true);
	}

	/** Resolves when both years' answers for the newest request have been handled. */
	settled(): Promise<void> {
		return this.coordinator.whenIdle();
	}

	/** Pair the two answers when both belong to the newest request. */
	combine(): void {
		const req = this.#request;
		const a = this.#a.answer;
		const b = this.#b.answer;
		if (!req || a?.key !== req.key || b?.key !== req.key) return;
		try {
			const years: [number, number] = [req.yearA, req.yearB];
			this.result = compareYears(req.meta, req.view, years, [a.values, b.values], ++this.#seq);
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e : new Error(String(e));
		}
		this.pending = false;
	}

	destroy(): void {
		this.#unsubscribe();
		this.coordinator.disconnect(this.#a);
		this.coordinator.disconnect(this.#b);
	}

	/** Re-ask both years when what they depend on changed; else recolour from the answers. */
	#refresh(viewChanged = false): void {
		const req = this.#request;
		if (!req) return;
		const field = cellPickField(req.view.level);
		const clauses = this.selection?.clauses.filter((c) => c.field !== field) ?? [];
		const filter = andAll(clauses.map((c) => c.predicate));
		const v = req.view;
		const key = JSON.stringify([
			...[v.indicator, v.level, v.stat, v.category, v.method, v.classes, v.breaks],
			...[req.yearA, req.yearB, filter]
		]);
		if (key === req.key && !viewChanged) return;
		if (key === req.key) return this.combine(); // same answers, maybe another cell pick
		this.#request = { ...req, filter, key };
		this.pending = true;
		void this.coordinator.requestQuery(this.#a);
		void this.coordinator.requestQuery(this.#b);
	}
}
