import { describe, expect, it, vi } from 'vitest';
import { sql } from '$lib/data/sql-fragment';
import type { Client } from './client';
import { Selection, type Clause } from './selection';

/** A client that only needs an identity here; selections never call it. */
function client(): Client {
	return { query: () => null, queryResult: () => {} };
}

function clause(source: unknown, text: string, param: string): Clause {
	return {
		source,
		field: 'f',
		op: 'in',
		value: [param],
		predicate: { sql: text, params: [param] }
	};
}

describe('Selection', () => {
	it('crossfilter: a client is not filtered by its own clause, and is by the others', () => {
		const s = Selection.crossfilter();
		const a = client();
		const b = client();
		s.update(clause(a, 'x = ?', 'A'));
		s.update(clause(b, 'y = ?', 'B'));
		expect(s.predicate(a)).toEqual({ sql: 'y = ?', params: ['B'] });
		expect(s.predicate(b)).toEqual({ sql: 'x = ?', params: ['A'] });
		const other = client();
		expect(s.predicate(other)).toEqual({ sql: '(x = ?) AND (y = ?)', params: ['A', 'B'] });
		expect(s.predicate()).toEqual(s.predicate(other));
	});

	it('crossfilter: a client whose clause is the only one is unfiltered', () => {
		const s = Selection.crossfilter();
		const a = client();
		s.update(clause(a, 'x = ?', 'A'));
		expect(s.predicate(a)).toBeNull();
	});

	it('crossfilter: a clause leaves out the clients it exempts, and only those', () => {
		// The legend pick (source: the map) and the histogram brush are one filter on the indicator.
		const s = Selection.crossfilter();
		const map = client();
		const histogram = client();
		const bars = client();
		s.update({ ...clause(map, 'v >= ?', '3'), exempt: [histogram] });
		s.update({ ...clause('filter:township', 't IN (?)', 'T1'), exempt: [bars] });
		expect(s.predicate(map)).toEqual({ sql: 't IN (?)', params: ['T1'] });
		expect(s.predicate(histogram)).toEqual({ sql: 't IN (?)', params: ['T1'] });
		expect(s.predicate(bars)).toEqual({ sql: 'v >= ?', params: ['3'] });
		expect(s.predicate(client())).toEqual({
			sql: '(v >= ?) AND (t IN (?))',
			params: ['3', 'T1']
		});
		const i = Selection.intersect();
		i.update({ ...clause(map, 'v >= ?', '3'), exempt: [histogram] });
		expect(i.predicate(histogram)).toEqual({ sql: 'v >= ?', params: ['3'] });
	});

	it('a change of exempt clients alone is a change (listeners hear it)', () => {
		const s = Selection.crossfilter();
		const map = client();
		const histogram = client();
		const fn = vi.fn();
		s.update(clause(map, 'v >= ?', '3'));
		s.on(fn);
		s.update({ ...clause(map, 'v >= ?', '3'), exempt: [histogram] });
		expect(fn).toHaveBeenCalledTimes(1);
		expect(s.predicate(histogram)).toBeNull();
		s.replace([{ ...clause(map, 'v >= ?', '3'), exempt: [histogram] }]);
		expect(fn).toHaveBeenCalledTimes(1);
		s.replace([clause(map, 'v >= ?', '3')]);
		expect(fn).toHaveBeenCalledTimes(2);
		expect(s.predicate(histogram)).toEqual({ sql: 'v >= ?', params: ['3'] });
	});

	it('intersect: every clause applies to every client, its own included', () => {
		const s = Selection.intersect();
		const a = client();
		const b = client();
		s.update(clause(a, 'x = ?', 'A'));
		s.update(clause(b, 'y = ?', 'B'));
		expect(s.cross).toBe(false);
		expect(s.predicate(a)).toEqual({ sql: '(x = ?) AND (y = ?)', params: ['A', 'B'] });
		expect(s.predicate(b)).toEqual(s.predicate(a));
	});

	it('holds one clause per source: a new clause from the same source replaces the old one', () => {
		const s = Selection.intersect();
		const a = client();
		s.update(clause(a, 'x = ?', 'A'));
		s.update(clause(a, 'x = ?', 'A2'));
		expect(s.clauses).toHaveLength(1);
		expect(s.predicate()).toEqual({ sql: 'x = ?', params: ['A2'] });
		expect(s.clauseOf(a)?.value).toEqual(['A2']);
	});

	it('notifies on every real change, and removing a clause restores the earlier filter', () => {
		const s = Selection.crossfilter();
		const seen: number[] = [];
		const fn = (cs: readonly Clause[]) => seen.push(cs.length);
		s.addEventListener('value', fn);
		const a = client();
		const b = client();
		s.update(clause(a, 'x = ?', 'A'));
		const before = s.predicate(b);
		s.update(clause(b, 'y = ?', 'B'));
		expect(s.predicate(a)).toEqual({ sql: 'y = ?', params: ['B'] });
		s.remove(b);
		expect(seen).toEqual([1, 2, 1]);
		expect(s.predicate(a)).toBeNull();
		expect(s.predicate(b)).toEqual(before);
		s.remove(b); // nothing to remove: no event
		s.update(clause(a, 'x = ?', 'A')); // the same clause again: no event
		expect(seen).toEqual([1, 2, 1]);
		s.clear();
		expect(seen).toEqual([1, 2, 1, 0]);
		expect(s.predicate()).toBeNull();
		s.removeEventListener('value', fn);
		s.update(clause(a, 'x = ?', 'A'));
		expect(seen).toEqual([1, 2, 1, 0]);
	});

	it('a clause with a null predicate removes the source’s clause', () => {
		const s = Selection.intersect();
		const a = client();
		const fn = vi.fn();
		s.update(clause(a, 'x = ?', 'A'));
		const off = s.on(fn);
		s.update({ source: a, field: 'f', op: 'in', value: [], predicate: null });
		expect(s.clauses).toEqual([]);
		expect(fn).toHaveBeenCalledTimes(1);
		off();
		s.update({ source: a, field: 'f', op: 'in', value: [], predicate: sql('true') });
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it('replace swaps every clause with one notification, none if nothing changed', () => {
		const s = Selection.crossfilter();
		const a = client();
		const b = client();
		s.update(clause(a, 'x = ?', 'A'));
		const fn = vi.fn();
		s.on(fn);
		s.replace([clause(b, 'y = ?', 'B'), clause(a, 'x = ?', 'A2'), clause(a, 'x = ?', 'A3')]);
		expect(fn).toHaveBeenCalledTimes(1);
		expect(s.clauses.map((c) => c.value)).toEqual([['B'], ['A3']]);
		expect(s.predicate(a)).toEqual({ sql: 'y = ?', params: ['B'] });
		s.replace([clause(b, 'y = ?', 'B'), clause(a, 'x = ?', 'A3')]);
		expect(fn).toHaveBeenCalledTimes(1);
		s.replace([clause(a, 'y = ?', 'B'), clause(b, 'x = ?', 'A3')]); // sources swapped
		expect(fn).toHaveBeenCalledTimes(2);
		s.replace([]);
		expect(fn).toHaveBeenCalledTimes(3);
		expect(s.predicate()).toBeNull();
	});

	it('a listener that throws does not keep the others from hearing the change', () => {
		const s = Selection.intersect();
		const err = vi.spyOn(console, 'error').mockImplementation(() => {});
		const good = vi.fn();
		s.on(() => {
			throw new Error('broken view');
		});
		s.on(good);
		s.update(clause('chip', 'x = ?', 'A'));
		expect(good).toHaveBeenCalledTimes(1);
		expect(err).toHaveBeenCalledTimes(1);
		err.mockRestore();
	});
});
