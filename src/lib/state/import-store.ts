/**
 * The imported files kept in the browser across reloads: each file's original bytes with its
 * entry (`import-entry.ts`), on OPFS or, where OPFS cannot write, IndexedDB (`import-backends.ts`).
 * An index file lists the entries in the order they were imported — the order they are applied
 * again after a reload.
 *
 * Contract: a change is atomic per entry. `put` writes the bytes under a fresh name no index
 * mentions yet, then the index, which is the one moment the change takes effect; a reload in
 * between leaves the old state plus an unreferenced file, removed at the next `list()`. An index
 * entry whose bytes are missing is dropped at `list()` with a note. A refusal (storage full) or
 * any other failure answers `{ok: false, reason_zh, reason_en}` and what was saved stays. Changes
 * are serialised across tabs by a Web Lock, so two tabs never write the index over each other.
 */
import { exclusive, openBackend, type ImportBackend } from './import-backends';
import { isImportEntry, type ImportEntry } from './import-entry';

export type StoreResult = { ok: true } | { ok: false; reason_zh: string; reason_en: string };
export type StoreNote = { zh: string; en: string };

export interface StorageUsage {
	/** Bytes of the imported files we keep. */
	ours: number;
	/** The browser's estimate for the whole origin, when it gives one. */
	usage: number | null;
	quota: number | null;
}

export interface ImportStore {
	readonly backend: ImportBackend['kind'];
	list(): Promise<{ entries: ImportEntry[]; notes: StoreNote[] }>;
	put(entry: ImportEntry, bytes: Uint8Array): Promise<StoreResult>;
	get(id: string): Promise<{ entry: ImportEntry; bytes: Uint8Array } | null>;
	remove(id: string): Promise<StoreResult>;
	clear(): Promise<StoreResult>;
	usage(): Promise<StorageUsage>;
	/** Ask the browser not to evict our storage under pressure; true when granted. */
	persist(): Promise<boolean>;
}

export interface StoreOptions {
	/** Default: OPFS when the page can write it, else IndexedDB; or a backend of one's own. */
	backend?: 'opfs' | 'indexeddb' | ImportBackend;
	/** OPFS folder and IndexedDB database name. */
	name?: string;
}

const INDEX = 'index.json';
const INDEX_KIND = 'village-atlas/imports';
type Stored = { entry: ImportEntry; file: string };

function failed(reason_zh: string, reason_en: string) {
	return { ok: false as const, reason_zh, reason_en };
}

function reasonOf(error: unknown, fileName: string, enName = fileName): StoreResult {
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	if (name === 'QuotaExceededError')
		return failed(
			`浏览器存储空间不足，“${fileName}”未保存；之前保存的导入仍在。请删除不用的导入后重试。`,
			`The browser's storage is full: "${enName}" was not saved; imports saved before are kept. Remove imports you no longer need and try again.`
		);
	const detail = error instanceof Error ? error.message : String(error);
	return failed(
		`浏览器存储未能完成对“${fileName}”的更改（${detail}）；之前保存的导入仍在。`,
		`The browser's storage could not complete the change to "${enName}" (${detail}); imports saved before are kept.`
	);
}

