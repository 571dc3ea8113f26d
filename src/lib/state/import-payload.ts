/**
 * From what the import worker read to what the engine applies: an indicator file's records
 * (the new indicators' provisional `new:<label>` keys renamed to stable keys of their own) or a
 * boundary file's matched units. Pure, so the wizard's first apply and the re-apply after every
 * reload build the same payload from the same file and choices.
 */
import type { IndicatorMeta, Kind, Theme } from '$lib/data/contract';
import type { ImportPayload } from '$lib/data/import-apply';
import type { IngestAnswer } from '$lib/ingest/ingest-protocol';
import type { NewIndicator } from '$lib/ingest/header-map';
import { hashSeed } from '$lib/geo/random';

/** A stable indicator key for a new column (`new:集体经营性收入` → `imp_…`): FNV-1a, base 36. */
export function importedKey(candidate: string): string {
	return `imp_${hashSeed(candidate).toString(36)}`;
}

export interface NewIndicatorChoice {
	label_zh: string;
	label_en: string;
	unit: string;
	kind: Kind;
	theme: Theme;
}

/** The catalogue entry of a new column, as the user described it. */
export function newIndicatorMeta(
	candidate: NewIndicator,
	choice: NewIndicatorChoice
): IndicatorMeta {
	return {
		key: importedKey(candidate.key),
		theme: choice.theme,
		label_zh: choice.label_zh.trim() || candidate.label,
		label_en: choice.label_en.trim() || choice.label_zh.trim() || candidate.label,
		unit: choice.unit,
		kind: choice.kind,
		default_classes: '[]',
		better: 'none'
	};
}

/** The payload of a worker's answer, or why there is nothing to apply. */
export function payloadOf(
	answer: IngestAnswer,
	newIndicators: readonly IndicatorMeta[]
): ImportPayload | { ok: false; reason_zh: string; reason_en: string } {
	if (answer.kind === 'crashed')
		return { ok: false, reason_zh: answer.message_zh, reason_en: answer.message_en };
	if (answer.kind === 'table') {
		const r = answer.result;
		if (!r.ok) return { ok: false, reason_zh: r.message_zh, reason_en: r.message_en };
		const defined = new Set(newIndicators.map((m) => m.key));
		const records = r.records.flatMap((rec) => {
			if (!rec.key.startsWith('new:')) return [rec];
			const key = importedKey(rec.key);
			return defined.has(key) ? [{ ...rec, key }] : []; // an undefined new column is not applied
		});
		return { kind: 'table', records, newIndicators: [...newIndicators] };
	}
	const r = answer.result;
	if (!r.ok) return { ok: false, reason_zh: r.error.reason_zh, reason_en: r.error.reason_en };
	return {
		kind: 'boundary',
		units: (r.join?.units ?? []).map(({ code, polygons }) => ({ code, polygons }))
	};
}
