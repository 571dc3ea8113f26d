/**
 * A briefing's saved views as data: what one view holds, how a list is checked when it comes
 * back from storage or from a file someone mailed, and the small file it travels in.
 *
 * A view is the map's URL query (theme, indicator, level, year, extent, filters… exactly what
 * the map screen reads, so a slide opens the same map a link would) plus a title and a note.
 * Reading never throws: a file that is not ours, or a view whose query would not decode, comes
 * back as a reason in Chinese and English and nothing of the current list is touched.
 */
import { decodeUrlState, encodeUrlState } from './url-state';

export interface SavedView {
	id: string;
	title: string;
	note: string;
	/** The map screen's query string, without `?`, `story`, `lang` or `bench`. */
	query: string;
	/** ISO time it was saved. */
	savedAt: string;
}

export const VIEWS_FILE_KIND = 'village-atlas/views';
export const VIEWS_FILE_VERSION = 1;
/** More slides than any briefing has; a bound so a foreign file cannot flood storage. */
export const MAX_VIEWS = 200;
const MAX_TEXT = 2000;

export type ViewsRead =
	{ ok: true; views: SavedView[] } | { ok: false; reason: { zh: string; en: string } };

/** The query a saved view keeps: the map's own parameters, without story, language or bench. */
export function viewQuery(search: string): string {
	const s = decodeUrlState(search);
	delete s.story;
	delete s.bench;
	delete s.lang;
	return encodeUrlState(s);
}

function isView(v: unknown): v is SavedView {
	if (!v || typeof v !== 'object') return false;
	const o = v as Record<string, unknown>;
	return (
		typeof o.id === 'string' &&
		/^[\w-]{1,64}$/.test(o.id) &&
		typeof o.title === 'string' &&
		o.title.length <= MAX_TEXT &&
		typeof o.note === 'string' &&
		o.note.length <= MAX_TEXT &&
		typeof o.query === 'string' &&
		o.query.length <= 8192 &&
		typeof o.savedAt === 'string'
	);
}

/** A list as stored: every entry a well-formed view (the query is normalised on the way in). */
export function isViewList(v: unknown): v is SavedView[] {
	return Array.isArray(v) && v.length <= MAX_VIEWS && v.every(isView);
}

/** The file's text: a kind, a version and the views, pretty enough to read in an editor. */
export function viewsFileText(views: readonly SavedView[]): string {
	return JSON.stringify({ kind: VIEWS_FILE_KIND, version: VIEWS_FILE_VERSION, views }, null, 1);
}

/** Views from a file's text, or why it was not accepted. */
export function readViewsFile(text: string): ViewsRead {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return fail('文件不是 JSON，无法读取', 'The file is not JSON and cannot be read');
	}
	const o = data as Record<string, unknown> | null;
	if (!o || typeof o !== 'object' || o.kind !== VIEWS_FILE_KIND)
		return fail('这不是村情地图的视图文件', 'This is not a Village Atlas views file');
	if (o.version !== VIEWS_FILE_VERSION)
		return fail(
			`视图文件版本 ${String(o.version)} 不受支持`,
			`Views file version ${String(o.version)} is not supported`
		);
	if (!isViewList(o.views))
		return fail(
			'视图文件中有不完整或过长的条目',
			'The views file has incomplete or oversized entries'
		);
	return { ok: true, views: o.views.map((v) => ({ ...v, query: viewQuery(v.query) })) };
}

function fail(zh: string, en: string): ViewsRead {
	return { ok: false, reason: { zh, en } };
}
