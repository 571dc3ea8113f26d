/**
 * The rows of one console result as the virtualised table asks for them: pages of `PAGE` rows
 * read from the engine on demand (the table draws only what is on screen), kept in a small cache.
 *
 * Contract: `row(i)` answers the cells of row i, or null while its page is being read (the
 * table shows a placeholder and redraws when `version` moves). A direct (in-memory) result is
 * one page. A new result is a new object; an old one stops asking.
 */
import type { Connector } from '$lib/data/connector';
import { queryResultPage } from '$lib/data/queries/console-result';
import type { Cell } from '$lib/analysis/table-export';
import { tableRows } from './result-rows';

export const PAGE = 200;
const KEEP = 40; // pages, ~8,000 rows

export class ResultPages {
	version = $state(0);
	// Caches behind `version`, which is what the table watches.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pages = new Map<number, Cell[][]>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#loading = new Set<number>();
	#closed = false;

	constructor(
		private readonly db: Connector | null,
		readonly rowCount: number,
		/** The first page, already read (or every row of a direct answer). */
		inMemory: Cell[][] | null = null
	) {
		if (inMemory) this.#pages.set(0, inMemory);
	}

	row(i: number): Cell[] | null {
		const p = Math.floor(i / PAGE);
		const page = this.#pages.get(p);
		if (page) return page[i - p * PAGE] ?? null;
		void this.#load(p);
		return null;
	}

	/** Stop reading pages (a newer result replaced this one). */
	close(): void {
		this.#closed = true;
	}

	async #load(p: number): Promise<void> {
		if (!this.db || this.#loading.has(p) || this.#closed) return;
		this.#loading.add(p);
		try {
			const t = await queryResultPage(this.db, p * PAGE, PAGE);
			if (this.#closed) return;
			if (this.#pages.size >= KEEP) this.#pages.delete(this.#pages.keys().next().value as number);
			this.#pages.set(p, tableRows(t).rows);
			this.version++;
		} catch {
			// the result was replaced meanwhile (its table is gone): nothing to show
		} finally {
			this.#loading.delete(p);
		}
	}
}
