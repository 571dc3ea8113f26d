/**
 * TownshipBars in real Chromium: bars tallest first with the townships' names as text, a click
 * selects one township, Shift-click adds one, a drag selects several, the keyboard selects too,
 * reset clears, and the texts speak Chinese or English.
 */
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import type { TownshipBarsData } from '$lib/state/township-bars-client';
import TownshipBars from './TownshipBars.svelte';

const CODES = ['610924100', '610924101', '610924102', '610924103'];
const NAMES = ['城关镇', '蒿坪镇', '<b>汉王镇</b>', '焕古镇'];
const INCOME = [1_200_000, 300_000, 2_500_000, null];

function sample(): TownshipBarsData {
	return {
		indicator: 'collective_income',
		year: 2023,
		kind: 'amount',
		stat: 'sum',
		codes: CODES,
		names: NAMES,
		values: INCOME,
		texts: CODES.map(() => null),
		units: [10, 8, 12, 0],
		inFilter: [true, true, true, false],
		category: null,
		kept: [10, 8, 12, 0],
		villages: [14, 11, 15, 9]
	};
}

/** The brush overlay and the middle of the bar of `code` (element coordinates). */
function geometry() {
	const overlay = document.querySelector<SVGRectElement>('[data-testid="township-brush"] .overlay');
	if (!overlay) throw new Error('no brush overlay');
	const o = overlay.getBoundingClientRect();
	const at = (code: string) => {
		const bar = document.querySelector(`[data-testid="township-bar"][data-code="${code}"]`);
		const r = (bar as Element).getBoundingClientRect();
		return { x: r.left - o.left + r.width / 2, y: o.height / 2 };
	};
	return { overlay, at };
}

const props = (over: Record<string, unknown> = {}) => ({
	data: sample(),
	lang: 'zh' as const,
	title: '村集体经济收入 合计',
	onSelectTownships: vi.fn(),
	...over
});

describe('TownshipBars', () => {
	it('draws the tallest first, names as plain text, and the kept villages', async () => {
		await render(TownshipBars, { props: props() });
		const order = [...document.querySelectorAll('[data-testid="township-bar"]')].map((b) =>
			b.getAttribute('data-code')
		);
		expect(order).toEqual(['610924102', '610924100', '610924101', '610924103']);
		// A name with markup in it is shown as the text it is, never as markup.
		await expect.element(page.getByText('<b>汉王镇</b>')).toBeVisible();
		expect(document.querySelector('[data-testid="township-bars"] b')).toBeNull();
		await expect.element(page.getByTestId('township-count')).toHaveTextContent('30 个村');
		await expect.element(page.getByText('各乡镇')).toBeVisible();
		// The value axis in 万 (sums up to 250万 yuan).
		await expect.element(page.getByText('200万', { exact: true })).toBeVisible();
	});

	it('a click selects one township; Shift-click adds another; clicking the one selected clears', async () => {
		const p = props();
		const { rerender } = await render(TownshipBars, { props: p });
		const { overlay, at } = geometry();
		await userEvent.click(overlay, { position: at('610924101') });
		expect(p.onSelectTownships).toHaveBeenLastCalledWith(['610924101']);
		await rerender({ selected: ['610924101'] });
		await userEvent.click(overlay, { position: at('610924100'), modifiers: ['Shift'] });
		expect(p.onSelectTownships).toHaveBeenLastCalledWith(['610924101', '610924100']);
		await userEvent.click(overlay, { position: at('610924101') });
		expect(p.onSelectTownships).toHaveBeenLastCalledWith([]);
	});

	it('a drag across bars selects those townships', async () => {
		const p = props();
		await render(TownshipBars, { props: p });
		const { overlay, at } = geometry();
		const from = at('610924102');
		const to = at('610924101');
		await userEvent.dragAndDrop(overlay, overlay, {
			sourcePosition: { x: from.x - 5, y: from.y },
			targetPosition: { x: to.x + 5, y: to.y }
		});
		expect(p.onSelectTownships).toHaveBeenLastCalledWith(['610924102', '610924100', '610924101']);
	});

	it('Enter on a focused bar selects it; selected bars are pressed; reset clears', async () => {
		const p = props({ selected: ['610924100'], lang: 'en', title: 'Collective income, total' });
		await render(TownshipBars, { props: p });
		await expect.element(page.getByText('By township')).toBeVisible();
		const key = page.getByRole('button', { name: /^焕古镇/ });
		await expect.element(key).toHaveAttribute('aria-pressed', 'false');
		await expect
			.element(page.getByRole('button', { name: /^城关镇/ }))
			.toHaveAttribute('aria-pressed', 'true');
		(key.element() as SVGElement).focus();
		await userEvent.keyboard('{Enter}');
		expect(p.onSelectTownships).toHaveBeenLastCalledWith(['610924103']);
		await page.getByRole('button', { name: 'Reset' }).click();
		expect(p.onSelectTownships).toHaveBeenLastCalledWith([]);
		await expect.element(page.getByText('2M', { exact: true })).toBeVisible();
	});
});
