/**
 * Where imported files are kept in the browser: a folder of the origin private file system
 * (OPFS), or an IndexedDB object store where OPFS cannot write from the page (older Safari has
 * no `createWritable`). Both are a flat set of named byte files; `import-store.ts` builds the
 * index and the write order on top, so the two behave the same.
 *
 * Contract: `write` replaces a file whole or not at all — OPFS's writable stream writes to a swap
 * file that replaces the old one only on `close()`, and an IndexedDB write is one transaction
 * (committed with strict durability, so a later write cannot reach the disk before it); `read`
 * answers null for a missing file; a browser's refusal (quota) rejects with its DOMException.
 */

export interface ImportBackend {
	readonly kind: 'opfs' | 'indexeddb';
	read(name: string): Promise<Uint8Array | null>;
	write(name: string, bytes: Uint8Array): Promise<void>;
	remove(name: string): Promise<void>;
	names(): Promise<string[]>;
}

const isNotFound = (e: unknown) =>
	e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError');

/** True when this page can write OPFS files (not only read them). */
export function opfsWritable(): boolean {
	return (
		typeof navigator !== 'undefined' &&
		typeof navigator.storage?.getDirectory === 'function' &&
		typeof FileSystemFileHandle !== 'undefined' &&
		'createWritable' in FileSystemFileHandle.prototype
	);
}

export async function openOpfsBackend(folder: string): Promise<ImportBackend> {
	const root = await navigator.storage.getDirectory();
	const dir = await root.getDirectoryHandle(folder, { create: true });
	return {
		kind: 'opfs',
		async read(name) {
			try {
				const file = await (await dir.getFileHandle(name)).getFile();
				return new Uint8Array(await file.arrayBuffer());
			} catch (e) {
				if (isNotFound(e)) return null;
				throw e;
			}
		},
		async write(name, bytes) {
			const stream = await (await dir.getFileHandle(name, { create: true })).createWritable();
			try {
				await stream.write(bytes as Uint8Array<ArrayBuffer>);
				await stream.close();
			} catch (e) {
				await stream.abort().catch(() => {}); // drops the swap file; the old content stays
				throw e;
			}
		},
		async remove(name) {
			await dir.removeEntry(name).catch((e: unknown) => {
				if (!isNotFound(e)) throw e;
			});
		},
		async names() {
			const out: string[] = [];
			for await (const name of dir.keys()) out.push(name);
			return out;
		}
	};
}

let chain: Promise<unknown> = Promise.resolve();

/** Run `work` alone: under a Web Lock across tabs, or at least one at a time in this tab. */
export function exclusive<T>(lock: string, work: () => Promise<T>): Promise<T> {
	if (typeof navigator !== 'undefined' && navigator.locks)
		return navigator.locks.request(lock, work);
	const next = chain.then(work, work);
	chain = next.catch(() => {});
	return next;
}

const STORE = 'files';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** Resolves when the transaction commits; rejects with its error (QuotaExceededError…) on abort. */
function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
		tx.onerror = () => {}; // onabort follows and carries the error
	});
}

export async function openIndexedDbBackend(name: string): Promise<ImportBackend> {
	const open = indexedDB.open(name, 1);
	open.onupgradeneeded = () => open.result.createObjectStore(STORE);
	const db = await request(open);
	// Another tab deleting or upgrading the database: let it, this handle reopens on next load.
	db.onversionchange = () => db.close();
	const tx = (mode: IDBTransactionMode) =>
		db.transaction(STORE, mode, { durability: 'strict' }).objectStore(STORE);
	return {
		kind: 'indexeddb',
		async read(file) {
			const v: unknown = await request(tx('readonly').get(file));
			return v instanceof Uint8Array ? v : v instanceof ArrayBuffer ? new Uint8Array(v) : null;
		},
		async write(file, bytes) {
			const store = tx('readwrite');
			// A view into a larger buffer would store the whole buffer: keep just its bytes.
			const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
			store.put(whole ? bytes : bytes.slice(), file);
			await done(store.transaction);
		},
		async remove(file) {
			const store = tx('readwrite');
			store.delete(file);
			await done(store.transaction);
		},
		async names() {
			const keys = await request(tx('readonly').getAllKeys());
			return keys.map(String);
		}
	};
}

/**
 * The backend for `name`: the one asked for, or OPFS where the page can write it and IndexedDB
 * otherwise — also when OPFS is there but refuses to open (some private modes).
 */
export async function openBackend(
	name: string,
	kind?: ImportBackend['kind']
): Promise<ImportBackend> {
	if (kind === 'indexeddb' || (!kind && !opfsWritable())) return openIndexedDbBackend(name);
	if (kind === 'opfs') return openOpfsBackend(name);
	return openOpfsBackend(name).catch(() => openIndexedDbBackend(name));
}
