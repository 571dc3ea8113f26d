/**
 * The import wizard's state: a file is read (with progress), parsed in the import worker, shown
 * as a preview and a report, its columns remapped if need be, then applied to the engine in one
 * transaction and kept in the browser so every reload applies it again. The imports kept are
 * listed with the storage they use; one can be removed (the region reloads without it) or all
 * (back to the sample).
 *
 * Contract: nothing here throws into the page. `phase` says where the wizard is; `failure` holds
 * a plain reason in both languages; a cancelled parse returns to `idle` with nothing changed.
 */
import { applyImport } from '$lib/data/import-apply';
import { queryRegionUnits, type RegionUnitRow } from '$lib/data/queries/region-units';
import type { ColumnTarget, NewIndicator } from '$lib/ingest/header-map';
import type { IngestAnswer } from '$lib/ingest/ingest-protocol';
import { rejectedCsv } from '$lib/ingest/table-import';
import { nowIso } from './clock';
import { downloadBlob } from './download';
import { ImportCancelled, IngestClient } from './ingest-client';
import { newImportId, type ImportEntry } from './import-entry';
import { newIndicatorMeta, payloadOf, type NewIndicatorChoice } from './import-payload';
import type { StorageUsage, StoreNote } from './import-store';
import { importStore } from './stored-imports';
import type { AtlasSession } from './session.svelte';
import { boundaryRejectedCsv } from './import-report';

export type ImportPhase = 'idle' | 'reading' | 'parsing' | 'review' | 'applying';
export type Reason = { zh: string; en: string };

