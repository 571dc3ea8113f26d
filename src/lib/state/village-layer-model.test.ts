import { describe, expect, it } from 'vitest';
import { VillageLayerModel } from './village-layer-model.svelte';
import { POVERTY_STATUS_CLASSES } from '$lib/analysis/poverty-status';
import type { Polygons } from '$lib/geo/types';

const square = (x: number): Polygons => [
	[
		[
			[x, 0],
			[x + 1, 0],
			[x + 1, 1],
			[x, 1],
			[x, 0]
		]
	]
];
const shapes = {
	codes: ['610924101200', '610924101215'],
	names: ['蒿坪村', '王家河村'],
	polygons: [square(0), [...square(2), ...square(4)]],
	labels: [
		[0.5, 0.5],
		[2.5, 0.5]
	] as [number, number][]
};
// Status rows come back ordered by code, which need not match the shapes' order.
const rows = {
	codes: ['610924101215', '610924101200'],
	names: ['王家河村', '蒿坪村'],
	townships: ['蒿坪镇', '蒿坪镇'],
	statuses: ['exited_this_year', 'never'],
	exitYears: [2018, null]
};

describe('VillageLayerModel', () => {
	it('colours every vertex of a village with its status class, matched by code', () => {
		const m = new VillageLayerModel();
		m.setShapes(shapes);
		m.setStatus(rows, 2018);
		const [fill] = m.layers();
		const colors = (fill?.props.data as { attributes: { getFillColor: { value: Uint8Array } } })
			.attributes.getFillColor.value;
		const never = POVERTY_STATUS_CLASSES.find((c) => c.key === 'never')!.color;
		const thisYear = POVERTY_STATUS_CLASSES.find((c) => c.key === 'exited_this_year')!.color;
		expect(Array.from(colors.subarray(0, 4))).toEqual([...never]);
		expect(Array.from(colors.subarray(5 * 4, 5 * 4 + 4))).toEqual([...thisYear]);
		expect(Array.from(colors.subarray(-4))).toEqual([...thisYear]);
	});

	it('draws a fill and an outline layer with stable ids', () => {
		const m = new VillageLayerModel();
		expect(m.layers()).toEqual([]);
		m.setShapes(shapes);
		m.setStatus(rows, 2018);
		expect(m.layers().map((l) => l.id)).toEqual(['village-fill', 'village-outline']);
	});

	it('names the village under the pointer, from any part of a multipolygon', () => {
		const m = new VillageLayerModel();
		m.setShapes(shapes);
		m.setStatus(rows, 2018);
		m.hoverAt({ layerId: 'village-fill', index: 2, x: 10, y: 20 });
		expect(m.hover).toMatchObject({
			name: '王家河村',
			township: '蒿坪镇',
			exitYear: 2018,
			statusClass: 1
		});
		m.hoverAt(null);
		expect(m.hover).toBeNull();
	});
});
