/**
 * The relocation layer model on the real engine over 紫阳县: a year's sites become the three
 * point layers, a picked part resolves to its site, and the tooltip says what a planner checks
 * (households, the factory rule, distances) in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import { SitesLayerModel } from '$lib/state/sites-layer-model.svelte';
import { siteTooltip } from '$lib/state/site-tooltip';
import { openRegion } from './dataset-fixture';

let db: Connector;
beforeAll(async () => {
	({ db } = await openRegion('610924'));
});
afterAll(async () => {
	await db?.close();
});

/** The first factory of a village's rural concentration (no community) and its village's name. */
const file = (t: string) => [...tableFromIPC(readFileSync(`static/data/610924/${t}.arrow`))];
const ruralFactory = file('site').find((r) => r.kind === 'factory' && r.community_id == null);
const ruralVillage = String(
	file('region').find((r) => r.code === ruralFactory?.village_code)?.name
);

const model = () => new SitesLayerModel({ db, dataset: { region: { code: '610924' } } });
type Attrs = { length: number; attributes: { getRadius: { value: Float32Array } } };
const dataOf = (l: { props: { data: unknown } } | undefined) => l?.props.data as Attrs;
const hoverOn = (layerId: string, index: number) => ({ layerId, index, x: 10, y: 20 });

describe('SitesLayerModel', () => {
	it('draws 2023’s 29 communities, 36 factories and 3 gap rings under the stack’s keys', async () => {
		const m = model();
		expect(m.layersByKey().resettlement).toEqual([]);
		await m.load(2023);
		const l = m.layersByKey();
		expect(l.resettlement?.map((x) => x.id)).toEqual(['resettlement-points']);
		expect(l.factories?.map((x) => x.id)).toEqual(['factory-points']);
		expect(l.gaps?.map((x) => x.id)).toEqual(['gap-highlight']);
		expect(dataOf(l.resettlement?.[0]).length).toBe(29);
		expect(dataOf(l.factories?.[0]).length).toBe(36);
		expect(dataOf(l.gaps?.[0]).length).toBe(3);
		expect(m.gapCount).toBe(3);
		// The largest community (城关安置社区, 2,258 households) gets the largest circle.
		const radii = Array.from(dataOf(l.resettlement?.[0]).attributes.getRadius.value);
		expect(radii[m.sites?.communities.ids.indexOf('R610924-01') ?? -1]).toBe(Math.max(...radii));
	});

	it('keeps its layers’ data between redraws and answers a year it has seen from the cache', async () => {
		const m = model();
		await m.load(2023);
		const first = m.layersByKey().resettlement?.[0];
		const again = m.layersByKey().resettlement?.[0];
		// A new instance each draw (deck.gl cannot initialise a finalised one again), the same
		// data and attributes, so deck.gl only diffs.
		expect(again).not.toBe(first);
		expect(again?.id).toBe(first?.id);
		expect(again?.props.data).toBe(first?.props.data);
		const sites = m.sites;
		await m.load(2018);
		expect(m.sites?.year).toBe(2018);
		await m.load(2023);
		expect(m.sites).toBe(sites);
	});

	it('shows the newest year asked for when answers arrive out of order', async () => {
		const m = model();
		await Promise.all([m.load(2016), m.load(2023)]);
		expect(m.sites?.year).toBe(2023);
	});

	it('resolves a picked point or gap ring to its site, and ignores other layers', async () => {
		const m = model();
		await m.load(2023);
		const c = m.sites!.communities;
		const r1 = c.ids.indexOf('R610924-01');
		expect(m.siteAt(hoverOn('resettlement-points', r1))).toMatchObject({
			kind: 'resettlement',
			id: 'R610924-01',
			name: '城关安置社区'
		});
		// The three rings are 2023's three gap communities.
		const rings = [0, 1, 2].map((i) => m.siteAt(hoverOn('gap-highlight', i))?.name);
		expect(rings.sort()).toEqual(['城关幸福社区', '洞河移民新村', '高滩安置社区'].sort());
		expect(m.siteAt(hoverOn('factory-points', 0))).toMatchObject({
			kind: 'factory',
			id: 'F610924-01'
		});
		expect(m.siteAt(hoverOn('choropleth-fill', 0))).toBeNull();
		m.hoverAt(hoverOn('factory-points', 99));
		expect(m.hover).toBeNull();
	});
});

describe('site tooltips', () => {
	it('a gap community: households, people, the rule it fails and its nearest factory (zh)', async () => {
		const m = model();
		await m.load(2023);
		const i = m.sites!.communities.ids.indexOf('R610924-20');
		const tip = siteTooltip(m.sites!, m.siteAt(hoverOn('resettlement-points', i))!, 'zh');
		expect(tip.name).toBe('高滩安置社区');
		expect(tip.color).toBe('rgb(213 94 0)');
		expect(Object.fromEntries(tip.lines.map((l) => [l.label, l.value]))).toEqual({
			类型: '易地搬迁安置社区',
			所属乡镇: '高滩镇',
			安置户数: '810户',
			安置人口: '2,617人',
			建成年份: '2016',
			社区工厂: '500户以上安置社区，应有达标工厂；附近工厂用工或经营月数不达标',
			最近的工厂: '高滩毛绒玩具社区工厂 · 0.24公里'
		});
	});

	it('a factory that does not count says why; a rural concentration’s factory has no community (en)', async () => {
		const m = model();
		await m.load(2023);
		const f = m.sites!.factories;
		const small = siteTooltip(
			m.sites!,
			m.siteAt(hoverOn('factory-points', f.ids.indexOf('F610924-11')))!,
			'en'
		);
		const lines = Object.fromEntries(small.lines.map((l) => [l.label, l.value]));
		expect(lines).toMatchObject({
			Type: 'Community factory',
			Jobs: '17 people',
			Operating: '4 months a year',
			Serves: '高滩安置社区',
			'Distance to community': '0.24 km',
			'Counts as a community factory': 'No (under 20 workers, under 6 months a year)'
		});
		const rural = siteTooltip(
			m.sites!,
			m.siteAt(hoverOn('factory-points', f.ids.indexOf(String(ruralFactory?.id))))!,
			'en'
		);
		const r = Object.fromEntries(rural.lines.map((l) => [l.label, l.value]));
		expect(r.Serves).toBe(`rural concentration (${ruralVillage})`);
		expect(r['Distance to community']).toBeUndefined();
		expect(r['Counts as a community factory']).toBe('Yes');
	});
});
