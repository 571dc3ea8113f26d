/**
 * What the tooltip says about a relocation site, in the UI language: for a resettlement
 * community its households and people, whether it needs a qualifying factory (seed 003) and has
 * one, and its nearest factory; for a factory its jobs, poor labourers employed, months a year,
 * the community it serves and its distance, and whether it counts — with the reason when not.
 * Pure: the HoverCard's props from the model's `sites` and `hover`. Names are data: text only.
 */
import {
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	QUALIFYING_RADIUS_KM
} from '$lib/analysis/factory-rule';
import { formatCount, formatFlag, formatNumber, formatYear } from '$lib/analysis/format';
import type { SiteSet } from '$lib/data/queries/sites';
import { message, type Lang, type MessageKey } from './messages';
import type { SiteHover } from './sites-layer-model.svelte';

export interface SiteTooltip {
	name: string;
	/** CSS colour of the card's dot: the symbol's colour (vermillion for a gap). */
	color: string;
	lines: { label: string; value: string }[];
}

const COLORS = {
	resettlement: '#1f1f26',
	gap: 'rgb(213 94 0)',
	factory: 'rgb(0 114 178)'
};

/** A message with `{n}` replaced. */
function fill(lang: Lang, key: MessageKey, n: string): string {
	return message(lang, key).replace('{n}', n);
}

/** Punctuation around a clause and between clauses, full-width in Chinese. */
const PUNCT = {
	zh: { open: '（', close: '）', comma: '，', semi: '；' },
	en: { open: ' (', close: ')', comma: ', ', semi: '; ' }
};

const km = (lang: Lang, d: number) =>
	fill(lang, 'site.nKm', formatNumber(Math.round(d * 100) / 100));

export function siteTooltip(sites: SiteSet, hover: SiteHover, lang: Lang): SiteTooltip {
	const t = (key: MessageKey) => message(lang, key);
	const num = (v: number | undefined, key: MessageKey) =>
		v === undefined || Number.isNaN(v) ? '—' : fill(lang, key, formatCount(v, lang));
	const p = PUNCT[lang];
	const i = hover.index;
	if (hover.kind === 'resettlement') {
		const c = sites.communities;
		const rule = c.rule[i];
		const gap = c.gap[i];
		const status = !rule
			? t('site.notRequired')
			: gap
				? `${t(rule === 'rural' ? 'site.needsRural' : 'site.needsResettlement')}${p.semi}${t(`site.gap.${gap}`)}`
				: t('site.hasFactory');
		const nearest = c.nearestFactory[i];
		const nearestKm = c.nearestKm[i] as number;
		return {
			name: hover.name,
			color: rule && gap ? COLORS.gap : COLORS.resettlement,
			lines: [
				{ label: t('site.kind'), value: t('site.resettlement') },
				{ label: t('tooltip.township'), value: c.townships[i] ?? '' },
				{ label: t('site.households'), value: num(c.households[i], 'site.nHouseholds') },
				{ label: t('site.people'), value: num(c.people[i], 'site.nPeople') },
				{ label: t('site.openedCommunity'), value: formatYear(c.openedYear[i] as number, lang) },
				{ label: t('site.factoryStatus'), value: status },
				{
					label: t('site.nearest'),
					value: nearest ? `${nearest} · ${km(lang, nearestKm)}` : t('site.noFactory')
				}
			]
		};
	}
	const f = sites.factories;
	const community = f.communityNames[i];
	const distance = f.distanceKm[i] as number;
	const qualifies = f.qualifies[i] === 1;
	const reasons: string[] = [];
	if (!((f.jobs[i] as number) >= MIN_FACTORY_JOBS))
		reasons.push(fill(lang, 'site.tooFewJobs', String(MIN_FACTORY_JOBS)));
	if (!((f.monthsOperating[i] as number) >= MIN_MONTHS_OPERATING))
		reasons.push(fill(lang, 'site.tooFewMonths', String(MIN_MONTHS_OPERATING)));
	if (community && distance > QUALIFYING_RADIUS_KM) reasons.push(t('site.tooFar'));
	return {
		name: hover.name,
		color: COLORS.factory,
		lines: [
			{ label: t('site.kind'), value: t('site.factory') },
			{ label: t('tooltip.township'), value: f.townships[i] ?? '' },
			{ label: t('site.jobs'), value: num(f.jobs[i], 'site.nPeople') },
			{ label: t('site.poorEmployed'), value: num(f.poorEmployed[i], 'site.nPeople') },
			{ label: t('site.months'), value: num(f.monthsOperating[i], 'site.nMonths') },
			{
				label: t('site.community'),
				value:
					community ?? `${t('site.ruralConcentration')}${p.open}${f.villages[i] ?? ''}${p.close}`
			},
			...(community ? [{ label: t('site.distance'), value: km(lang, distance) }] : []),
			{
				label: t('site.qualifies'),
				value: qualifies
					? formatFlag(1, lang)
					: `${formatFlag(0, lang)}${reasons.length ? `${p.open}${reasons.join(p.comma)}${p.close}` : ''}`
			}
		]
	};
}
