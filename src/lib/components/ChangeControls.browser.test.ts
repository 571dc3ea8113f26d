/**
 * ChangeControls in real Chromium: the two years it shows, and what a person's choices hand on.
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import ChangeControls from './ChangeControls.svelte';

const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

describe('ChangeControls', () => {
	it('shows both years, and hands on a new year, a swap and close', async () => {
		const calls: unknown[] = [];
		await render(ChangeControls, {
			props: {
				lang: 'zh',
				years: YEARS,
				yearA: 2016,
				yearB: 2023,
				onChange: (a, b) => calls.push([a, b]),
				onClose: () => calls.push('close')
			}
		});
		await expect.element(page.getByTestId('change-year-a')).toHaveValue('2016');
		await expect.element(page.getByTestId('change-year-b')).toHaveValue('2023');
		await userEvent.selectOptions(page.getByTestId('change-year-b'), '2020');
		await page.getByRole('button', { name: '交换年份' }).click();
		await page.getByRole('button', { name: '关闭对比' }).click();
		expect(calls).toEqual([[2016, 2020], [2023, 2016], 'close']);
	});

	it('speaks English', async () => {
		await render(ChangeControls, {
			props: {
				lang: 'en',
				years: YEARS,
				yearA: 2014,
				yearB: 2023,
				onChange: () => {},
				onClose: () => {}
			}
		});
		await expect.element(page.getByText('Change between years')).toBeVisible();
		await expect.element(page.getByRole('button', { name: 'Close comparison' })).toBeVisible();
		await expect.element(page.getByText('Both years use the same classes')).toBeVisible();
	});
});
