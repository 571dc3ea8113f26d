/**
 * The import store in real Chromium, on both backends (OPFS and IndexedDB, each forced): entries
 * and bytes survive a new store object, order is import order, a replaced entry keeps its place;
 * a write that dies before the index, a full disk and a lost file each leave the saved state
 * whole; a damaged index is kept aside. Failures are injected by wrapping the real backend.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openIndexedDbBackend, openOpfsBackend, type ImportBackend } from './import-backends';
import { newImportId, type ImportEntry } from './import-entry';
import { openImportStore } from './import-store';

const names: string[] = [];
afterEach(async () => {
	for (const name of names.splice(0)) {
		await (
			await navigator.storage.getDirectory()
		)
			.removeEntry(name, { recursive: true })
			.catch(() => {});
		indexedDB.deleteDatabase(name);
	}
});

function entry(fileName: string, over: Partial<ImportEntry> = {}): ImportEntry {
	return {
		id: newImportId(),
		fileName,
		kind: 'table',
		region: '610924',
		importedAt: new Date().toISOString(),
		size: 0,
		overrides: { '3': { role: 'indicator', key: 'collective_income', year: 2020, scale: 1 } },
		newIndicators: [],
		options: { sheet: 0, encoding: 'gb18030' },
		...over
	};
}

const bytesOf = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * seed) % 251);

describe.each(['opfs', 'indexeddb'] as const)('import store on %s', (kind) => {
	async function open(wrap: (b: ImportBackend) => ImportBackend = (b) => b) {
		const name = names[names.length - 1] ?? `va-test-${kind}-${newImportId()}`;
		if (!names.includes(name)) names.push(name);
		const backend =
			kind === 'opfs' ? await openOpfsBackend(name) : await openIndexedDbBackend(name);
		return { backend, store: await openImportStore({ backend: wrap(backend), name }) };
	}

	it('keeps entries and bytes in import order; a replaced entry keeps its place', async () => {
		const { store, backend } = await open();
		expect(store.backend).toBe(kind);
		const a = entry('村集体经济收入（2020年）.csv');
		const b = entry('边界.zip', { kind: 'boundary', overrides: {}, options: { codeField: 'DM' } });
		expect(await store.put(a, bytesOf(1000))).toEqual({ ok: true });
		expect(await store.put(b, bytesOf(3000, 7))).toEqual({ ok: true });
		expect(await store.put({ ...a, fileName: '改.csv' }, bytesOf(500, 3))).toEqual({ ok: true });
		// A store opened afresh (as after a reload) reads the same.
		const again = (await open()).store;
		const { entries, notes } = await again.list();
		expect(notes).toEqual([]);
		expect(entries.map((e) => [e.id, e.fileName, e.size])).toEqual([
			[a.id, '改.csv', 500],
			[b.id, '边界.zip', 3000]
		]);
		expect(entries[1]?.options).toEqual({ codeField: 'DM' });
		expect((await again.get(a.id))?.bytes).toEqual(bytesOf(500, 3));
		expect((await again.get(b.id))?.bytes).toEqual(bytesOf(3000, 7));
		expect(await again.get('nope')).toBeNull();
		expect((await backend.names()).filter((n) => n.endsWith('.bin'))).toHaveLength(2);
		const usage = await again.usage();
		expect(usage.ours).toBe(3500);
		expect(usage.quota).toBeGreaterThan(0);
		expect(await again.remove(a.id)).toEqual({ ok: true });
		expect((await again.list()).entries.map((e) => e.id)).toEqual([b.id]);
		expect(await again.clear()).toEqual({ ok: true });
		expect((await again.list()).entries).toEqual([]);
		expect((await backend.names()).filter((n) => n.endsWith('.bin'))).toEqual([]);
	});

	it('keeps the saved state when the browser refuses the bytes (storage full)', async () => {
		const full = (b: ImportBackend): ImportBackend => ({
			...b,
			write: (name, bytes) =>
				bytes.byteLength > 10_000
					? Promise.reject(new DOMException('quota', 'QuotaExceededError'))
					: b.write(name, bytes)
		});
		const { store, backend } = await open(full);
		const a = entry('a.csv');
		expect(await store.put(a, bytesOf(100))).toEqual({ ok: true });
		const refused = await store.put(entry('大文件.xlsx'), bytesOf(20_000));
		expect(refused).toMatchObject({ ok: false });
		if (!refused.ok) {
			expect(refused.reason_zh).toContain('存储空间不足');
			expect(refused.reason_zh).toContain('大文件.xlsx');
			expect(refused.reason_en).toContain('storage is full');
		}
		expect((await store.list()).entries.map((e) => e.id)).toEqual([a.id]);
		expect((await store.get(a.id))?.bytes).toEqual(bytesOf(100));
		expect((await backend.names()).filter((n) => n.endsWith('.bin'))).toHaveLength(1);
	});

	it('leaves the old state when a write dies before the index, and sweeps the orphan', async () => {
		const dying = (b: ImportBackend): ImportBackend => ({
			...b,
			write: (name, bytes) =>
				name === 'index.json' && new TextDecoder().decode(bytes).includes('"b.csv"')
					? Promise.reject(new Error('tab closed'))
					: b.write(name, bytes)
		});
		const { store, backend } = await open(dying);
		const a = entry('a.csv');
		expect(await store.put(a, bytesOf(10))).toEqual({ ok: true });
		const second = await store.put(entry('b.csv'), bytesOf(10));
		expect(second.ok).toBe(false);
		// A reload after the bytes but before the index: an orphan file, the index unchanged.
		await backend.write('zz-orphan.bin', bytesOf(50));
		const { entries, notes } = await store.list();
		expect(entries.map((e) => e.id)).toEqual([a.id]);
		expect(notes).toEqual([]);
		expect((await backend.names()).filter((n) => n.endsWith('.bin'))).toHaveLength(1);
	});

	it('drops an entry whose bytes are gone, with a note, and keeps a damaged index aside', async () => {
		const { store, backend } = await open();
		const a = entry('a.csv');
		const b = entry('b.csv');
		await store.put(a, bytesOf(10));
		await store.put(b, bytesOf(20));
		const fileOfA = (await backend.names()).find((n) => n.startsWith(a.id));
		await backend.remove(fileOfA as string);
		const listed = await store.list();
		expect(listed.entries.map((e) => e.id)).toEqual([b.id]);
		expect(listed.notes).toHaveLength(1);
		expect(listed.notes[0]?.zh).toContain('a.csv');
		expect((await store.list()).notes).toEqual([]); // the index was rewritten without it

		await backend.write('index.json', new TextEncoder().encode('{"kind": "village-atl'));
		const damaged = await store.list();
		expect(damaged.entries).toEqual([]);
		expect(damaged.notes[0]?.en).toContain('damaged');
		expect((await backend.names()).some((n) => n.startsWith('index-unreadable-'))).toBe(true);
	});

	it('serialises concurrent changes and refuses a malformed entry', async () => {
		const { store } = await open();
		const many = Array.from({ length: 6 }, (_, i) => entry(`f${i}.csv`));
		const results = await Promise.all(many.map((e, i) => store.put(e, bytesOf(10 + i))));
		expect(results.every((r) => r.ok)).toBe(true);
		expect((await store.list()).entries.map((e) => e.fileName).sort()).toEqual(
			many.map((e) => e.fileName).sort()
		);
		const bad = await store.put({ ...entry('x.csv'), id: '../evil' }, bytesOf(5));
		expect(bad.ok).toBe(false);
		expect((await store.list()).entries).toHaveLength(6);
	});
});

describe('openImportStore', () => {
	it('picks OPFS in Chromium and IndexedDB when asked', async () => {
		const name = `va-test-pick-${newImportId()}`;
		names.push(name);
		expect((await openImportStore({ name })).backend).toBe('opfs');
		const idb = await openImportStore({ name, backend: 'indexeddb' });
		expect(idb.backend).toBe('indexeddb');
		expect(await idb.put(entry('x.csv'), bytesOf(3))).toEqual({ ok: true });
		expect((await idb.list()).entries).toHaveLength(1);
	});
});
