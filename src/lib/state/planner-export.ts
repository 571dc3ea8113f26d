/**
 * The planner's workbook: a first sheet saying what was applied (region, year, rules with their
 * thresholds and sources, AND/OR, score weights and method, the rectification share, the
 * pairing's thresholds, the data's provenance), then one sheet per list. Codes stay text
 * (xlsx-export.ts writes every text cell as text).
 */
import type { IndicatorMeta } from '$lib/data/contract';
import { RULE_PRESETS } from '$lib/data/queries/planner-rules';
import type { XlsxSheet } from './xlsx-export';
import type { PlannerState } from './planner.svelte';
import type { Lang } from './messages';

type Text = (key: string, vars?: Record<string, string | number>) => string;

export function plannerWorkbook(
	p: PlannerState,
	catalogue: readonly Pick<IndicatorMeta, 'key' | 'label_zh' | 'label_en'>[],
	lang: Lang,
	text: Text
): XlsxSheet[] {
	const s = p.settings;
	const zh = lang === 'zh';
	const label = (key: string) => {
		const m = catalogue.find((c) => c.key === key);
		return m ? (zh ? m.label_zh : m.label_en) : key;
	};
	const rules = s.rules.map((r) => {
		const preset = RULE_PRESETS.find((x) => x.id === r.id);
		const params = (preset?.params ?? [])
			.map((pa) => `${zh ? pa.label.zh : pa.label.en} ${r.params?.[pa.name] ?? pa.default}`)
			.join('，');
		const title = preset ? (zh ? preset.title.zh : preset.title.en) : r.id;
		return [
			text('planner.rules'),
			`${title}${params ? `（${params}）` : ''}；${text('planner.source')} ${preset?.sources.join('、') ?? ''}`
		];
	});
	const header: XlsxSheet = {
		name: zh ? '说明' : 'About',
		columns: [zh ? '项目' : 'Item', zh ? '内容' : 'Value'],
		rows: [
			[text('planner.year'), String(p.year)],
			...rules,
			[text('planner.combine'), text(`planner.${s.combine}`)],
			[text('planner.selected', { n: p.rules?.selected ?? 0 }), ''],
			...s.score.map((c) => [
				text('planner.indicators'),
				`${label(c.key)} × ${c.weight}（${c.direction === 'lower-better' ? text('planner.lower') : text('planner.higher')}）`
			]),
			[text('planner.method'), text(`planner.method.${s.method}`)],
			[text('planner.bottom'), String(Math.round(s.bottom * 100))],
			[text('planner.strongMin'), String(s.strongMin)],
			[text('planner.capacity'), String(s.capacity)],
			[text('planner.maxKm'), String(s.maxKm)],
			[zh ? '数据' : 'Data', text('planner.provenance')]
		]
	};
	const list: XlsxSheet = {
		name: text('planner.tab.list'),
		columns: [
			text('planner.code'),
			text('planner.name'),
			text('planner.township'),
			text('planner.hits')
		],
		rows: (p.rules?.rows ?? [])
			.filter((r) => r.selected)
			.map((r) => [
				r.code,
				r.name,
				r.township,
				Object.entries(r.hits)
					.filter(([, v]) => v)
					.map(([k]) => k)
					.join(',')
			])
	};
	const score: XlsxSheet = {
		name: text('planner.tab.score'),
		columns: [
			text('planner.rank'),
			text('planner.code'),
			text('planner.name'),
			text('planner.township'),
			text('planner.score'),
			text('planner.move'),
			text('planner.rectify'),
			text('planner.weakest')
		],
		rows: p.scores.map((r) => [
			r.rank,
			r.code,
			r.name,
			r.township,
			r.score,
			r.move,
			r.rectify ? 1 : 0,
			r.weakest.map(label).join('、')
		])
	};
	const pairs: XlsxSheet = {
		name: text('planner.tab.pairs'),
		columns: [
			text('planner.weak'),
			text('planner.name'),
			text('planner.strong'),
			text('planner.name'),
			text('planner.km')
		],
		rows: [
			...(p.pairing?.pairs ?? []).map((x) => [
				x.weak,
				p.names.get(x.weak) ?? '',
				x.strong,
				p.names.get(x.strong) ?? '',
				Math.round(x.km * 100) / 100
			]),
			...(p.pairing?.unpaired ?? []).map((u) => [
				u.code,
				p.names.get(u.code) ?? '',
				null,
				text(`planner.reason.${u.reason}`),
				null
			])
		]
	};
	const gaps: XlsxSheet = {
		name: text('planner.tab.gaps'),
		columns: [
			text('planner.community'),
			text('planner.township'),
			text('planner.households'),
			text('planner.gap'),
			text('planner.nearest'),
			text('planner.km')
		],
		rows: p.gaps.map((g) => [
			g.name,
			g.township,
			g.households,
			text(`planner.gap.${g.gap}`),
			g.nearestFactory,
			g.nearestKm === null ? null : Math.round(g.nearestKm * 100) / 100
		])
	};
	return [header, list, score, pairs, gaps];
}
