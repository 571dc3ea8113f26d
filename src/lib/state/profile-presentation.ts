/**
 * What the profile panel writes, derived from a `Profile` in the chosen language: each
 * indicator's value in a year (the catalogue's kind and the township statistic decide the
 * format), the colours of its yearly strip (flags and categories), its rank text, and the
 * figures of its communities and factories. Pure; the panel only lays these out.
 */
import type { Theme } from '$lib/data/contract';
import type {
	Profile,
	ProfileCommunity,
	ProfileFactory,
	ProfileIndicator,
	ProfileRank
} from '$lib/data/queries/profile';
import { categoryLabel } from '$lib/analysis/category-labels';
import { derivedIndicator } from '$lib/analysis/derived-indicators';
import {
	formatCount,
	formatFlag,
	formatNumber,
	formatPercent,
	formatterFor,
	type Label
} from '$lib/analysis/format';
import { NO_DATA_COLOR, OKABE_ITO, categoricalColors } from '$lib/analysis/palettes';
import { rgbaToCss } from '$lib/analysis/palette';
import type { Lang, MessageKey } from './messages';

type T = (key: MessageKey) => string;

/** The catalogue's units (Chinese in the data) in both languages; `null`: no unit after the number. */
const UNITS: Readonly<Record<string, Label | null>> = {
	户: { zh: '户', en: 'households' },
	人: { zh: '人', en: 'people' },
	个: { zh: '个', en: '' },
	分: { zh: '分', en: 'points' },
	天: { zh: '天', en: 'days' },
	年: null,
	元: null
};

/** A message with `{name}` placeholders filled. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd. */
export function ordinal(n: number): string {
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
}

/** The name of a category of an indicator (derived ones have their own names). */
export function categoryName(ind: ProfileIndicator, category: string, lang: Lang): string {
	const extra: Record<string, Label> = {};
	for (const c of derivedIndicator(ind.meta.key)?.categories ?? []) extra[c.key] = c.label;
	return categoryLabel(category, extra)[lang];
}

/** A number with its unit as the tooltip writes it (`107 户`, `107 households`). */
function withUnit(text: string, unit: string, lang: Lang): string {
	const label = unit in UNITS ? UNITS[unit] : { zh: unit, en: unit };
	const u = label?.[lang] ?? '';
	return u ? `${text} ${u}` : text;
}

/**
 * The indicator's value in year index `i`, or null where it has none. A township's category
 * reads as its villages per category in the profile's year (`breakdown`), else the count.
 */
export function valueText(
	ind: ProfileIndicator,
	i: number,
	lang: Lang,
	breakdown = false
): string | null {
	const v = ind.values[i] ?? null;
	const text = ind.texts[i] ?? null;
	if (ind.stat === 'value') {
		if (ind.meta.kind === 'category') return text === null ? null : categoryName(ind, text, lang);
		if (v === null) return null;
		if (ind.meta.kind === 'flag') return formatFlag(v, lang);
		const s = formatterFor(ind.meta.kind)(v, lang);
		return ind.meta.kind === 'count' ? withUnit(s, ind.meta.unit, lang) : s;
	}
	if (breakdown && ind.breakdown.length > 0) {
		return ind.breakdown
			.map((b) => `${categoryName(ind, b.category, lang)} ${b.count}`)
			.join(' · ');
	}
	if (v === null) return null;
	switch (ind.stat) {
		case 'share':
			return formatPercent(v);
		case 'count':
			// The villages in the counted category: "未退出贫困村 6".
			return ind.category
				? `${categoryName(ind, ind.category, lang)} ${formatCount(v)}`
				: formatCount(v);
		default: {
			const s = formatterFor(ind.meta.kind)(v, lang);
			return ind.meta.kind === 'count' ? withUnit(s, ind.meta.unit, lang) : s;
		}
	}
}

/** The rank in each scope it has: "第 3 / 12（乡镇内）", "joint 20th of 207 in county". */
export function rankParts(ind: ProfileIndicator, lang: Lang, t: T): string[] {
	const one = (r: ProfileRank | null, scope: MessageKey) =>
		r &&
		fill(t(r.tied ? 'profile.rankTied' : 'profile.rank'), {
			rank: lang === 'en' ? ordinal(r.rank) : r.rank,
			of: r.of,
			scope: t(scope)
		});
	const parts = [one(ind.inTownship, 'profile.inTownship'), one(ind.inCounty, 'profile.inCounty')];
	return parts.filter((p): p is string => !!p);
}

