/**
 * The analyst console's state: the editor text, running one statement (or the selected ones) on
 * the session's engine with the spatial functions installed, the result as pages, errors with
 * their position, cancellation, history and saved queries kept across reloads, and what the
 * result puts on the map.
 *
 * Contract: `run(text)` checks each statement first (`data/sql-guard.ts`: the loaded tables,
 * views and functions cannot be changed; extensions, files and settings are refused with a plain
 * message) and never lets an engine error escape: it ends in `result` or `error`. A newer run
 * cancels the older one. The draft, history (newest first, 50) and saved queries persist in
 * localStorage; a refusal to store is reported in `notice`, never silently dropped.
 */
import { QueryCancelled } from '$lib/data/connector';
import {
	materialise,
	queryResultColumns,
	queryResultPage,
	StatementError,
	type ResultColumn
} from '$lib/data/queries/console-result';
import { queryConsoleSchema, type ConsoleSchema } from '$lib/data/queries/console-schema';
import { checkStatement, errorPosition, guardMessage, splitStatements } from '$lib/data/sql-guard';
import { lineColumn } from '$lib/data/engine-error';
import { hotspotCalls, prepareHotspots } from '$lib/data/queries/hotspots';
import { contiguity } from '$lib/geo/contiguity';
import type { MapSelection } from './result-map.svelte';
import {
	findCodeColumns,
	locateColumns,
	SAMPLE_ROWS,
	type Cell,
	type GeometrySource
} from '$lib/analysis/table-export';
import type { AtlasSession } from './session.svelte';
import { PAGE, ResultPages } from './result-pages.svelte';
import { tableRows, typeLabel } from './result-rows';
import { readStored, writeStored } from './local-store';
import type { ConsoleMessageKey } from './console-messages';
import { distinct, editorPosition, isoNow, newKeySet, protectedNames } from './console-rules';

export interface ConsoleResult {
	statement: string;
	columns: ResultColumn[];
	rowCount: number;
	ms: number;
	pages: ResultPages;
	/** Where the rows' geometry comes from (code, lon/lat, WKB) or none. */
	geometry: GeometrySource;
	/** Whether the rows are kept in the engine (paged) or here (a small direct answer). */
	paged: boolean;
	/** A direct answer's rows (DESCRIBE, SHOW…), for exports. */
	rows: Cell[][] | null;
}

export interface ConsoleError {
	message: string;
	/** 1-based, relative to the whole editor text, when the engine says where. */
	line?: number;
	column?: number;
	/** Refused before reaching the engine. */
	refused?: boolean;
	cancelled?: boolean;
}

export interface HistoryEntry {
	sql: string;
	at: string;
	rows: number | null;
	ms: number;
	ok: boolean;
}

export interface SavedQuery {
	id: string;
	name: string;
	sql: string;
	at: string;
}

const isArrayOf =
	<T>(keys: readonly string[]) =>
	(v: unknown): v is T[] =>
		Array.isArray(v) && v.every((x) => x && typeof x === 'object' && keys.every((k) => k in x));

const HISTORY_MAX = 50;

export class ConsoleState {
	sql = $state(readStored('console.draft', (v): v is string => typeof v === 'string', ''));
	running = $state(false);
	/** Runs finished so far (answered, failed, refused or cancelled). */
	finished = $state(0);
	result = $state.raw<ConsoleResult | null>(null);
	error = $state.raw<ConsoleError | null>(null);
	history = $state(
		readStored<HistoryEntry[]>('console.history', isArrayOf<HistoryEntry>(['sql', 'at']), [])
	);
	saved = $state(
		readStored<SavedQuery[]>('console.saved', isArrayOf<SavedQuery>(['id', 'name', 'sql']), [])
	);
	schema = $state.raw<ConsoleSchema | null>(null);
	notice = $state<ConsoleMessageKey | null>(null);
	#abort: AbortController | null = null;
	readonly #protected: ReadonlySet<string> = protectedNames();
	#neighbours: { region: string; lists: number[][] } | null = null;
	readonly #hotspotsDone = newKeySet();

