/**
 * The whole workspace as one file to mail or share: a zip holding `workspace.json` (the region,
 * when it was saved, every import's entry, the briefing's saved views, the console's saved
 * queries and the planner's settings as its URL query) and each imported file's original bytes
 * under `imports/<id>/<file name>`, so another machine reads and applies them the same way.
 *
 * Contract: pure (no storage, no DOM). `writeWorkspace` makes the bytes; `readWorkspace` never
 * throws: a damaged or truncated zip, a zip that is not ours, a newer format, a missing or damaged
 * import, or more unpacked bytes than a browser can hold (checked on the zip's directory before
 * anything unpacks) each come back as a reason in Chinese and English. Every import's size and
 * CRC-32 are recorded, so damage inside a stored file is found, not imported.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { checkZipDirectory, MAX_UNCOMPRESSED_BYTES } from '../ingest/zip-guard';
import type { SavedQuery } from './console.svelte';
import { isImportEntry, safeFileName, type ImportEntry } from './import-entry';
import { isViewList, type SavedView } from './saved-views-file';

export const WORKSPACE_KIND = 'village-atlas/workspace';
export const WORKSPACE_VERSION = 1;
const MANIFEST = 'workspace.json';

export interface WorkspaceParts {
	region: string;
	/** ISO time. */
	savedAt: string;
	/** In import order, the order they are applied. */
	imports: { entry: ImportEntry; bytes: Uint8Array }[];
	views: SavedView[];
	queries: SavedQuery[];
	/** The planner's settings as its URL query, as the planner keeps them. */
	planner: string;
}

export type WorkspaceRead =
	{ ok: true; parts: WorkspaceParts } | { ok: false; reason_zh: string; reason_en: string };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

/** CRC-32 (the zip one); fflate keeps its own private. */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

const importPath = (e: ImportEntry) => `imports/${e.id}/${safeFileName(e.fileName)}`;

/** Files that are compressed already (zip, xlsx, parquet) are stored, not deflated again. */
function packed(bytes: Uint8Array): boolean {
	const head = String.fromCharCode(...bytes.subarray(0, 4));
	return head === 'PK\u0003\u0004' || head === 'PAR1';
}

export function writeWorkspace(parts: WorkspaceParts): Uint8Array {
	const manifest = {
		kind: WORKSPACE_KIND,
		version: WORKSPACE_VERSION,
		region: parts.region,
		savedAt: parts.savedAt,
		imports: parts.imports.map(({ entry, bytes }) => ({
			...entry,
			size: bytes.byteLength,
			crc32: crc32(bytes)
		})),
		views: parts.views,
		queries: parts.queries,
		planner: parts.planner
	};
	const files: Zippable = {
		[MANIFEST]: [new TextEncoder().encode(JSON.stringify(manifest, null, 1)), { level: 6 }]
	};
	for (const { entry, bytes } of parts.imports)
		files[importPath(entry)] = [bytes, { level: packed(bytes) ? 0 : 6 }];
	return zipSync(files);
}

type Failure = Extract<WorkspaceRead, { ok: false }>;
const fail = (reason_zh: string, reason_en: string): Failure => ({
	ok: false,
	reason_zh,
	reason_en
});

const damaged = (detail: string) =>
	fail(
		`工作区文件已损坏或不完整，无法打开（${detail}）。`,
		`The workspace file is damaged or incomplete and cannot be opened (${detail}).`
	);
const NOT_OURS = fail(
	'这不是村情地图的工作区文件。',
	'This is not a Village Atlas workspace file.'
);
const unreadable = (zh: string, en: string) =>
	fail(`工作区中的${zh}无法读取。`, `The workspace's ${en} cannot be read.`);

export function isQueryList(v: unknown): v is SavedQuery[] {
	return (
		Array.isArray(v) &&
		v.length <= 1000 &&
		v.every((q: Record<string, unknown> | null) =>
			['id', 'name', 'sql', 'at'].every((k) => typeof q?.[k] === 'string')
		)
	);
}