export async function openImportStore(options: StoreOptions = {}): Promise<ImportStore> {
	const name = options.name ?? 'village-atlas-imports';
	const b =
		typeof options.backend === 'object'
			? options.backend
			: await openBackend(name, options.backend);
	const lock = `${name}.lock`;

	/**
	 * The index as stored, its unreadable entries dropped with a note. Under the lock (`notes`
	 * given) an unreadable index is first copied aside, never silently overwritten by the next write.
	 */
	async function readIndex(notes?: StoreNote[]): Promise<Stored[]> {
		const bytes = await b.read(INDEX);
		if (!bytes) return [];
		try {
			const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
			const list = (json as { kind?: unknown; entries?: unknown }).entries;
			if ((json as { kind?: unknown }).kind !== INDEX_KIND || !Array.isArray(list))
				throw new Error('not an import index');
			return list.filter((s: Stored) => {
				const ok = isImportEntry(s?.entry) && typeof s.file === 'string';
				if (!ok)
					notes?.push({
						zh: '一条导入记录无法读取，已略过',
						en: 'an unreadable import record was skipped'
					});
				return ok;
			});
		} catch {
			if (!notes) return [];
			await b.write(`index-unreadable-${Date.now()}.json`, bytes);
			notes.push({
				zh: '导入索引已损坏，已另存并重建',
				en: 'the import index was damaged; kept aside, rebuilt'
			});
			return [];
		}
	}

	const writeIndex = (list: Stored[]) =>
		b.write(
			INDEX,
			new TextEncoder().encode(JSON.stringify({ kind: INDEX_KIND, version: 1, entries: list }))
		);

	return {
		backend: b.kind,
		list: () =>
			exclusive(lock, async () => {
				const notes: StoreNote[] = [];
				const stored = await readIndex(notes);
				const files = new Set(await b.names());
				const kept = stored.filter((s) => files.has(s.file));
				for (const s of stored.filter((x) => !kept.includes(x)))
					notes.push({
						zh: `“${s.entry.fileName}”的文件已不在浏览器存储中，已移除该导入`,
						en: `the file of "${s.entry.fileName}" is no longer in browser storage; its import was removed`
					});
				if (kept.length < stored.length) await writeIndex(kept);
				// Files no entry names: left by a reload in the middle of a `put`.
				const named = new Set(kept.map((s) => s.file));
				for (const f of files)
					if (f.endsWith('.bin') && !named.has(f)) await b.remove(f).catch(() => {});
				return { entries: kept.map((s) => s.entry), notes };
			}),
		put: (entry, bytes) =>
			exclusive(lock, async () => {
				const full = { ...entry, size: bytes.byteLength };
				if (!isImportEntry(full))
					return failed('导入记录不完整，未保存', 'the import record is incomplete; nothing saved');
				const file = `${entry.id}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.bin`;
				try {
					const list = await readIndex([]);
					await b.write(file, bytes);
					const at = list.findIndex((s) => s.entry.id === entry.id);
					const next =
						at < 0 ? [...list, { entry: full, file }] : list.with(at, { entry: full, file });
					await writeIndex(next);
					if (at >= 0) await b.remove((list[at] as Stored).file).catch(() => {});
					return { ok: true as const };
				} catch (error) {
					await b.remove(file).catch(() => {});
					return reasonOf(error, entry.fileName);
				}
			}),
		get: (id) =>
			exclusive(lock, async () => {
				const found = (await readIndex()).find((s) => s.entry.id === id);
				const bytes = found ? await b.read(found.file) : null;
				return found && bytes ? { entry: found.entry, bytes } : null;
			}),
		remove: (id) =>
			exclusive(lock, async () => {
				const list = await readIndex([]);
				const gone = list.find((s) => s.entry.id === id);
				try {
					if (!gone) return { ok: true as const };
					await writeIndex(list.filter((s) => s !== gone));
					await b.remove(gone.file).catch(() => {}); // an orphan is swept by `list()`
					return { ok: true as const };
				} catch (error) {
					return reasonOf(error, gone?.entry.fileName ?? id);
				}
			}),
		clear: () =>
			exclusive(lock, async () => {
				try {
					await writeIndex([]);
					for (const f of await b.names()) if (f.endsWith('.bin')) await b.remove(f);
					return { ok: true as const };
				} catch (error) {
					return reasonOf(error, '全部导入', 'all imports');
				}
			}),
		usage: async () => {
			const ours = (await readIndex()).reduce((sum, s) => sum + s.entry.size, 0);
			const estimate = await navigator.storage?.estimate?.().catch(() => null);
			return { ours, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
		},
		persist: async () => (await navigator.storage?.persist?.().catch(() => false)) ?? false
	};
}
