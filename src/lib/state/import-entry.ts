/**
 * What the app remembers of one import besides the file's bytes: the file's name and kind, the
 * region it went into, when, its size, and every choice the user made in the wizard (column
 * overrides, new indicators' definitions, the sheet, year, encoding, layer or code field), so
 * the same file is read and applied again the same way after a reload or on another machine.
 *
 * Contract: `isImportEntry` accepts only a well-formed entry — what comes back from storage or
 * from a workspace someone mailed is checked by it before anything trusts it. Its `id` is safe as
 * part of a file name and a zip path.
 */
import { BETTER, KINDS, THEMES, type IndicatorMeta } from '../data/contract';
import type { ColumnTarget } from '../ingest/header-map';

export type ImportKind = 'table' | 'boundary';

export interface ImportEntry {
	id: string;
	fileName: string;
	kind: ImportKind;
	/** The dataset's region code the import was made into. */
	region: string;
	/** ISO time of the import. */
	importedAt: string;
	/** Bytes of the file (the store sets it from the bytes it keeps). */
	size: number;
	/** Wizard column choices by 0-based column index (object keys are strings in JSON). */
	overrides: Record<string, ColumnTarget>;
	/** The new indicators the user defined for this file. */
	newIndicators: IndicatorMeta[];
	/** The rest of the wizard's choices, as plain JSON (sheet, year, encoding, layer, crs…). */
	options: Record<string, unknown>;
}

const ROLES = ['join', 'indicator', 'year', 'new', 'ignore'];
const MAX_NAME = 255;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isIn = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);

function isMeta(v: unknown): v is IndicatorMeta {
	if (!isRecord(v)) return false;
	const text = ['key', 'label_zh', 'label_en', 'unit', 'default_classes'];
	return (
		text.every((k) => typeof v[k] === 'string') &&
		isIn(THEMES, v.theme) &&
		isIn(KINDS, v.kind) &&
		isIn(BETTER, v.better) &&
		['description_zh', 'rollup'].every((k) => v[k] === undefined || typeof v[k] === 'string')
	);
}

const isTarget = (v: unknown): v is ColumnTarget => isRecord(v) && isIn(ROLES, v.role);

/** An id made here: time and randomness, letters, digits and a dash only. */
export function newImportId(now = Date.now()): string {
	const random = Math.floor(Math.random() * 36 ** 6)
		.toString(36)
		.padStart(6, '0');
	return `${now.toString(36)}-${random}`;
}

export function isImportId(v: unknown): v is string {
	return typeof v === 'string' && /^[\w-]{1,64}$/.test(v);
}

export function isImportEntry(v: unknown): v is ImportEntry {
	if (!isRecord(v)) return false;
	const { overrides, newIndicators, options } = v;
	return (
		isImportId(v.id) &&
		typeof v.fileName === 'string' &&
		v.fileName.length > 0 &&
		v.fileName.length <= MAX_NAME &&
		(v.kind === 'table' || v.kind === 'boundary') &&
		typeof v.region === 'string' &&
		/^\d{2,12}$/.test(v.region) &&
		typeof v.importedAt === 'string' &&
		Number.isSafeInteger(v.size) &&
		(v.size as number) >= 0 &&
		isRecord(overrides) &&
		Object.entries(overrides).every(([k, t]) => /^\d{1,5}$/.test(k) && isTarget(t)) &&
		Array.isArray(newIndicators) &&
		newIndicators.every(isMeta) &&
		isRecord(options)
	);
}

/** The file name as a zip entry or stored file may carry it: no folders, no control characters. */
export function safeFileName(name: string): string {
	// eslint-disable-next-line no-control-regex
	const clean = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_');
	return clean.slice(0, MAX_NAME) || 'file';
}
