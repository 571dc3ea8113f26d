import { describe, expect, it } from 'vitest';
import { ChoroplethLayerModel, OUTLINE_MAX_UNITS } from './choropleth-layer-model.svelte';
import { NO_DATA_COLOR } from '$lib/analysis/palettes';
import type { Polygons } from '$lib/geo/types';
import { encodeWkb } from '$lib/geo/wkb';
import { makeShapes } from '$lib/data/queries/shapes';

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
const shapes = makeShapes({
	codes: ['610924101200', '610924101215', '610924101216'],
	names: ['蒿坪村', '王家河村', '金石村'],
	wkb: [square(0), [...square(2), ...square(4)], square(6)].map(encodeWkb),
	labels: [
		[0.5, 0.5],
		[2.5, 0.5],
		[6.5, 0.5]
	] as [number, number][]
});
const RED = [213, 94, 0, 255];
const BLUE = [86, 180, 233, 255];

function fillColors(m: ChoroplethLayerModel): Uint8Array {
	const [fill] = m.layers();
	return (fill?.props.data as { attributes: { getFillColor: { value: Uint8Array } } }).attributes
		.getFillColor.value;
}

describe('ChoroplethLayerModel', () => {
	it('colours every vertex of a unit with its colour, matched by code in any order', () => {
		const m = new ChoroplethLayerModel();
		m.setUnits('610924/village', shapes);
		// Rows in another order than the shapes; the third unit is missing: no data.
		m.setColors(['610924101215', '610924101200'], Uint8Array.from([...BLUE, ...RED]), 'a');
		const colors = fillColors(m);
		expect(Array.from(colors.subarray(0, 4))).toEqual(RED);
		// Vertex 5 is the first of 王家河村's first part; the last part's vertices too.
		expect(Array.from(colors.subarray(5 * 4, 5 * 4 + 4))).toEqual(BLUE);
		expect(Array.from(colors.subarray(14 * 4, 14 * 4 + 4))).toEqual(BLUE);
		expect(Array.from(colors.subarray(-4))).toEqual([...NO_DATA_COLOR]);
	});

	it('draws nothing before colours, then a fill and an outline with stable ids', () => {
		const m = new ChoroplethLayerModel();
		expect(m.layers()).toEqual([]);
		m.setUnits('610924/village', shapes);
		expect(m.layers()).toEqual([]);
		m.setColors(shapes.codes, new Uint8Array(12), 'a');
		expect(m.layers().map((l) => l.id)).toEqual(['choropleth-fill', 'unit-outline']);
	});

	it('outlines the selected unit with a highlight layer, every part of it', () => {
		const m = new ChoroplethLayerModel();
		m.setUnits('610924/village', shapes);
		m.setColors(shapes.codes, new Uint8Array(12), 'a');
		m.select('610924101215');
		const hl = m.layers().find((l) => l.id === 'highlight');
		expect((hl?.props.data as unknown[]).length).toBe(2);
		m.select(null);
		expect(m.layers().map((l) => l.id)).not.toContain('highlight');
	});

	it('names the unit under the pointer, from any part of a multipolygon', () => {
		const m = new ChoroplethLayerModel();
		m.setUnits('610924/village', shapes);
		m.setColors(shapes.codes, new Uint8Array(12), 'a');
		m.hoverAt({ layerId: 'choropleth-fill', index: 2, x: 10, y: 20 });
		expect(m.hover).toMatchObject({ code: '610924101215', name: '王家河村', index: 1 });
		m.hoverAt({ layerId: 'unit-outline', index: 0, x: 0, y: 0 });
		expect(m.hover).toBeNull();
	});

	it('keeps the buffers of a level it has seen, and starts uncoloured on a switch', () => {
		const m = new ChoroplethLayerModel();
		m.setUnits('a/village', shapes);
		m.setColors(shapes.codes, new Uint8Array(12), 'a');
		m.setUnits('a/township', { ...shapes, codes: shapes.codes.slice(0, 1) });
		expect(m.count).toBe(1);
		expect(m.layers()).toEqual([]);
		m.setUnits('a/village', shapes);
		expect(m.count).toBe(3);
	});

	it('draws borders up to a province’s size of units, and only the fill past OUTLINE_MAX_UNITS', () => {
		const few = new ChoroplethLayerModel();
		few.setUnits('a/village', shapes);
		few.setColors(shapes.codes, new Uint8Array(12), 'a');
		expect(few.layers().map((l) => l.id)).toEqual(['choropleth-fill', 'unit-outline']);
		const n = OUTLINE_MAX_UNITS + 1;
		const one = encodeWkb(square(0));
		const many = makeShapes({
			codes: Array.from({ length: n }, (_, i) => String(i).padStart(12, '0')),
			names: new Array(n).fill('村'),
			wkb: new Array(n).fill(one),
			labels: new Array(n).fill([0.5, 0.5])
		});
		const nation = new ChoroplethLayerModel();
		nation.setUnits('100000/village', many);
		nation.setColors(many.codes, new Uint8Array(n * 4), 'a');
		expect(nation.layers().map((l) => l.id)).toEqual(['choropleth-fill']);
	});
});
