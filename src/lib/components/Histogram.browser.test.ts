/**
 * Histogram in real Chromium: a mouse drag across the bars asks for the range snapped to bin
 * edges, a click picks one bin, the keyboard picks too, reset clears, a given selection is
 * marked, and the labels speak Chinese (万) or English (k).
 */
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { buildLegend } from '$lib/analysis/legend';
import type { HistogramData } from '$lib/state/histogram-client';
import Histogram from './Histogram.svelte';

// Collective income in the six policy bands: 空壳村, <3万, 3–5万, 5–10万, 10–50万, ≥50万.
const EDGES: [number | null, number | null][] = [
	[null, Number.MIN_VALUE],
	[Number.MIN_VALUE, 30_000],
	[30_000, 50_000],
	[50_000, 100_000],
	[100_000, 500_000],
	[500_000, null]
];
const TOTALS = [12, 40, 55, 60, 30, 10];
const KEPT = [4, 20, 30, 25, 10, 2];

function sample(): HistogramData {
	return {
		indicator: 'collective_income',
		year: 2023,
		kind: 'amount',
		mode: 'numeric',
		legendBins: true,
		bins: EDGES.map(([lo, hi], i) => ({
			key: `${lo}..${hi}`,
			lo,
			hi,
			category: null,
			label: null,
			n: KEPT[i]!,
			total: TOTALS[i]!
		})),
		noData: { n: 1, total: 3 }
	};
}
const legend = buildLegend({
	method: 'policy',
	values: [0, 10_000, 40_000, 60_000, 200_000, 900_000]
}).legend;

/** The brush's overlay and the horizontal middle of bin `i` on it (element coordinates). */
function geometry() {
	const overlay = document.querySelector<SVGRectElement>(
		'[data-testid="histogram-brush"] .overlay'
	);
	if (!overlay) throw new Error('no brush overlay');
	const o = overlay.getBoundingClientRect();
	const bins = [...document.querySelectorAll<SVGRectElement>('[data-testid="histogram-bin"]')].map(
		(b) => b.getBoundingClientRect()
	);
	const at = (i: number, f = 0.5) => ({
		x: bins[i]!.left - o.left + bins[i]!.width * f,
		y: o.height / 2
	});
	return { overlay, at };
}

const props = (over: Record<string, unknown> = {}) => ({
	data: sample(),
	lang: 'zh' as const,
	title: '村集体经济收入',
	legend,
	onBrush: vi.fn(),
	...over
});

describe('Histogram', () => {
	it('a mouse drag from inside one band to inside another asks for both bands’ range', async () => {
		const p = props();
		await render(Histogram, { props: p });
		const { overlay, at } = geometry();
		await userEvent.dragAndDrop(overlay, overlay, {
			sourcePosition: at(2, 0.7),
			targetPosition: at(3, 0.6)
		});
		expect(p.onBrush).toHaveBeenLastCalledWith([30_000, 100_000]);
	});

	it('a drag that reaches the last band leaves the range open above', async () => {
		const p = props();
		await render(Histogram, { props: p });
		const { overlay, at } = geometry();
		await userEvent.dragAndDrop(overlay, overlay, {
			sourcePosition: at(4, 0.5),
			targetPosition: at(5, 0.9)
		});
		expect(p.onBrush).toHaveBeenLastCalledWith([100_000, null]);
	});

	it('a click on a band picks that band alone; Enter on a focused band does too', async () => {
		const p = props();
		await render(Histogram, { props: p });
		const { overlay, at } = geometry();
		await userEvent.click(overlay, { position: at(4) });
		expect(p.onBrush).toHaveBeenLastCalledWith([100_000, 500_000]);
		const bin = document.querySelectorAll<SVGRectElement>('[data-testid="histogram-bin"]')[1]!;
		bin.focus();
		await userEvent.keyboard('{Enter}');
		expect(p.onBrush).toHaveBeenLastCalledWith([Number.MIN_VALUE, 30_000]);
	});

	it('marks the selected range, counts it, and reset clears it', async () => {
		const p = props({ range: [30_000, 100_000] });
		await render(Histogram, { props: p });
		const pressed = [...document.querySelectorAll('[data-testid="histogram-bin"]')].map(
			(b) => b.getAttribute('aria-pressed') === 'true'
		);
		expect(pressed).toEqual([false, false, true, true, false, false]);
		// 30 + 25 villages picked, of the 91 + 1 (no data) the other filters keep.
		await expect.element(page.getByTestId('histogram-count')).toHaveTextContent('55 / 92 个村');
		const selection = document.querySelector('[data-testid="histogram-brush"] .selection');
		expect(Number(selection?.getAttribute('width'))).toBeGreaterThan(0);
		await page.getByRole('button', { name: '重置' }).click();
		expect(p.onBrush).toHaveBeenLastCalledWith(null);
	});

	it('writes band edges in 万 and its texts in Chinese', async () => {
		await render(Histogram, { props: props() });
		await expect.element(page.getByText('村级分布')).toBeVisible();
		await expect.element(page.getByText('3万', { exact: true })).toBeVisible();
		await expect.element(page.getByText('50万', { exact: true })).toBeVisible();
		await expect.element(page.getByRole('button', { name: '重置' })).toBeDisabled();
		await expect.element(page.getByText('无数据 1')).toBeVisible();
	});

	it('writes band edges in k and its texts in English', async () => {
		await render(Histogram, { props: props({ lang: 'en', title: 'Collective income' }) });
		await expect.element(page.getByText('Villages by value')).toBeVisible();
		await expect.element(page.getByText('30k', { exact: true })).toBeVisible();
		await expect.element(page.getByText('500k', { exact: true })).toBeVisible();
		await expect.element(page.getByRole('button', { name: 'Reset' })).toBeVisible();
	});

	it('categories: a click picks one, Shift-click adds another, each named from the legend', async () => {
		const cats = ['标准', '软弱涣散'];
		const data: HistogramData = {
			...sample(),
			indicator: 'branch_status',
			kind: 'category',
			mode: 'categorical',
			bins: cats.map((c, i) => ({
				key: c,
				lo: null,
				hi: null,
				category: c,
				label: { zh: c, en: i ? 'Weak and lax' : 'Standard' },
				n: 10 + i,
				total: 20 + i
			}))
		};
		const onPickCategories = vi.fn();
		const p = props({ data, lang: 'en', legend: null, onPickCategories });
		await render(Histogram, { props: p });
		await expect.element(page.getByText('Weak and lax')).toBeVisible();
		const { overlay, at } = geometry();
		await userEvent.click(overlay, { position: at(1) });
		expect(onPickCategories).toHaveBeenLastCalledWith(['软弱涣散']);
		expect(p.onBrush).not.toHaveBeenCalled();
	});
});
