/**
 * Matching a village by name when a sheet has no codes. Names repeat across townships (紫阳县
 * has sixteen 街道社区), so a name is looked up within its township when the sheet gives one,
 * by township name or code. Names are compared after NFKC, without spaces (ASCII or full-width)
 * and without the suffix a writer may or may not add — 村民委员会, 村委会, 居委会, 社区, 村 — so
 * "新田村委会", "新田 村" and "新田" meet; a name that is nothing but a suffix is kept whole.
 * The answer is a code, or none, or the candidates when several villages fit.
 */

import { divisionCodeOf, shortDivisionCode } from './division-code';

export interface RegionUnit {
	code: string;
	name: string;
	level: string;
	parent_code: string | null;
	/** The full registered name (王家河村委会) where the table has it; matched as well. */
	full_name?: string;
}

export type NameMatch =
	| { status: 'matched'; code: string }
	| { status: 'unmatched'; reason_zh: string; reason_en: string }
	| { status: 'ambiguous'; candidates: string[]; reason_zh: string; reason_en: string };

// Longest first, so 村民委员会 is removed whole rather than leaving 村民委员.
const UNIT_SUFFIXES = ['村民委员会', '居民委员会', '社区居委会', '村委会', '居委会', '社区', '村'];
const TOWNSHIP_SUFFIXES = ['人民政府', '街道办事处', '街道办', '街道', '乡', '镇'];

function stripSuffix(name: string, suffixes: readonly string[]): string {
	for (const suffix of suffixes) {
		if (name.length > suffix.length && name.endsWith(suffix)) return name.slice(0, -suffix.length);
	}
	return name;
}

/** NFKC, no whitespace of any width, no quotes or brackets' spacing: the form names compare in. */
export function compactName(name: string): string {
	return name.normalize('NFKC').replace(/[\s\u00a0\u200b\u3000]+/g, '');
}

/** The comparison key of a village or community name: compact, suffix removed. */
export function unitNameKey(name: string): string {
	return stripSuffix(compactName(name), UNIT_SUFFIXES);
}

/** The comparison key of a township name (城关镇 and 城关 meet; so do 蒿坪镇人民政府 and 蒿坪). */
export function townshipNameKey(name: string): string {
	return stripSuffix(stripSuffix(compactName(name), TOWNSHIP_SUFFIXES), TOWNSHIP_SUFFIXES);
}

const UNIT_LEVELS = new Set(['village', 'community']);

/** The lookup built once per import from the region table. */
export interface NameIndex {
	/** Unit name key → codes of every village/community with that key. */
	units: Map<string, string[]>;
	/** Unit code → its township code. */
	parentOf: Map<string, string | null>;
	/** Name exactly as registered (compact) → codes, to prefer an exact name among candidates. */
	exactNames: Map<string, string[]>;
	/** Township name key → township codes. */
	townships: Map<string, string[]>;
	townshipCodes: Set<string>;
}

function push(map: Map<string, string[]>, key: string, code: string): void {
	const list = map.get(key);
	if (!list) map.set(key, [code]);
	else if (!list.includes(code)) list.push(code);
}

export function buildNameIndex(regions: readonly RegionUnit[]): NameIndex {
	const index: NameIndex = {
		units: new Map(),
		parentOf: new Map(),
		exactNames: new Map(),
		townships: new Map(),
		townshipCodes: new Set()
	};
	for (const row of regions) {
		if (UNIT_LEVELS.has(row.level)) {
			push(index.units, unitNameKey(row.name), row.code);
			if (row.full_name) push(index.units, unitNameKey(row.full_name), row.code);
			index.parentOf.set(row.code, row.parent_code);
			for (const name of [row.name, row.full_name ?? '']) {
				if (name) push(index.exactNames, compactName(name), row.code);
			}
		} else if (row.level === 'township') {
			push(index.townships, townshipNameKey(row.name), row.code);
			index.townshipCodes.add(row.code);
		}
	}
	return index;
}

/** The township codes a cell names: a code (9 or 12 digits, as stored in the table) or a name. */
function townshipsFor(index: NameIndex, township: string): string[] {
	const code = divisionCodeOf(township);
	if (code) {
		const short = shortDivisionCode(code);
		return [short, code].filter((c) => index.townshipCodes.has(c));
	}
	return index.townships.get(townshipNameKey(township)) ?? [];
}

/** Match one row's village name, scoped by its township when given (name or code). */
export function matchVillageName(
	index: NameIndex,
	village: string,
	township?: string | null
): NameMatch {
	const key = unitNameKey(village);
	if (key === '') {
		return { status: 'unmatched', reason_zh: '村名为空', reason_en: 'no village name' };
	}
	let candidates = index.units.get(key) ?? [];
	const scope = township ? compactName(township) : '';
	if (scope !== '') {
		const townships = townshipsFor(index, scope);
		if (townships.length === 0) {
			return {
				status: 'unmatched',
				reason_zh: `找不到乡镇“${scope}”`,
				reason_en: `no township "${scope}"`
			};
		}
		candidates = candidates.filter((code) => townships.includes(index.parentOf.get(code) ?? ''));
	}
	// 东红村 and 东红社区 share a key; when both fit, the one written as the sheet has it wins.
	if (candidates.length > 1) {
		const exact = index.exactNames.get(compactName(village)) ?? [];
		const written = candidates.filter((code) => exact.includes(code));
		if (written.length === 1) candidates = written;
	}
	if (candidates.length === 0) {
		return {
			status: 'unmatched',
			reason_zh: `${scope}没有名为“${compactName(village)}”的村（社区）`,
			reason_en: `no village or community named "${compactName(village)}"${scope ? ` in ${scope}` : ''}`
		};
	}
	if (candidates.length > 1) {
		return {
			status: 'ambiguous',
			candidates: [...candidates].sort(),
			reason_zh: `“${compactName(village)}”有 ${candidates.length} 个同名村（社区），请给出乡镇或代码`,
			reason_en: `${candidates.length} villages or communities are named "${compactName(village)}"; give the township or the code`
		};
	}
	return { status: 'matched', code: candidates[0] ?? '' };
}