/** A zip64 end record: we never write one, and fflate would trust its counts blindly. */
function hasZip64(bytes: Uint8Array): boolean {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 65557); at--)
		if (view.getUint32(at, true) === 0x06054b50)
			return at >= 20 && view.getUint32(at - 20, true) === 0x07064b50;
	return false;
}

/** Check the zip, then the manifest, then every import's bytes; never throws. */
export function readWorkspace(bytes: Uint8Array, maxBytes = MAX_UNCOMPRESSED_BYTES): WorkspaceRead {
	try {
		return read(bytes, maxBytes);
	} catch (error) {
		return damaged(error instanceof Error ? error.message : String(error));
	}
}

function read(bytes: Uint8Array, maxBytes: number): WorkspaceRead {
	if (!(bytes instanceof Uint8Array) || bytes.byteLength < 22) return NOT_OURS;
	const zip = checkZipDirectory(bytes, maxBytes);
	if (!zip.ok && zip.problem === 'too-large') {
		const size =
			maxBytes >= 2 ** 20
				? `${Math.round(maxBytes / 2 ** 20)} MB`
				: `${Math.ceil(maxBytes / 1024)} KB`;
		return fail(
			`工作区文件解压后超过 ${size}，超出本浏览器能处理的大小。`,
			`Unpacked, the workspace would take more than ${size}, more than this browser can hold.`
		);
	}
	if (!zip.ok) {
		const zipLike = bytes[0] === 0x50 && bytes[1] === 0x4b;
		return zipLike ? damaged('zip 目录缺失或不完整 / no complete zip directory') : NOT_OURS;
	}
	if (hasZip64(bytes)) return NOT_OURS;
	const head = unzipSync(bytes, { filter: (f) => f.name === MANIFEST })[MANIFEST];
	if (!head) return NOT_OURS;
	const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head));
	const m = (json ?? {}) as Record<string, unknown>;
	if (m.kind !== WORKSPACE_KIND || !Number.isInteger(m.version)) return NOT_OURS;
	if ((m.version as number) > WORKSPACE_VERSION)
		return fail(
			`这个工作区由更新版本的村情地图保存（格式 ${m.version}），请先更新本应用。`,
			`This workspace was saved by a newer Village Atlas (format ${m.version}); update the app first.`
		);
	if (typeof m.region !== 'string' || !/^\d{2,12}$/.test(m.region) || typeof m.savedAt !== 'string')
		return unreadable('地区', 'region');
	if (!isViewList(m.views)) return unreadable('已存视图', 'saved views');
	if (!isQueryList(m.queries)) return unreadable('已存查询', 'saved queries');
	if (typeof m.planner !== 'string' || m.planner.length > 8192)
		return unreadable('规划设置', 'planner settings');
	const list: unknown[] = Array.isArray(m.imports) ? m.imports : [];
	const entries = list.filter(isImportEntry);
	const ids = new Set(entries.map((e) => e.id));
	if (!Array.isArray(m.imports) || entries.length !== list.length || ids.size !== list.length)
		return unreadable('导入记录', 'import records');
	const paths = new Set(entries.map(importPath));
	const files = unzipSync(bytes, { filter: (f) => paths.has(f.name) });
	const imports: WorkspaceParts['imports'] = [];
	for (const e of entries) {
		const data = files[importPath(e)];
		if (!data)
			return fail(
				`工作区缺少导入文件“${e.fileName}”。`,
				`The workspace lacks the imported file "${e.fileName}".`
			);
		const { crc32: crc, ...entry } = e as ImportEntry & { crc32?: unknown };
		if (data.byteLength !== e.size || crc !== crc32(data))
			return fail(
				`工作区中的导入文件“${e.fileName}”已损坏。`,
				`The imported file "${e.fileName}" in the workspace is damaged.`
			);
		imports.push({ entry, bytes: data });
	}
	return {
		ok: true,
		parts: {
			region: m.region,
			savedAt: m.savedAt,
			imports,
			views: m.views,
			queries: m.queries,
			planner: m.planner
		}
	};
}
