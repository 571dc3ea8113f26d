/**
 * The briefing's saved views, kept across reloads in the browser (localStorage, through
 * local-store.ts) and carried between machines as a small file.
 *
 * Contract: `views` is the list in slide order; `add` saves the map's current query with a title
 * and a note; `update`, `move` and `remove` edit it; `importText` adds the views of a file (ids
 * already here are replaced, so opening the same file twice does not double the story) or
 * leaves the list as it was and says why in `notice`. Every change is written at once; when the
 * browser refuses (storage full), the list on screen stays and `notice` says it was not saved.
 */
import { nowIso } from './clock';
import { readStored, writeStored } from './local-store';
import {
	isViewList,
	MAX_VIEWS,
	readViewsFile,
	viewQuery,
	viewsFileText,
	type SavedView
} from './saved-views-file';

const KEY = 'briefing.views';

export type ViewsNotice = { zh: string; en: string } | null;

export class SavedViews {
	views = $state<SavedView[]>(readStored(KEY, isViewList, []));
	notice = $state.raw<ViewsNotice>(null);

	add(query: string, title: string, note = ''): SavedView | null {
		if (this.views.length >= MAX_VIEWS) {
			this.notice = { zh: `最多保存 ${MAX_VIEWS} 个视图`, en: `At most ${MAX_VIEWS} views` };
			return null;
		}
		const view: SavedView = {
			id: newId(),
			title: title.trim() || '—',
			note: note.trim(),
			query: viewQuery(query),
			savedAt: nowIso()
		};
		this.#save([...this.views, view]);
		return view;
	}

	update(id: string, patch: Partial<Pick<SavedView, 'title' | 'note'>>): void {
		this.#save(this.views.map((v) => (v.id === id ? { ...v, ...patch } : v)));
	}

	/** Move a view one place earlier (-1) or later (1) in the story. */
	move(id: string, step: -1 | 1): void {
		const i = this.views.findIndex((v) => v.id === id);
		const j = i + step;
		if (i < 0 || j < 0 || j >= this.views.length) return;
		const next = [...this.views];
		[next[i], next[j]] = [next[j] as SavedView, next[i] as SavedView];
		this.#save(next);
	}

	remove(id: string): void {
		this.#save(this.views.filter((v) => v.id !== id));
	}

	/** The file to export. */
	fileText(): string {
		return viewsFileText(this.views);
	}

	/** Add a file's views; answers how many were added or replaced, or null if refused. */
	importText(text: string): number | null {
		const read = readViewsFile(text);
		if (!read.ok) {
			this.notice = read.reason;
			return null;
		}
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
		const incoming = new Map(read.views.map((v) => [v.id, v]));
		const kept = this.views.map((v) => incoming.get(v.id) ?? v);
		const added = read.views.filter((v) => !this.views.some((o) => o.id === v.id));
		const next = [...kept, ...added].slice(0, MAX_VIEWS);
		this.#save(next);
		return read.views.length;
	}

	#save(next: SavedView[]): void {
		this.views = next;
		this.notice = writeStored(KEY, next)
			? null
			: {
					zh: '浏览器存储已满，视图未能保存（页面上的仍在）',
					en: 'Browser storage is full: the views were not saved (those on screen remain)'
				};
	}
}

function newId(): string {
	const c = globalThis.crypto;
	return c?.randomUUID
		? c.randomUUID()
		: `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
