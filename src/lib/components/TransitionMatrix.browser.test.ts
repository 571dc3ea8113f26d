/**
 * TransitionMatrix in real Chromium: it shows the counts of a matrix built by the app's own
 * functions, marks the diagonal and the picked cell, gives the codes of a clicked cell, and
 * speaks Chinese or English.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { buildSharedLegend } from '$lib/analysis/shared-legend';
import { transitionMatrix } from '$lib/analysis/transition';
import TransitionMatrix from './TransitionMatrix.svelte';

// Five villages' collective income in 2016 and 2023, in policy bands.
const CODES = ['610924100201', '610924100202', '610924100203', '610924100204', '610924100205'];
const Y2016 = [0, 0, 20_000, 40_000, null];
const Y2023 = [0, 35_000, 60_000, 40_000, 120_000];

function sample() {
	const s = buildSharedLegend(
		{ method: 'policy', values: [] },
		{ values: Y2016 },
		{ values: Y2023 }
	);
	const matrix = transitionMatrix({
		from: s.a.classOf,
		to: s.b.classOf,
		classes: s.legend.classes.length,
		ordered: true
	});
	return { legend: s.legend, matrix };
}

/** The button of cell (from, to), as a person finds it: row and column of the table. */
const cell = (from: number, to: number) =>
	document.querySelector<HTMLButtonElement>(
		`[data-testid="matrix-cell"][data-from="${from}"][data-to="${to}"]`
	)!;

describe('TransitionMatrix', () => {
	it('shows how many villages moved between bands, with totals, in Chinese', async () => {
		const { legend, matrix } = sample();
		await render(TransitionMatrix, {
			props: {
				lang: 'zh',
				legend,
				matrix,
				codes: CODES,
				yearA: 2016,
				yearB: 2023,
				onSelectCell: () => {}
			}
		});
		await expect.element(page.getByText('分级转移')).toBeVisible();
		await expect.element(page.getByTestId('matrix-years')).toHaveTextContent('2016年 → 2023年');
		// Band 0 is 空壳村, 1 不足3万, 2 3—5万, 3 5—10万, 4 10—50万; 6 is no data.
		expect(cell(0, 0).textContent).toBe('1');
		expect(cell(0, 2).textContent).toBe('1');
		expect(cell(1, 3).textContent).toBe('1');
		expect(cell(2, 2).textContent).toBe('1');
		expect(cell(6, 4).textContent).toBe('1');
		expect(cell(1, 1).textContent).toBe('0');
		expect(cell(1, 1).disabled).toBe(true);
		expect(cell(2, 2).closest('td')!.classList.contains('diagonal')).toBe(true);
		await expect.element(page.getByTestId('matrix-total')).toHaveTextContent('5');
		await expect.element(page.getByText('空壳村（0）').first()).toBeVisible();
		await expect.element(page.getByTestId('matrix-sums')).toHaveTextContent('分级不变 2');
		await expect.element(page.getByTestId('matrix-sums')).toHaveTextContent('升档 2');
		await expect.element(page.getByTestId('matrix-sums')).toHaveTextContent('任一年无数据 1');
	});

	it('hands the codes of a clicked cell to its owner and marks the picked cell', async () => {
		const { legend, matrix } = sample();
		const picks: [string[], unknown][] = [];
		await render(TransitionMatrix, {
			props: {
				lang: 'zh',
				legend,
				matrix,
				codes: CODES,
				yearA: 2016,
				yearB: 2023,
				selected: { from: 0, to: 2 },
				onSelectCell: (codes, c) => picks.push([codes, c])
			}
		});
		expect(cell(0, 2).getAttribute('aria-pressed')).toBe('true');
		expect(cell(0, 0).getAttribute('aria-pressed')).toBe('false');
		cell(1, 3).click();
		expect(picks).toEqual([[['610924100203'], { from: 1, to: 3 }]]);
	});

	it('speaks English and hides the no-data row when every village has data', async () => {
		const s = buildSharedLegend(
			{ method: 'policy', values: [] },
			{ values: [0, 40_000] },
			{ values: [35_000, 40_000] }
		);
		const matrix = transitionMatrix({
			from: s.a.classOf,
			to: s.b.classOf,
			classes: s.legend.classes.length,
			ordered: true
		});
		await render(TransitionMatrix, {
			props: {
				lang: 'en',
				legend: s.legend,
				matrix,
				codes: CODES.slice(0, 2),
				yearA: 2016,
				yearB: 2023,
				onSelectCell: () => {}
			}
		});
		await expect.element(page.getByText('Class transitions')).toBeVisible();
		await expect.element(page.getByTestId('matrix-years')).toHaveTextContent('2016 → 2023');
		await expect.element(page.getByText('Empty shell (0)').first()).toBeVisible();
		await expect.element(page.getByTestId('matrix-sums')).toHaveTextContent('Moved up 1');
		expect(document.querySelector('[data-testid="matrix-cell"][data-from="6"]')).toBeNull();
		expect(document.body.textContent).not.toContain('No data');
	});
});