/** Larger files than this are refused before reading: the engine holds everything in memory. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

const TABLE_EXT = /\.(csv|txt|tsv|xlsx)$/i;
const BOUNDARY_EXT = /\.(zip|geojson|json|kml|kmz|parquet|geoparquet)$/i;

export class ImportState {
	phase = $state<ImportPhase>('idle');
	/** 0…1 while reading the file. */
	progress = $state(0);
	fileName = $state('');
	failure = $state.raw<Reason | null>(null);
	/** The last answer of the worker for the file under review. */
	answer = $state.raw<IngestAnswer | null>(null);
	overrides = $state.raw<Record<number, ColumnTarget>>({});
	newChoices = $state.raw<Record<string, NewIndicatorChoice>>({});
	applied = $state.raw<Reason | null>(null);
	entries = $state.raw<ImportEntry[]>([]);
	notes = $state.raw<StoreNote[]>([]);
	usage = $state.raw<StorageUsage | null>(null);

	#bytes: Uint8Array | null = null;
	#kind: 'table' | 'boundary' = 'table';
	#regions: RegionUnitRow[] = [];
	#client = new IngestClient();

	constructor(private readonly session: AtlasSession) {}

	get kind(): 'table' | 'boundary' {
		return this.#kind;
	}

	/** The kept imports and storage use, read again. */
	async refreshList(): Promise<void> {
		try {
			const store = await importStore();
			const { entries, notes } = await store.list();
			this.entries = entries;
			this.notes = notes;
			this.usage = await store.usage();
		} catch (e) {
			this.notes = [
				{
					zh: `无法打开浏览器存储（${String(e)}）`,
					en: `Browser storage is unavailable (${String(e)})`
				}
			];
		}
	}

	/** Read a dropped or picked file and parse it. */
	async choose(file: File): Promise<void> {
		this.#reset();
		this.fileName = file.name;
		const kind = TABLE_EXT.test(file.name)
			? 'table'
			: BOUNDARY_EXT.test(file.name)
				? 'boundary'
				: null;
		if (!kind) {
			this.failure = {
				zh: `不支持的文件类型“${file.name}”：请用 xlsx、csv（表格）或 zip（Shapefile）、geojson、kml、parquet（边界）`,
				en: `Unsupported file type "${file.name}": use xlsx or csv (tables), or a zipped Shapefile, GeoJSON, KML or GeoParquet (boundaries)`
			};
			return;
		}
		if (file.size > MAX_IMPORT_BYTES) {
			this.failure = {
				zh: `文件过大（${Math.round(file.size / 1048576)} MB），本浏览器最多导入 ${MAX_IMPORT_BYTES / 1048576} MB`,
				en: `The file is too large (${Math.round(file.size / 1048576)} MB); this browser imports at most ${MAX_IMPORT_BYTES / 1048576} MB`
			};
			return;
		}
		this.#kind = kind;
		this.phase = 'reading';
		try {
			this.#bytes = await readWithProgress(file, (p) => (this.progress = p));
		} catch (e) {
			this.phase = 'idle';
			this.failure = {
				zh: `无法读取文件（${String(e)}）`,
				en: `The file could not be read (${String(e)})`
			};
			return;
		}
		await this.parse();
	}

	/** Parse (again, after a column was remapped). */
	async parse(): Promise<void> {
		const bytes = this.#bytes;
		const db = this.session.db;
		const ds = this.session.dataset;
		if (!bytes || !db || !ds) return;
		this.phase = 'parsing';
		this.failure = null;
		try {
			if (this.#regions.length === 0) this.#regions = await queryRegionUnits(db);
			const common = { name: this.fileName, bytes, regions: this.#regions };
			this.answer =
				this.#kind === 'table'
					? await this.#client.read({
							...common,
							kind: 'table',
							// Plain entries: the derived indicators carry functions a worker cannot receive.
							catalogue: ds.catalogue.map(({ key, label_zh, label_en, unit, kind }) => ({
								key,
								label_zh,
								label_en,
								unit,
								kind
							})),
							options: { overrides: this.overrides }
						})
					: await this.#client.read({ ...common, kind: 'boundary', options: {} });
			this.phase = 'review';
			const fail = failureOf(this.answer);
			if (fail) {
				this.failure = fail;
				this.phase = 'idle';
			}
		} catch (e) {
			this.phase = 'idle';
			if (!(e instanceof ImportCancelled)) this.failure = { zh: String(e), en: String(e) };
		}
	}

	cancel(): void {
		this.#client.cancel();
		this.#reset();
	}

	setColumn(column: number, target: ColumnTarget): void {
		this.overrides = { ...this.overrides, [column]: target };
		void this.parse();
	}

	describeNew(candidate: NewIndicator, choice: NewIndicatorChoice): void {
		this.newChoices = { ...this.newChoices, [candidate.key]: choice };
	}

	/** The new indicators as the user described them (undescribed ones are left out). */
	#newMetas() {
		const a = this.answer;
		if (a?.kind !== 'table' || !a.result.ok) return [];
		return a.result.report.newIndicators.flatMap((c) => {
			const choice = this.newChoices[c.key];
			return choice ? [newIndicatorMeta(c, choice)] : [];
		});
	}

	/** Apply to the engine, all or nothing, then keep the file so reloads apply it again. */
	async apply(): Promise<void> {
		const db = this.session.db;
		const ds = this.session.dataset;
		const answer = this.answer;
		const bytes = this.#bytes;
		if (!db || !ds || !answer || !bytes || this.phase !== 'review') return;
		const metas = this.#newMetas();
		const payload = payloadOf(answer, metas);
		if ('ok' in payload) {
			this.failure = { zh: payload.reason_zh, en: payload.reason_en };
			return;
		}
		this.phase = 'applying';
		const result = await applyImport(db, payload);
		if (!result.ok) {
			this.phase = 'review';
			this.failure = { zh: result.reason_zh, en: result.reason_en };
			return;
		}
		const entry: ImportEntry = {
			id: newImportId(),
			fileName: this.fileName,
			kind: this.#kind,
			region: ds.region.code,
			importedAt: nowIso(),
			size: bytes.byteLength,
			overrides: Object.fromEntries(Object.entries(this.overrides)),
			newIndicators: metas,
			options: {}
		};
		await this.session.refreshAfterImport(result.added);
		const kept = await (await importStore()).put(entry, bytes);
		this.applied = kept.ok
			? {
					zh: `已导入“${this.fileName}”：新增 ${result.inserted} 条，替换 ${result.replaced} 条，已保存在浏览器中`,
					en: `Imported "${this.fileName}": ${result.inserted} added, ${result.replaced} replaced; kept in this browser`
				}
			: {
					zh: `已导入，但未能保存：${kept.reason_zh}`,
					en: `Imported, but not kept: ${kept.reason_en}`
				};
		this.#reset(false);
		await this.refreshList();
	}

	/** Remove one kept import: the region loads again without it. */
	async remove(id: string): Promise<void> {
		await (await importStore()).remove(id);
		await this.session.reload();
		await this.refreshList();
	}

	/** Remove every kept import: back to the sample dataset. */
	async clearAll(): Promise<void> {
		await (await importStore()).clear();
		await this.session.reload();
		await this.refreshList();
	}

	/** Download the rejected rows (or features) with their reasons as CSV. */
	downloadRejected(): void {
		const a = this.answer;
		let csv: string | null = null;
		if (a?.kind === 'table' && a.result.ok) csv = rejectedCsv(a.result.report);
		if (a?.kind === 'boundary' && a.result.ok) csv = boundaryRejectedCsv(a.result);
		if (csv === null) return;
		const name = this.fileName.replace(/\.[^.]+$/, '');
		downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}-rejected.csv`);
	}

	#reset(keepMessage = true): void {
		this.phase = 'idle';
		this.progress = 0;
		this.answer = null;
		this.overrides = {};
		this.newChoices = {};
		this.#bytes = null;
		if (keepMessage) {
			this.failure = null;
			this.applied = null;
		}
	}

	destroy(): void {
		this.#client.destroy();
	}
}

function failureOf(a: IngestAnswer): Reason | null {
	if (a.kind === 'crashed') return { zh: a.message_zh, en: a.message_en };
	if (a.kind === 'table')
		return a.result.ok ? null : { zh: a.result.message_zh, en: a.result.message_en };
	return a.result.ok ? null : { zh: a.result.error.reason_zh, en: a.result.error.reason_en };
}

/** The file's bytes, reporting progress as chunks arrive (a large file takes a while). */
async function readWithProgress(file: File, onProgress: (p: number) => void): Promise<Uint8Array> {
	const out = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let at = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		out.set(value, at);
		at += value.byteLength;
		onProgress(file.size ? at / file.size : 1);
	}
	return out;
}
