/**
 * The component path in real Chromium (vitest-browser-svelte): Legend renders what it is given.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import Legend from './Legend.svelte';

describe('Legend', () => {
	it('shows the title, each class with its count, and the total', async () => {
		await render(Legend, {
			props: {
				title: '脱贫状态',
				totalLabel: '合计',
				unit: '个村',
				items: [
					{ key: 'poor', label: '贫困村', color: '#d55e00', count: 12 },
					{ key: 'exited', label: '已出列', color: '#009e73', count: 30 }
				]
			}
		});
		await expect.element(page.getByRole('heading', { name: '脱贫状态' })).toBeVisible();
		await expect.element(page.getByText('贫困村')).toBeVisible();
		await expect.element(page.getByText('已出列')).toBeVisible();
		await expect.element(page.getByTestId('legend-total')).toHaveTextContent('42');
		await expect.element(page.getByText('个村')).toBeVisible();
	});
});