/** Between the scopes: a full-width bracket ends the Chinese part, so no space before the dot. */
export const rankSeparator = (lang: Lang): string => (lang === 'zh' ? '· ' : ' · ');

/** "第 3 / 12（乡镇内）· 第 20 / 207（全县）", "3rd of 12 in township · 20th of 207 in county". */
export function rankText(ind: ProfileIndicator, lang: Lang, t: T): string | null {
	const parts = rankParts(ind, lang, t);
	return parts.length ? parts.join(rankSeparator(lang)) : null;
}

/** Whether the series is drawn as a strip of coloured cells (village flags and categories). */
export function isStrip(ind: ProfileIndicator): boolean {
	return ind.stat === 'value' && (ind.meta.kind === 'flag' || ind.meta.kind === 'category');
}

const FLAG_COLORS = { '1': rgbaToCss(OKABE_ITO[4] ?? NO_DATA_COLOR), '0': '#dddcd6' };

/** A strip cell's colour per year: flags blue/grey, categories their legend colours. */
export function stripColors(ind: ProfileIndicator): string[] {
	const noData = 'transparent';
	if (ind.meta.kind === 'flag') {
		return ind.values.map((v) =>
			v === 1 ? FLAG_COLORS['1'] : v === 0 ? FLAG_COLORS['0'] : noData
		);
	}
	const own = derivedIndicator(ind.meta.key)?.categories;
	let listed: string[] = [];
	try {
		const list: unknown = JSON.parse(ind.meta.default_classes);
		if (Array.isArray(list)) listed = list.map(String);
	} catch {
		// Unlisted categories take the grey of no class.
	}
	const palette =
		listed.length > 0 ? categoricalColors(Math.min(listed.length, OKABE_ITO.length)) : [];
	return ind.texts.map((c) => {
		if (c === null) return noData;
		const color = own?.find((o) => o.key === c)?.color ?? palette[listed.indexOf(c)];
		return rgbaToCss(color ?? NO_DATA_COLOR);
	});
}

/** The profile's indicators by theme, in the order the catalogue first names each theme. */
export function byTheme(p: Profile): { theme: Theme; shown: ProfileIndicator[]; hidden: number }[] {
	const themes = [...new Set(p.indicators.map((i) => i.meta.theme))];
	return themes.map((theme) => {
		const all = p.indicators.filter((i) => i.meta.theme === theme);
		// Indicators that never apply to this unit (exit year of a never-poor village) are left out.
		const shown = all.filter(
			(i) => i.values.some((v) => v !== null) || i.texts.some((x) => x !== null)
		);
		return { theme, shown, hidden: all.length - shown.length };
	});
}

/** "2,258 户 · 7,297 人 · 2018 年建成". */
export function communityFacts(c: ProfileCommunity, t: T): string {
	const parts: string[] = [];
	if (c.households !== null)
		parts.push(fill(t('profile.households'), { n: formatCount(c.households) }));
	if (c.people !== null) parts.push(fill(t('profile.people'), { n: formatCount(c.people) }));
	if (c.openedYear !== null) parts.push(fill(t('profile.opened'), { n: c.openedYear }));
	return parts.join(' · ');
}

/** "就业 96 人 · 每年开工 10 个月 · 距安置社区 0.23 公里". */
export function factoryFacts(f: ProfileFactory, t: T): string {
	const parts: string[] = [];
	if (f.jobs !== null) parts.push(fill(t('profile.jobs'), { n: formatCount(f.jobs) }));
	if (f.monthsOperating !== null) parts.push(fill(t('profile.months'), { n: f.monthsOperating }));
	if (f.distanceKm !== null)
		parts.push(fill(t('profile.distance'), { n: formatNumber(f.distanceKm) }));
	if (f.openedYear !== null) parts.push(fill(t('profile.opened'), { n: f.openedYear }));
	return parts.join(' · ');
}