	constructor(private readonly session: AtlasSession) {}

	setSql(text: string): void {
		this.sql = text;
		this.#store('console.draft', text);
	}

	async refreshSchema(): Promise<void> {
		const db = this.session.db;
		if (!db || !this.session.dataset) return;
		await this.session.spatialReady();
		this.schema = await queryConsoleSchema(db);
	}

	/**
	 * Run the statements in `text`; `at` is where the text starts in the editor (1-based line
	 * and column), so an error's position points into the editor.
	 */
	async run(text: string, at = { line: 1, column: 1 }): Promise<void> {
		const db = this.session.db;
		if (!db || !this.session.dataset) return;
		const statements = splitStatements(text);
		if (statements.length === 0) return;
		let writes = false;
		for (const s of statements) {
			const verdict = checkStatement(s.text, this.#protected);
			if (!verdict.ok) {
				const message = guardMessage(verdict.reason, verdict.name, this.session.lang);
				this.#fail({ message, refused: true }, s.text, 0);
				this.finished++;
				return;
			}
			writes ||= verdict.kind === 'write';
		}
		this.#abort?.abort();
		const abort = new AbortController();
		this.#abort = abort;
		this.running = true;
		this.error = null;
		const t0 = performance.now();
		let current = statements[0]!;
		try {
			await this.session.spatialReady();
			let last: Awaited<ReturnType<typeof materialise>> | null = null;
			for (const s of statements) {
				current = s;
				await this.#prepareHotspots(s.text);
				// A dataset in parts: the indicators the statement names are loaded first.
				await this.session.needIndicatorsFor(s.text);
				last = await materialise(db, s.text, abort.signal);
			}
			if (abort.signal.aborted || !last) return;
			await this.#show(last, current.text, Math.round(performance.now() - t0));
		} catch (e) {
			if (this.#abort !== abort) return; // a newer run took over
			if (e instanceof QueryCancelled) {
				this.#fail({ message: '', cancelled: true }, current.text, 0);
			} else {
				const engine = e instanceof StatementError ? e.engine : null;
				const message = engine
					? `${engine.type ? `${engine.type} Error: ` : ''}${engine.message}`
					: e instanceof Error
						? e.message
						: String(e);
				const pos =
					engine?.position !== null && engine?.position !== undefined
						? lineColumn(current.text, engine.position)
						: errorPosition(message, current.text);
				const where = pos ? editorPosition(text, current.from, pos, at) : {};
				this.#fail({ message, ...where }, current.text, Math.round(performance.now() - t0));
			}
		} finally {
			if (this.#abort === abort) {
				this.running = false;
				this.#abort = null;
			}
			this.finished++;
		}
		if (writes) void this.refreshSchema();
	}

	/** Hot spots asked for in a statement, computed once per region, indicator and year. */
	async #prepareHotspots(sql: string): Promise<void> {
		const ds = this.session.dataset;
		const db = this.session.db;
		if (!ds || !db) return;
		for (const call of hotspotCalls(sql)) {
			const id = `${ds.region.code}:${call.key}:${call.year}`;
			if (this.#hotspotsDone.has(id)) continue;
			if (this.#neighbours?.region !== ds.region.code)
				this.#neighbours = { region: ds.region.code, lists: contiguity(ds.villages.polygons) };
			await prepareHotspots(db, ds.villages.codes, this.#neighbours.lists, call);
			this.#hotspotsDone.add(id);
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}

	async #show(
		r: Awaited<ReturnType<typeof materialise>>,
		statement: string,
		ms: number
	): Promise<void> {
		const db = this.session.db;
		this.result?.pages.close();
		let result: ConsoleResult;
		if (r.kind === 'paged') {
			// The first page is read now, so the table shows rows at once (no placeholder flash).
			const first = r.rowCount ? tableRows(await queryResultPage(db!, 0, PAGE)).rows : [];
			const pages = new ResultPages(db, r.rowCount, first);
			const sample = first.slice(0, SAMPLE_ROWS);
			const names = r.columns.map((c) => c.name);
			result = {
				statement,
				columns: r.columns,
				rowCount: r.rowCount,
				ms,
				pages,
				geometry: locateColumns(names, sample),
				paged: true,
				rows: null
			};
		} else {
			const { columns, rows } = tableRows(r.table);
			result = {
				statement,
				columns: columns.map((name, i) => ({ name, type: typeLabel(r.table, i) })),
				rowCount: rows.length,
				ms,
				pages: new ResultPages(null, rows.length, rows),
				geometry: locateColumns(columns, rows.slice(0, SAMPLE_ROWS)),
				paged: false,
				rows
			};
		}
		this.result = result;
		this.#remember({
			sql: statement,
			at: isoNow(),
			rows: result.rowCount,
			ms,
			ok: true
		});
	}

	#fail(error: ConsoleError, statement: string, ms: number): void {
		this.error = error;
		if (!error.refused && !error.cancelled)
			this.#remember({ sql: statement, at: isoNow(), rows: null, ms, ok: false });
	}

	/** Every row of the current result, for exports and the map. */
	async allRows(columns: string[] = []): Promise<{ columns: string[]; rows: Cell[][] }> {
		const r = this.result;
		if (!r) return { columns: [], rows: [] };
		if (!r.paged) {
			const names = r.columns.map((c) => c.name);
			if (!columns.length) return { columns: names, rows: r.rows ?? [] };
			const idx = columns.map((c) => names.indexOf(c));
			return { columns, rows: (r.rows ?? []).map((row) => idx.map((i) => row[i] ?? null)) };
		}
		return tableRows(await queryResultColumns(this.session.db!, columns));
	}

	/**
	 * What the result puts on the map: the units of its code column, or its lon/lat rows as
	 * points (sites), or null when it carries neither.
	 */
	async mapSelection(): Promise<MapSelection | null> {
		const r = this.result;
		if (!r) return null;
		const g = r.geometry;
		if (g.kind === 'lonlat') {
			const { rows } = await this.allRows([g.lon, g.lat]);
			const ok = rows.filter((row) => typeof row[0] === 'number' && typeof row[1] === 'number');
			const positions = new Float64Array(ok.length * 2);
			ok.forEach((row, i) => positions.set([row[0] as number, row[1] as number], i * 2));
			return { kind: 'points', positions, count: ok.length };
		}
		const names = r.columns.map((c) => c.name);
		const column =
			g.kind === 'code'
				? g.column
				: names[findCodeColumns(names, r.rows?.slice(0, SAMPLE_ROWS) ?? [])[0] ?? -1];
		if (!column) return null;
		// A hot-spot result is drawn by its classes.
		const cls = ['cluster', 'hotspot'].find((c) => names.includes(c));
		const { rows } = await this.allRows(cls ? [column, cls] : [column]);
		const ok = rows.filter((row) => typeof row[0] === 'string');
		if (cls)
			return {
				kind: 'codes',
				codes: ok.map((r) => r[0] as string),
				classes: ok.map((r) => String(r[1]))
			};
		return { kind: 'codes', codes: distinct(ok.map((r) => r[0] as string)) };
	}

	save(name: string, sql = this.sql): void {
		const entry: SavedQuery = {
			id: `${Date.now().toString(36)}-${this.saved.length}`,
			name: name.trim() || sql.trim().split('\n')[0]!.slice(0, 40),
			sql,
			at: isoNow()
		};
		this.saved = [entry, ...this.saved];
		this.#store('console.saved', this.saved);
	}

	removeSaved(id: string): void {
		this.saved = this.saved.filter((s) => s.id !== id);
		this.#store('console.saved', this.saved);
	}

	#remember(entry: HistoryEntry): void {
		const rest = this.history.filter((h) => h.sql !== entry.sql);
		this.history = [entry, ...rest].slice(0, HISTORY_MAX);
		this.#store('console.history', this.history);
	}

	#store(key: string, value: unknown): void {
		if (!writeStored(key, value)) this.notice = 'console.storageFull';
	}

	destroy(): void {
		this.#abort?.abort();
		this.result?.pages.close();
	}
}
