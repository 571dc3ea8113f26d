/**
 * The workspace's localStorage parts: read with the screens' own keys, written all or none.
 * Node has no localStorage, so a small in-memory Storage stands in, refusing chosen keys as a
 * full browser would.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLocalParts, writeLocalParts, type LocalParts } from './workspace-local';

function memoryStorage(refuse: (key: string) => boolean = () => false) {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k: string) => map.get(k) ?? null,
		setItem: (k: string, v: string) => {
			if (refuse(k)) throw new DOMException('full', 'QuotaExceededError');
			map.set(k, v);
		},
		removeItem: (k: string) => map.delete(k)
	};
}

const parts: LocalParts = {
	views: [{ id: 'v1', title: '薄弱村', note: '', query: 'indicator=incidence', savedAt: 'x' }],
	queries: [{ id: 'q1', name: '收入', sql: 'SELECT 1', at: '2026-11-30' }],
	planner: 'year=2023&combine=or'
};

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('workspace local parts', () => {
	it('reads empty parts, then what was written, under the screens keys', () => {
		const s = memoryStorage();
		vi.stubGlobal('localStorage', s);
		expect(readLocalParts()).toEqual({ views: [], queries: [], planner: '' });
		expect(writeLocalParts(parts)).toBe(true);
		expect(readLocalParts()).toEqual(parts);
		expect([...s.map.keys()].sort()).toEqual([
			'village-atlas.briefing.views',
			'village-atlas.console.saved',
			'village-atlas.planner.settings'
		]);
	});

	it('writes none when the browser refuses one', () => {
		let full = false;
		const s = memoryStorage((k) => full && k.endsWith('planner.settings'));
		vi.stubGlobal('localStorage', s);
		const old: LocalParts = { views: [], queries: [], planner: 'year=2020' };
		expect(writeLocalParts(old)).toBe(true);
		full = true;
		expect(writeLocalParts(parts)).toBe(false);
		expect(readLocalParts()).toEqual(old);
	});
});
