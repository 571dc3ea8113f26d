/**
 * Which region unit each imported boundary feature is: by a division-code attribute when the
 * file has one (the column whose values are mostly codes of this region), otherwise by the
 * village name scoped by a township attribute, with the same tolerance as indicator sheets
 * (村 / 村委会 / 社区 suffixes, spaces). Every feature ends matched, unmatched, ambiguous or a
 * duplicate of an earlier one, each with its reason, so the report accounts for all of them.
 */
import type { Polygons } from '$lib/geo/types';
import { divisionCodeOf, shortDivisionCode } from './division-code';
import { buildNameIndex, matchVillageName, type RegionUnit } from './name-match';
import type { BoundaryFeature } from './boundary-types';
import { headerForm } from './header-text';

export interface JoinedUnit {
	code: string;
	polygons: Polygons;
	featureIndex: number;
}

export interface BoundaryMiss {
	featureIndex: number;
	/** The attributes that named it, as text. */
	label: string;
	reason_zh: string;
	reason_en: string;
}

export interface BoundaryJoin {
	/** How features were matched: the attribute names used. */
	by: { code?: string; name?: string; township?: string };
	units: JoinedUnit[];
	unmatched: BoundaryMiss[];
	duplicates: BoundaryMiss[];
}

const NAME_FIELDS = [
	'村名',
	'村名称',
	'行政村',
	'村社区',
	'村（社区）',
	'村(社区)',
	'名称',
	'name',
	'village',
	'xzqmc',
	'cunming'
];
const TOWNSHIP_FIELDS = ['乡镇', '乡镇名称', '镇', '乡', '街道', 'township', 'town', 'xiangzhen'];

/** The attribute whose values are most often codes of `known` (at least half the features). */
function codeField(features: readonly BoundaryFeature[], known: Set<string>): string | undefined {
	const counts = new Map<string, number>();
	for (const f of features) {
		for (const [k, v] of Object.entries(f.properties)) {
			const code = divisionCodeOf(v);
			if (code && (known.has(code) || known.has(shortDivisionCode(code))))
				counts.set(k, (counts.get(k) ?? 0) + 1);
		}
	}
	const [best] = [...counts].sort((a, b) => b[1] - a[1]);
	return best && best[1] * 2 >= features.length ? best[0] : undefined;
}

function fieldNamed(features: readonly BoundaryFeature[], names: readonly string[]) {
	const wanted = names.map(headerForm);
	const keys = Object.keys(features[0]?.properties ?? {});
	return keys.find((k) => wanted.includes(headerForm(k)));
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export function joinBoundaries(
	features: readonly BoundaryFeature[],
	regions: readonly RegionUnit[]
): BoundaryJoin {
	const villages = regions.filter((r) => r.level === 'village' || r.level === 'community');
	const known = new Set(villages.map((r) => r.code));
	const byCode = codeField(features, known);
	const name = byCode ? undefined : fieldNamed(features, NAME_FIELDS);
	const township = byCode ? undefined : fieldNamed(features, TOWNSHIP_FIELDS);
	const index = byCode ? null : buildNameIndex(regions);
	const out: BoundaryJoin = {
		by: { code: byCode, name, township },
		units: [],
		unmatched: [],
		duplicates: []
	};
	const seen = new Map<string, number>();
	for (const f of features) {
		const label = [byCode, township, name]
			.filter(Boolean)
			.map((k) => text(f.properties[k as string]))
			.join(' ');
		let code: string | null = null;
		if (byCode) {
			const c = divisionCodeOf(f.properties[byCode]);
			code = c && known.has(c) ? c : null;
			if (!code)
				out.unmatched.push({
					featureIndex: f.featureIndex,
					label,
					reason_zh: `代码“${text(f.properties[byCode])}”不是本区域的村（社区）`,
					reason_en: `code "${text(f.properties[byCode])}" is not a village or community of this region`
				});
		} else if (index && name) {
			const m = matchVillageName(
				index,
				text(f.properties[name]),
				township ? text(f.properties[township]) : null
			);
			if (m.status === 'matched') code = m.code;
			else
				out.unmatched.push({
					featureIndex: f.featureIndex,
					label,
					reason_zh: m.reason_zh,
					reason_en: m.reason_en
				});
		} else {
			out.unmatched.push({
				featureIndex: f.featureIndex,
				label,
				reason_zh: '没有区划代码或村名属性，无法对应',
				reason_en: 'no division code or village name attribute to match by'
			});
		}
		if (!code) continue;
		const first = seen.get(code);
		if (first !== undefined) {
			out.duplicates.push({
				featureIndex: f.featureIndex,
				label,
				reason_zh: `与第 ${first + 1} 个要素是同一个村（${code}）`,
				reason_en: `the same village (${code}) as feature ${first + 1}`
			});
			continue;
		}
		seen.set(code, f.featureIndex);
		out.units.push({ code, polygons: f.polygons, featureIndex: f.featureIndex });
	}
	return out;
}
