/**
 * The checks an indicator import passes before anything in the engine changes: every record
 * complete and of the right type, no code, year and key twice, every key in the catalogue or
 * among the file's new indicators; and every new indicator fully defined (label, unit, kind,
 * theme), its key free or defined identically already (a second file of the same new
 * indicator). A failed check throws `ImportRefusal`, which the transaction turns into a result.
 */
import { defaultRollup, stringifyRollup } from '../analysis/rollup';
import { BETTER, KINDS, THEMES, type IndicatorMeta, type IndicatorRow } from './contract';
import { ImportRefusal } from './import-transaction';

export interface IndicatorImport {
	/** Joined records (ingest's `JoinedRecord`s have this shape). */
	records: readonly IndicatorRow[];
	/** Indicators the file brings that the catalogue lacks, as the user defined them. */
	newIndicators: readonly IndicatorMeta[];
}

export const META_FIELDS = ['key', 'theme', 'label_zh', 'label_en', 'unit', 'kind'] as const;
export const META_COLUMNS = [
	...META_FIELDS,
	'default_classes',
	'better',
	'description_zh',
	'rollup'
];

function checkRecord(r: IndicatorRow, i: number): void {
	const ok =
		typeof r.code === 'string' &&
		r.code !== '' &&
		Number.isInteger(r.year) &&
		r.year >= 1900 &&
		r.year <= 2200 &&
		typeof r.key === 'string' &&
		r.key !== '' &&
		(r.value === null || (typeof r.value === 'number' && Number.isFinite(r.value))) &&
		(r.text === null || typeof r.text === 'string');
	if (!ok)
		throw new ImportRefusal(
			`第 ${i + 1} 条记录不完整或类型不对（代码、年份、指标、数值）`,
			`record ${i + 1} is incomplete or of the wrong type (code, year, key, value)`
		);
}

function checkMeta(m: IndicatorMeta): IndicatorMeta {
	const text = META_FIELDS.every((f) => typeof m[f] === 'string') && /^\w{1,64}$/.test(m.key);
	const known =
		(THEMES as readonly string[]).includes(m.theme) &&
		(KINDS as readonly string[]).includes(m.kind) &&
		(m.better === undefined || (BETTER as readonly string[]).includes(m.better));
	if (!text || !known || m.label_zh.trim() === '')
		throw new ImportRefusal(
			`新指标“${String(m.key)}”的定义不完整（名称、单位、类型、专题）`,
			`new indicator "${String(m.key)}" is not fully defined (label, unit, kind, theme)`
		);
	return m;
}

/** A new indicator's classes when the user gave none: the categories met, or 0/1 for a flag. */
function classesOf(m: IndicatorMeta, records: readonly IndicatorRow[]): string {
	if (m.default_classes && m.default_classes !== '[]') return m.default_classes;
	if (m.kind === 'flag') return '[0,1]';
	if (m.kind !== 'category') return '[]';
	const texts = records.filter((r) => r.key === m.key && r.text !== null).map((r) => r.text);
	return JSON.stringify([...new Set(texts)].sort());
}

/** New definitions to insert: a key already defined identically is skipped, otherwise refused. */
export function newMetas(
	imp: IndicatorImport,
	catalogue: readonly IndicatorMeta[]
): IndicatorMeta[] {
	const known = new Map(catalogue.map((m) => [m.key, m]));
	const out: IndicatorMeta[] = [];
	for (const m of imp.newIndicators.map(checkMeta)) {
		const old = known.get(m.key);
		if (old && META_FIELDS.every((f) => old[f] === m[f])) continue;
		if (old)
			throw new ImportRefusal(
				`指标代码“${m.key}”已有另一种定义（${old.label_zh}）`,
				`indicator key "${m.key}" is already defined otherwise (${old.label_en})`
			);
		const full: IndicatorMeta = {
			...m,
			default_classes: classesOf(m, imp.records),
			better: m.better ?? 'none',
			description_zh: m.description_zh ?? '',
			rollup: m.rollup || stringifyRollup(defaultRollup(m.kind))
		};
		known.set(m.key, full);
		out.push(full);
	}
	return out;
}

export function checkRecords(records: readonly IndicatorRow[], keys: ReadonlySet<string>): void {
	const seen = new Set<string>();
	records.forEach((r, i) => {
		checkRecord(r, i);
		if (!keys.has(r.key))
			throw new ImportRefusal(
				`指标“${r.key}”不在目录中`,
				`indicator "${r.key}" is not in the catalogue`
			);
		const id = `${r.code}\u0000${r.year}\u0000${r.key}`;
		if (seen.has(id))
			throw new ImportRefusal(
				`${r.code} 的 ${r.key}（${r.year} 年）出现两次`,
				`${r.code} has ${r.key} for ${r.year} twice`
			);
		seen.add(id);
	});
}
