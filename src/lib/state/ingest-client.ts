/**
 * The page's side of the import worker: `read(request)` posts one file and resolves with the
 * worker's answer; `cancel()` ends the worker at once (a parse cannot be interrupted from
 * outside any other way) and rejects what was waiting with `ImportCancelled`; the next read
 * starts a fresh worker. A worker that dies answers as `crashed`, never leaves a promise hanging.
 */
import type { IngestAnswer, IngestRequest } from '$lib/ingest/ingest-protocol';

export class ImportCancelled extends Error {
	constructor() {
		super('import cancelled');
		this.name = 'ImportCancelled';
	}
}

type Pending = { resolve: (a: IngestAnswer) => void; reject: (e: Error) => void };
type Body = IngestRequest extends infer R
	? R extends IngestRequest
		? Omit<R, 'id'>
		: never
	: never;

export class IngestClient {
	#worker: Worker | null = null;
	#pending = new Map<number, Pending>();
	#next = 1;

	#start(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('../ingest/ingest-worker.ts', import.meta.url), {
			type: 'module',
			name: 'village-atlas-import'
		});
		w.onmessage = (e: MessageEvent<IngestAnswer>) => {
			const p = this.#pending.get(e.data.id);
			this.#pending.delete(e.data.id);
			p?.resolve(e.data);
		};
		w.onerror = (e) => {
			e.preventDefault();
			this.#fail((id) => ({
				id,
				kind: 'crashed',
				message_zh: '导入程序意外停止，文件可能过大或已损坏',
				message_en: 'The importer stopped; the file may be too large or damaged',
				detail: e.message ?? ''
			}));
		};
		this.#worker = w;
		return w;
	}

	#fail(answer: (id: number) => IngestAnswer): void {
		for (const [id, p] of this.#pending) p.resolve(answer(id));
		this.#pending.clear();
		this.#worker?.terminate();
		this.#worker = null;
	}

	read(body: Body): Promise<IngestAnswer> {
		const id = this.#next++;
		const worker = this.#start();
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			worker.postMessage({ ...body, id } as IngestRequest);
		});
	}

	cancel(): void {
		for (const p of this.#pending.values()) p.reject(new ImportCancelled());
		this.#pending.clear();
		this.#worker?.terminate();
		this.#worker = null;
	}

	destroy(): void {
		this.cancel();
	}
}
