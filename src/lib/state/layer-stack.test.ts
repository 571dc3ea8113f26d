/**
 * The layer list's rules: draw order (bottom first), hidden layers left out, opacity applied by
 * cloning with the same id, frame layers pinned on top, theme defaults that yield to the user.
 */
import { describe, expect, it } from 'vitest';
import { highlightLayer } from '$lib/map/layers/highlight';
import { choroplethParts, LayerStack, type LayersByKey } from './layer-stack.svelte';

// Any deck.gl layer will do (state/ may not import deck.gl): one kind under several ids.
const base = highlightLayer([], { color: [0, 0, 0, 255], widthPx: 1 });
const layer = (id: string) => base.clone({ id });
const byKey: LayersByKey = {
	choropleth: [layer('choropleth-fill'), layer('unit-outline')],
	resettlement: [layer('resettlement-points')],
	factories: [layer('factory-points')],
	gaps: [layer('gap-highlight')],
	highlight: [layer('highlight')]
};
const ids = (s: LayerStack) => s.compose(byKey).map((l) => l.id);

describe('LayerStack', () => {
	it('draws the choropleth at the bottom and the selection on top; relocation layers start hidden', () => {
		const s = new LayerStack();
		expect(ids(s)).toEqual(['choropleth-fill', 'unit-outline', 'highlight']);
		s.applyTheme('relocation');
		expect(ids(s)).toEqual([
			'choropleth-fill',
			'unit-outline',
			'resettlement-points',
			'factory-points',
			'gap-highlight',
			'highlight'
		]);
	});

	it('lists the frame layers first in the panel and keeps them pinned there', () => {
		const s = new LayerStack();
		expect(s.rows.map((r) => r.key)).toEqual([
			'labels',
			'outlines',
			'highlight',
			'gaps',
			'factories',
			'resettlement',
			'choropleth'
		]);
		const row = (k: string) => s.rows.find((r) => r.key === k);
		expect(row('labels')).toMatchObject({ frame: true, canUp: false, canDown: false });
		expect(row('highlight')).toMatchObject({ frame: false, canUp: false, canDown: true });
		expect(row('choropleth')).toMatchObject({ canUp: true, canDown: false });
		expect(s.move('highlight', -1)).toBe(false);
		expect(s.move('outlines', 1)).toBe(false);
	});

	it('moving a layer up draws it over the one it passed', () => {
		const s = new LayerStack();
		s.applyTheme('relocation');
		expect(s.move('resettlement', -1)).toBe(true); // communities over factories now
		const order = ids(s);
		expect(order.indexOf('resettlement-points')).toBeGreaterThan(order.indexOf('factory-points'));
		expect(s.move('choropleth', 1)).toBe(false); // already at the bottom
	});

	it('leaves hidden layers out and fades a layer by cloning it under the same id', () => {
		const s = new LayerStack();
		s.setVisible('highlight', false);
		s.setOpacity('choropleth', 0.4);
		const out = s.compose(byKey);
		expect(out.map((l) => l.id)).toEqual(['choropleth-fill', 'unit-outline']);
		expect(out.map((l) => l.props.opacity)).toEqual([0.4, 0.4]);
		expect(out[0]).not.toBe(byKey.choropleth?.[0]);
		expect(out[0]?.props.data).toBe(byKey.choropleth?.[0]?.props.data); // no re-upload
		s.setOpacity('choropleth', 1);
		expect(s.compose(byKey)[0]).toBe(byKey.choropleth?.[0]);
		s.setOpacity('choropleth', 7);
		expect(s.entry('choropleth').opacity).toBe(1);
	});

	it('shows the relocation layers only on the relocation theme, until the user toggles one', () => {
		const s = new LayerStack();
		s.applyTheme('relocation');
		s.setVisible('factories', false);
		s.applyTheme('poverty');
		s.setVisible('resettlement', true);
		s.applyTheme('relocation');
		s.applyTheme('collective');
		const visible = (k: 'resettlement' | 'factories' | 'gaps') => s.entry(k).visible;
		expect([visible('resettlement'), visible('factories'), visible('gaps')]).toEqual([
			true,
			false,
			false
		]);
	});

	it('says what maplibre’s frame layers should show', () => {
		const s = new LayerStack();
		s.setVisible('labels', false);
		s.setOpacity('outlines', 0.5);
		expect(s.frameSettings()).toEqual([
			{ id: 'township-label', visible: false, opacity: 1 },
			{ id: 'township-line', visible: true, opacity: 0.5 },
			{ id: 'county-line', visible: true, opacity: 0.5 }
		]);
		expect(s.compose(byKey).some((l) => l.id.includes('label'))).toBe(false);
	});

	it('files the choropleth model’s selection outline under “highlight”, the rest under “choropleth”', () => {
		const parts = choroplethParts([
			layer('choropleth-fill'),
			layer('unit-outline'),
			layer('highlight')
		]);
		expect(parts.choropleth?.map((l) => l.id)).toEqual(['choropleth-fill', 'unit-outline']);
		expect(parts.highlight?.map((l) => l.id)).toEqual(['highlight']);
	});
});
