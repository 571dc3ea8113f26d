/**
 * Sheet headers → what each column holds: a join key (code, village, township, year), a catalogue
 * indicator (by key, Chinese or English label, whatever the spacing, case, bracket width or unit in
 * brackets), a year of a wide layout (2019年), or a new indicator to be named by the user. A unit
 * in the header that the catalogue measures differently (万元 against 元, % against a 0–1 ratio)
 * becomes a scale, so a sheet in 万元 does not land on the map 10,000 times too small. The wizard's
 * manual choices are plain overrides by column, applied last.
 */

import {
	BRACKETS,
	cellText,
	headerForm,
	splitUnit,
	unitScale,
	type CatalogueIndicator
} from './header-text';

export type { CatalogueIndicator } from './header-text';

export type JoinRole = 'code' | 'village' | 'township' | 'year';

export type ColumnTarget =
	| { role: 'join'; join: JoinRole }
	/** scale: multiply a cell by it to get the catalogue's unit; year set in a wide layout. */
	| { role: 'indicator'; key: string; year: number | null; scale: number }
	/** Only a year (2019年): the indicator comes from the sheet's title or the caller. */
	| { role: 'year'; year: number; unit: string }
	| { role: 'new'; key: string; label: string; unit: string; year: number | null }
	| { role: 'ignore' };

export interface ColumnMap {
	column: number;
	header: string;
	target: ColumnTarget;
	matchedBy: 'join' | 'key' | 'label' | 'year' | 'override' | 'ignored' | 'none';
	/** The unit written in the header, when it differs from the catalogue's and cannot convert. */
	unitMismatch?: string;
}

// Space-separated; compared in headerForm, so (社区) and （社区） are one.
const JOIN_HEADERS: Record<JoinRole, string[]> = {
	code: words(
		'代码 区划代码 行政区划代码 统计用区划代码 村代码 村级代码 村(社区)代码 区划编码'
	).concat(words('行政区划编码 村编码 code divisioncode admincode adcode')),
	village: words(
		'村名 村名称 村 行政村 行政村名称 村(社区) 村(社区)名称 村社区 村/社区 村居'
	).concat(words('村庄 村委会 名称 village villagename name')),
	township: words(
		'乡镇 乡镇名称 镇 乡 乡(镇) 镇(街道) 乡镇(街道) 乡(镇、街道) 所属乡镇 镇办'
	).concat(words('乡镇代码 township town townshipname')),
	year: words('年份 年度 年 统计年度 year')
};
const IGNORED_HEADERS = words('序号 序 备注 说明 no no. # remarks note');

function words(list: string): string[] {
	return list.split(' ');
}

const joinByForm = new Map<string, JoinRole>();
for (const [role, headers] of Object.entries(JOIN_HEADERS) as [JoinRole, string[]][]) {
	for (const header of headers) joinByForm.set(headerForm(header), role);
}
const ignoredForms = new Set(IGNORED_HEADERS.map(headerForm));

const YEAR_ONLY = /^((?:19|20)\d{2})(?:年度?)?$/;
const YEAR_INSIDE = /((?:19|20)\d{2})(?:年度?)?/;

/** Forms of a catalogue entry a header may take: key, labels, labels without their brackets. */
function catalogueIndex(catalogue: readonly CatalogueIndicator[]): Map<string, CatalogueIndicator> {
	const index = new Map<string, CatalogueIndicator>();
	for (const entry of catalogue) {
		// Sheets often say 村集体经济收入 or 村级党员数 for the catalogue's 集体经济收入, 党员数.
		const prefixed = ['村', '村级'].map((prefix) => prefix + entry.label_zh);
		for (const text of [entry.key, entry.label_zh, entry.label_en, ...prefixed]) {
			for (const form of [
				headerForm(text),
				headerForm(text.normalize('NFKC').replace(BRACKETS, ''))
			]) {
				if (form !== '' && !index.has(form)) index.set(form, entry);
			}
		}
	}
	return index;
}

function mapOne(text: string, column: number, index: Map<string, CatalogueIndicator>): ColumnMap {
	const header = text.trim();
	const base = { column, header };
	const whole = headerForm(header);
	const { label, unit } = splitUnit(header);
	const bare = headerForm(label);
	if (whole === '') return { ...base, target: { role: 'ignore' }, matchedBy: 'none' };
	const join = joinByForm.get(whole) ?? joinByForm.get(bare);
	if (join) return { ...base, target: { role: 'join', join }, matchedBy: 'join' };
	if (ignoredForms.has(whole)) return { ...base, target: { role: 'ignore' }, matchedBy: 'ignored' };
	const yearOnly = YEAR_ONLY.exec(bare);
	if (yearOnly) {
		const target = { role: 'year' as const, year: Number(yearOnly[1]), unit };
		return { ...base, target, matchedBy: 'year' };
	}
	// 集体经济收入2019年(万元): the year is taken out, the rest is matched as any header.
	const inside = YEAR_INSIDE.exec(label);
	const year = inside ? Number(inside[1]) : null;
	const named = inside ? label.replace(inside[0], '').trim() : label;
	const entry = index.get(whole) ?? index.get(headerForm(named));
	if (entry) {
		// The whole header matched (建档立卡贫困户(累计)): its bracket is the label's, not a unit.
		const { scale, mismatch } = index.get(whole) ? { scale: 1 } : unitScale(unit, entry);
		const target = { role: 'indicator' as const, key: entry.key, year, scale };
		const matchedBy =
			headerForm(entry.key) === headerForm(named) ? ('key' as const) : ('label' as const);
		return { ...base, target, matchedBy, ...(mismatch ? { unitMismatch: mismatch } : {}) };
	}
	const newLabel = named === '' ? header : named;
	const target = { role: 'new' as const, key: `new:${newLabel}`, label: newLabel, unit, year };
	return { ...base, target, matchedBy: 'none' };
}

/** Map every header of a sheet; headers may be numbers (a year typed as 2019) or empty. */
export function mapHeaders(
	headers: readonly unknown[],
	catalogue: readonly CatalogueIndicator[]
): ColumnMap[] {
	const index = catalogueIndex(catalogue);
	return headers.map((cell, column) => mapOne(cellText(cell), column, index));
}

/** True when a cell reads as a header we know: a join column or a catalogue indicator. */
export function knownHeaderCount(
	cells: readonly unknown[],
	catalogue: readonly CatalogueIndicator[]
): number {
	return mapHeaders(cells, catalogue).filter((m) => ['join', 'key', 'label'].includes(m.matchedBy))
		.length;
}

/** The wizard's choices by column index, applied over the automatic mapping. */
export function applyOverrides(
	maps: readonly ColumnMap[],
	overrides: Readonly<Record<number, ColumnTarget>>
): ColumnMap[] {
	return maps.map((map) => {
		const target = overrides[map.column];
		return target ? { column: map.column, header: map.header, target, matchedBy: 'override' } : map;
	});
}

/** A header the catalogue does not know, proposed as a new indicator (all its year columns). */
export interface NewIndicator {
	key: string;
	label: string;
	unit: string;
	columns: number[];
}

/** The new-indicator candidates of a mapping, one per proposed key. */
export function newIndicatorCandidates(columns: readonly ColumnMap[]): NewIndicator[] {
	const byKey = new Map<string, NewIndicator>();
	for (const { column, target } of columns) {
		if (target.role !== 'new') continue;
		const found = byKey.get(target.key);
		if (found) found.columns.push(column);
		else
			byKey.set(target.key, {
				key: target.key,
				label: target.label,
				unit: target.unit,
				columns: [column]
			});
	}
	return [...byKey.values()];
}
