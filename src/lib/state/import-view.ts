/**
 * What the import screen shows of a worker's answer, as plain rows in the user's language: the
 * report's numbers, notes, the preview, each column's mapping as a choice, the new indicators to
 * describe, and every row or feature not imported with its reason. Pure, so the components stay
 * free of the readers' types and the rules are tested as sentences.
 */
import type { Lang } from '$lib/analysis/format';
import type { IndicatorMeta } from '$lib/data/contract';
import type { ColumnTarget } from '$lib/ingest/header-map';
import type { IngestAnswer } from '$lib/ingest/ingest-protocol';
import { importText, type ImportMessageKey } from './import-messages';
import { boundaryRejected } from './import-report';

export interface ReviewStat {
	id: string;
	label: string;
	value: number | string;
	tone?: 'bad' | 'warn';
}

export interface ReviewLine {
	where: string;
	reason: string;
	cells?: string;
}

export interface ColumnChoice {
	column: number;
	header: string;
	value: string;
}

export interface NewColumn {
	key: string;
	label: string;
	unit: string;
	headers: string;
}

export interface ReviewModel {
	kind: 'table' | 'boundary';
	stats: ReviewStat[];
	notes: string[];
	preview: string[][];
	columns: ColumnChoice[];
	newIndicators: NewColumn[];
	rejected: ReviewLine[];
	/** Anything to apply at all. */
	canApply: boolean;
}

/** A column target as the value of its select (`ind:collective_income`, `join:code`, …). */
export function targetValue(t: ColumnTarget): string {
	if (t.role === 'join') return `join:${t.join}`;
	if (t.role === 'indicator') return `ind:${t.key}`;
	if (t.role === 'year') return 'year-column';
	if (t.role === 'new') return 'new';
	return 'ignore';
}

/** The target a select value stands for; the column's current target lends year and scale. */
export function targetOf(value: string, current: ColumnTarget | undefined): ColumnTarget | null {
	if (value === 'ignore') return { role: 'ignore' };
	const join = /^join:(code|village|township|year)$/.exec(value);
	if (join) return { role: 'join', join: join[1] as 'code' | 'village' | 'township' | 'year' };
	const ind = /^ind:([a-z][a-z0-9_]{0,63})$/.exec(value);
	if (ind) {
		const year = current && 'year' in current ? current.year : null;
		const scale = current?.role === 'indicator' ? current.scale : 1;
		return { role: 'indicator', key: ind[1] as string, year, scale };
	}
	return null; // 'new' and 'year-column' come from the reader, not from a choice
}

/** The options of a column's select: join roles, ignore, then the catalogue's indicators. */
export function columnOptions(catalogue: readonly IndicatorMeta[], lang: Lang) {
	const t = (k: ImportMessageKey) => importText(lang, k);
	return [
		{ value: 'ignore', label: t('import.column.ignore') },
		{ value: 'join:code', label: t('import.column.code') },
		{ value: 'join:village', label: t('import.column.village') },
		{ value: 'join:township', label: t('import.column.township') },
		{ value: 'join:year', label: t('import.column.year') },
		...catalogue
			.filter((m) => !m.key.startsWith('poverty_status'))
			.map((m) => ({ value: `ind:${m.key}`, label: lang === 'zh' ? m.label_zh : m.label_en }))
	];
}

export function reviewModel(answer: IngestAnswer, lang: Lang): ReviewModel | null {
	const t = (k: ImportMessageKey, v?: Record<string, string | number>) => importText(lang, k, v);
	const r = <T extends { reason_zh: string; reason_en: string }>(x: T) =>
		lang === 'zh' ? x.reason_zh : x.reason_en;
	if (answer.kind === 'table' && answer.result.ok) {
		const { report, preview, records } = answer.result;
		const rejected = [...report.rejected].sort((a, b) => a.rowNumber - b.rowNumber);
		return {
			kind: 'table',
			stats: [
				{ id: 'rows', label: t('import.rowsRead'), value: report.rowsRead },
				{ id: 'matched', label: t('import.matched'), value: report.matched },
				{
					id: 'rejected',
					label: t('import.rejected'),
					value: report.rejected.length,
					tone: report.rejected.length ? 'bad' : undefined
				},
				{ id: 'skipped', label: t('import.skipped'), value: report.skipped.length },
				{
					id: 'duplicates',
					label: t('import.duplicates'),
					value: report.duplicates.length,
					tone: report.duplicates.length ? 'warn' : undefined
				},
				{
					id: 'out-of-range',
					label: t('import.outOfRange'),
					value: report.outOfRange.length,
					tone: report.outOfRange.length ? 'warn' : undefined
				},
				{
					id: 'conflicts',
					label: t('import.conflicts'),
					value: report.nameConflicts.length,
					tone: report.nameConflicts.length ? 'warn' : undefined
				},
				{ id: 'records', label: t('import.records'), value: records.length },
				...(report.encoding
					? [{ id: 'encoding', label: t('import.encoding'), value: report.encoding }]
					: []),
				...(report.sheet ? [{ id: 'sheet', label: t('import.sheet'), value: report.sheet }] : [])
			],
			notes: [
				...report.warnings.map((w) => w[lang]),
				...report.outOfRange.map((o) => `${t('import.row', { n: o.rowNumber })}: ${r(o)}`),
				...report.duplicates.map(
					(d) =>
						`${d.code} ${d.year} ${d.key}: ${d.rows.map((n) => t('import.row', { n })).join(', ')}`
				)
			],
			preview,
			columns: report.columns.map((c) => ({
				column: c.column,
				header: c.header,
				value: targetValue(c.target)
			})),
			newIndicators: report.newIndicators.map((n) => ({
				key: n.key,
				label: n.label,
				unit: n.unit,
				headers: n.columns.map((i) => report.headers[i] ?? '').join('、')
			})),
			rejected: rejected.map((row) => ({
				where: t('import.row', { n: row.rowNumber }),
				reason: r(row),
				cells: row.cells.join(' | ')
			})),
			canApply: records.length > 0
		};
	}
	if (answer.kind === 'boundary' && answer.result.ok) {
		const { report, join } = answer.result;
		const units = join?.units.length ?? 0;
		const by = join?.by.code ?? [join?.by.township, join?.by.name].filter(Boolean).join(' + ');
		return {
			kind: 'boundary',
			stats: [
				{ id: 'features', label: t('import.featuresRead'), value: report.featuresRead },
				{ id: 'matched', label: t('import.matched'), value: units },
				{
					id: 'rejected',
					label: t('import.rejected'),
					value: report.featuresRead - units,
					tone: report.featuresRead > units ? 'bad' : undefined
				},
				{
					id: 'repaired',
					label: t('import.repaired'),
					value: report.repaired.length + report.fixed.length
				},
				{
					id: 'crs',
					label: t('import.crs'),
					value: lang === 'zh' ? report.crs.name_zh : report.crs.name_en
				},
				...(report.encoding
					? [{ id: 'encoding', label: t('import.encoding'), value: report.encoding.name }]
					: []),
				...(by ? [{ id: 'by', label: t('import.matchedBy'), value: by }] : [])
			],
			notes: [
				...report.notes.map(r),
				...report.repaired.map((x) => `${t('import.feature', { n: x.featureIndex + 1 })}: ${r(x)}`)
			],
			preview: [],
			columns: [],
			newIndicators: [],
			rejected: boundaryRejected(answer.result, lang).map((l) => ({
				where: t('import.feature', { n: l.featureIndex + 1 }),
				reason: l.reason,
				cells: l.label
			})),
			canApply: units > 0
		};
	}
	return null;
}
