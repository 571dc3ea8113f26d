/**
 * A copy of the built app with one more region, 紫阳县's files with hostile names: markup
 * (`<img src=x onerror=…>`, `<script>`), SQL (`"; DROP TABLE indicator; --`) and spreadsheet
 * formulas (`=HYPERLINK(…)`, `+cmd`, `-1+1`, `@SUM(1)`) as county, township, village, site and
 * category names and as an indicator's label — written with the data build's own Arrow writers
 * (scripts/data/arrow.ts), so the app loads them as it loads any dataset. The region is the
 * copy's default, so every screen opens on it.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import {
	indicatorTable,
	metaTable,
	regionTable,
	siteTable,
	toIpc,
	type RegionRow
} from '../../scripts/data/arrow';
import type { IndicatorColumns } from '../../scripts/data/indicator-rows';
import type { IndicatorMeta, Manifest, RegionIndex, SiteRow } from '../../src/lib/data/contract';

export const HOSTILE = {
	img: '<img src=x onerror=alert(1)>',
	script: '<script>alert(1)</script>',
	sql: '"; DROP TABLE indicator; --',
	link: '=HYPERLINK("http://evil","x")',
	plus: '+cmd',
	minus: '-1+1',
	at: '@SUM(1)'
} as const;

export const HOSTILE_CODE = '610999';
const SOURCE = '610924';

/** What the hostile region holds, for the test to look for. */
export interface HostileRegion {
	code: string;
	county: string;
	/** The township whose name starts with the img tag, and the one named as a formula. */
	township: { code: string; name: string };
	formulaTownship: { code: string; name: string };
	/** Exactly-named villages, by which hostile string they carry. */
	villages: Record<keyof typeof HOSTILE, string>;
	/** Every village and community name, by code. */
	names: Map<string, string>;
	/** The category indicator with a hostile category, and that category's villages in 2023. */
	category: { key: string; text: string; count2023: number };
	/** The indicator whose label is hostile. */
	label: { key: string; text: string };
	site: string;
}

const rowsOf = <T>(file: string): T[] =>
	[...tableFromIPC(readFileSync(file))].map((r) => r.toJSON() as T);

/** Copy `build` to `out` and add the hostile region to it; returns what it holds. */
export function writeHostileApp(build: string, out: string): HostileRegion {
	cpSync(build, out, { recursive: true });
	const src = join(out, 'data', SOURCE);
	const dst = join(out, 'data', HOSTILE_CODE);
	mkdirSync(dst, { recursive: true });

	const county = `${HOSTILE.script}县`;
	const region = rowsOf<RegionRow>(join(src, 'region.arrow'));
	const townships = region.filter((r) => r.level === 'township').sort(byCode);
	const [t0, t1] = townships as [RegionRow, RegionRow];
	const rename = new Map<string, string>([
		[SOURCE, county],
		[t0.code, `${HOSTILE.img}${t0.name}`],
		[t1.code, HOSTILE.link]
	]);
	const villages = {} as Record<keyof typeof HOSTILE, string>;
	const plain = region.filter((r) => r.level === 'village').sort(byCode);
	(Object.keys(HOSTILE) as (keyof typeof HOSTILE)[]).forEach((k, i) => {
		const v = plain[i] as RegionRow;
		villages[k] = v.code;
		rename.set(v.code, HOSTILE[k]);
	});
	// Every other unit carries the img tag too, so a pointer anywhere on the map finds one.
	region
		.filter((r) => (r.level === 'village' || r.level === 'community') && !rename.has(r.code))
		.forEach((r, i) => i % 2 === 0 && rename.set(r.code, `${HOSTILE.img}${r.name}`));
	const renamed = region.map((r) => {
		const name = rename.get(r.code);
		return name === undefined ? r : { ...r, name, full_name: name };
	});
	writeFileSync(join(dst, 'region.arrow'), toIpc(regionTable(renamed)));

	// A category renamed in the data and in the catalogue: 县级 "三变" pilots become markup.
	const category = { key: 'sanbian_pilot', from: '县级', text: HOSTILE.img };
	const ind = tableFromIPC(readFileSync(join(src, 'indicator.arrow')));
	const columns: IndicatorColumns = { code: [], year: [], key: [], value: [], text: [] };
	let count2023 = 0;
	for (const r of ind) {
		const hit = r.key === category.key && r.text === category.from;
		if (hit && r.year === 2023) count2023++;
		columns.code.push(String(r.code));
		columns.year.push(Number(r.year));
		columns.key.push(String(r.key));
		columns.value.push(r.value ?? null);
		columns.text.push(hit ? category.text : (r.text ?? null));
	}
	writeFileSync(join(dst, 'indicator.arrow'), toIpc(indicatorTable(columns)));

	const label = { key: 'agri_parks', text: `${HOSTILE.img}现代农业园区` };
	const meta = (m: IndicatorMeta): IndicatorMeta => {
		if (m.key === label.key) return { ...m, label_zh: label.text };
		if (m.key !== category.key) return m;
		const classes = (JSON.parse(m.default_classes) as string[]).map((c) =>
			c === category.from ? category.text : c
		);
		return { ...m, default_classes: JSON.stringify(classes) };
	};
	const metas = rowsOf<Required<IndicatorMeta>>(join(src, 'indicator_meta.arrow'));
	writeFileSync(
		join(dst, 'indicator_meta.arrow'),
		toIpc(metaTable(metas.map((m) => meta(m) as Required<IndicatorMeta>)))
	);

	const site = `${HOSTILE.img}安置社区`;
	let first = true;
	const sites = rowsOf<SiteRow>(join(src, 'site.arrow')).map((s) => {
		if (s.kind !== 'resettlement' || !first) return s;
		first = false;
		return { ...s, name: site };
	});
	writeFileSync(join(dst, 'site.arrow'), toIpc(siteTable(sites)));
	writeFileSync(join(dst, 'boundary.arrow'), readFileSync(join(src, 'boundary.arrow')));

	const manifest = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')) as Manifest;
	manifest.region = { ...manifest.region, code: HOSTILE_CODE, name: county };
	manifest.catalogue = manifest.catalogue.map(meta);
	// Its data differ from 紫阳县's: no first view answered ahead (the map waits for the engine).
	delete manifest.firstView;
	writeFileSync(join(dst, 'manifest.json'), JSON.stringify(manifest, null, '\t'));

	const indexFile = join(out, 'data', 'index.json');
	const index = JSON.parse(readFileSync(indexFile, 'utf8')) as RegionIndex;
	const entry = index.regions.find((r) => r.code === SOURCE);
	index.regions = [
		...index.regions.map((r) => ({ ...r, default: false })),
		{ ...entry!, code: HOSTILE_CODE, name: county, path: HOSTILE_CODE, default: true }
	];
	writeFileSync(indexFile, JSON.stringify(index, null, '\t'));

	const names = new Map(
		renamed
			.filter((r) => r.level === 'village' || r.level === 'community')
			.map((r) => [r.code, r.name])
	);
	return {
		code: HOSTILE_CODE,
		county,
		township: { code: t0.code, name: rename.get(t0.code)! },
		formulaTownship: { code: t1.code, name: HOSTILE.link },
		villages,
		names,
		category: { key: category.key, text: category.text, count2023 },
		label,
		site
	};
}

function byCode(a: { code: string }, b: { code: string }): number {
	return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
