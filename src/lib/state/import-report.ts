/**
 * A boundary import's report as lines a person reads and as the CSV of everything not imported:
 * features the reader skipped or rejected (empty, not a polygon, invalid) and features the join
 * could not place or found twice — each with its feature number and reason (both languages in
 * the CSV), so every feature of the file is accounted for (imported + listed = read).
 */
import type { Lang } from '$lib/analysis/format';
import type { BoundaryResult } from '$lib/ingest/ingest-protocol';
import { rejectedCsvText, type RejectedRowLike } from '$lib/ingest/rejected-csv';

export interface BoundaryLine {
	featureIndex: number;
	label: string;
	reason: string;
}

/** Every feature not imported, in file order, with its reason in `lang`. */
export function boundaryRejected(result: BoundaryResult, lang: Lang): BoundaryLine[] {
	if (!result.ok) return [];
	const reason = (r: { reason_zh: string; reason_en: string }) =>
		lang === 'zh' ? r.reason_zh : r.reason_en;
	const { report, join } = result;
	const lines: BoundaryLine[] = [
		...report.skipped.map((r) => ({ featureIndex: r.featureIndex, label: '', reason: reason(r) })),
		...report.rejected.map((r) => ({ featureIndex: r.featureIndex, label: '', reason: reason(r) })),
		...(join?.unmatched ?? []).map((m) => ({
			featureIndex: m.featureIndex,
			label: m.label,
			reason: reason(m)
		})),
		...(join?.duplicates ?? []).map((m) => ({
			featureIndex: m.featureIndex,
			label: m.label,
			reason: reason(m)
		}))
	];
	return lines.sort((a, b) => a.featureIndex - b.featureIndex);
}

/** The CSV (UTF-8 with BOM, formulas neutralised) of the features not imported. */
export function boundaryRejectedCsv(result: BoundaryResult): string {
	const zh = boundaryRejected(result, 'zh');
	const en = boundaryRejected(result, 'en');
	const rows: RejectedRowLike[] = zh.map((l, i) => ({
		rowNumber: l.featureIndex + 1,
		reason_zh: l.reason,
		reason_en: en[i]?.reason ?? '',
		cells: [l.label]
	}));
	return rejectedCsvText(rows, ['要素属性 feature']);
}
