/**
 * Saving and opening the workspace file from the import screen: everything this browser keeps —
 * imported files with their choices, saved views, saved queries, planner settings — into one
 * file, and back. Opening writes the new imports before removing the old ones and writes the
 * local settings all or none, so a failure halfway leaves what was there; then the region
 * loads again with the opened imports applied.
 */
import { nowIso, today } from './clock';
import { downloadBlob } from './download';
import type { ImportState } from './import.svelte';
import type { AtlasSession } from './session.svelte';
import { importStore } from './stored-imports';
import { readWorkspace, writeWorkspace } from './workspace-file';
import { readLocalParts, writeLocalParts } from './workspace-local';

type Reason = { zh: string; en: string };

export class WorkspaceState {
	busy = $state(false);
	message = $state.raw<Reason | null>(null);

	constructor(
		private readonly session: AtlasSession,
		private readonly imports: ImportState
	) {}

	async save(): Promise<void> {
		const region = this.session.dataset?.region;
		if (!region || this.busy) return;
		this.busy = true;
		try {
			const store = await importStore();
			const { entries } = await store.list();
			const imports = [];
			for (const e of entries) {
				const got = await store.get(e.id);
				if (got) imports.push(got);
			}
			const bytes = writeWorkspace({
				region: region.code,
				savedAt: nowIso(),
				imports,
				...readLocalParts()
			});
			const day = today();
			downloadBlob(
				new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
				`村情地图工作区-${region.name}-${day}.zip`
			);
			this.message = {
				zh: `已保存工作区：${imports.length} 个导入的文件及保存的视图、查询和规划设置`,
				en: `Workspace saved: ${imports.length} imported files with saved views, queries and planner settings`
			};
		} catch (e) {
			this.message = {
				zh: `保存工作区失败（${String(e)}）`,
				en: `Saving the workspace failed (${String(e)})`
			};
		} finally {
			this.busy = false;
		}
	}

	async open(file: File): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			const read = readWorkspace(new Uint8Array(await file.arrayBuffer()));
			if (!read.ok) {
				this.message = { zh: read.reason_zh, en: read.reason_en };
				return;
			}
			const { parts } = read;
			const store = await importStore();
			const before = (await store.list()).entries;
			for (const { entry, bytes } of parts.imports) {
				const put = await store.put(entry, bytes);
				if (!put.ok) {
					this.message = { zh: put.reason_zh, en: put.reason_en };
					return;
				}
			}
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
			const opened = new Set(parts.imports.map((i) => i.entry.id));
			for (const e of before) if (!opened.has(e.id)) await store.remove(e.id);
			const local = writeLocalParts(parts);
			if (parts.region !== this.session.dataset?.region.code)
				await this.session.selectRegion(parts.region);
			else await this.session.reload();
			await this.imports.refreshList();
			this.message = local
				? {
						zh: `已打开工作区：${parts.imports.length} 个导入、${parts.views.length} 个视图、${parts.queries.length} 条查询`,
						en: `Workspace opened: ${parts.imports.length} imports, ${parts.views.length} views, ${parts.queries.length} queries`
					}
				: {
						zh: '已打开导入的数据，但浏览器存储已满，视图、查询和规划设置未能写入',
						en: 'The imports are open, but browser storage is full: views, queries and planner settings were not written'
					};
		} catch (e) {
			this.message = {
				zh: `打开工作区失败（${String(e)}）`,
				en: `Opening the workspace failed (${String(e)})`
			};
		} finally {
			this.busy = false;
		}
	}
}
