/**
 * The first frame drawn from 紫阳县's files: the default view at village level in the shipped
 * answer's colours, with the legend counts the engine gives — and nothing for a view the shipped
 * answer does not answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFirstView } from '$lib/data/first-view';
import { shapesFromFiles } from '$lib/data/file-shapes';
import { parseManifest, parseRegionIndex } from '$lib/data/manifest';
import { appCatalogue } from '$lib/state/first-view-query';
import { previewFrame } from '$lib/state/map-preview';
import type { Preview } from '$lib/state/session.svelte';

const dir = 'static/data/610924';
const manifest = parseManifest(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')));
const region = parseRegionIndex(JSON.parse(readFileSync('static/data/index.json', 'utf8'))).find(
	(r) => r.code === '610924'
)!;
const preview: Preview = {
	region,
	manifest,
	catalogue: appCatalogue(manifest.catalogue),
	...shapesFromFiles(readFileSync(`${dir}/region.arrow`), readFileSync(`${dir}/boundary.arrow`)),
	first: decodeFirstView(readFileSync(`${dir}/first-view.arrow`))
};

describe('previewFrame', () => {
	it('opens the default view on the villages, one colour per unit, counted as the legend counts', () => {
		const f = previewFrame(preview, {})!;
		expect(f.view).toMatchObject({ indicator: 'poverty_status', level: 'village', year: 2023 });
		expect(f.unitsKey).toBe('610924/village');
		expect(f.shapes.codes).toHaveLength(207);
		expect(f.result.colors).toHaveLength(207 * 4);
		const counts = Object.fromEntries(f.result.legend.classes.map((c) => [c.key, c.count]));
		expect(counts).toMatchObject({ poor: 0, exited_this_year: 0, exited: 105, never: 102 });
	});

	it('keeps a selected unit and a moved map, which ask the same question', () => {
		const f = previewFrame(preview, { selected: '610924100201', lang: 'en' });
		expect(f?.view.selected).toBe('610924100201');
	});

	it('gives nothing for another region, indicator, year, level or a filter', () => {
		for (const url of [
			{ region: '610925' },
			{ indicator: 'collective_income' },
			{ year: 2019 },
			{ level: 'township' as const },
			{ filters: [{ field: 'poverty_status', op: 'in' as const, values: ['exited'] }] }
		]) {
			expect(previewFrame(preview, url), JSON.stringify(url)).toBeNull();
		}
	});
});
