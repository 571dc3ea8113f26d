/**
 * The layer panel in real Chromium: rows from a real LayerStack; toggling, moving (by mouse and
 * by keyboard) and fading call the callbacks with the layer's key, in Chinese and in English.
 */
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import LayerPanel from './LayerPanel.svelte';
import { LayerStack } from '$lib/state/layer-stack.svelte';
import { message, type Lang, type MessageKey } from '$lib/state/messages';

function setup(lang: Lang) {
	const onToggle = vi.fn();
	const onMove = vi.fn();
	const onOpacity = vi.fn();
	const t = (key: MessageKey) => message(lang, key);
	render(LayerPanel, { props: { t, layers: new LayerStack().rows, onToggle, onMove, onOpacity } });
	return { onToggle, onMove, onOpacity };
}

describe('LayerPanel', () => {
	it('lists every layer top first, relocation layers off by default (zh)', async () => {
		setup('zh');
		await expect.element(page.getByRole('heading', { name: '图层' })).toBeVisible();
		const names = page
			.getByRole('checkbox')
			.elements()
			.map((e) => e.closest('label')?.textContent?.trim());
		expect(names).toEqual([
			'乡镇名称',
			'乡镇界与县界',
			'选中的单位',
			'缺少达标工厂的社区',
			'社区工厂',
			'安置社区',
			'专题图'
		]);
		await expect.element(page.getByRole('checkbox', { name: '专题图' })).toBeChecked();
		await expect.element(page.getByRole('checkbox', { name: '安置社区' })).not.toBeChecked();
	});

	it('toggling a layer calls onToggle with its key and the new state', async () => {
		const { onToggle } = setup('zh');
		await page.getByRole('checkbox', { name: '安置社区' }).click();
		expect(onToggle).toHaveBeenCalledWith('resettlement', true);
		await page.getByRole('checkbox', { name: '乡镇名称' }).click();
		expect(onToggle).toHaveBeenLastCalledWith('labels', false);
	});

	it('moves a layer up or down by click and by keyboard; frame layers and the ends cannot move', async () => {
		const { onMove } = setup('zh');
		await page.getByRole('button', { name: '上移“社区工厂”' }).click();
		expect(onMove).toHaveBeenCalledWith('factories', -1);
		await expect.element(page.getByRole('button', { name: '上移“乡镇名称”' })).toBeDisabled();
		await expect.element(page.getByRole('button', { name: '下移“乡镇界与县界”' })).toBeDisabled();
		await expect.element(page.getByRole('button', { name: '上移“选中的单位”' })).toBeDisabled();
		await expect.element(page.getByRole('button', { name: '下移“专题图”' })).toBeDisabled();
		(page.getByRole('button', { name: '下移“安置社区”' }).element() as HTMLElement).focus();
		await userEvent.keyboard('{Enter}');
		expect(onMove).toHaveBeenLastCalledWith('resettlement', 1);
		expect(page.getByText('边界和名称始终画在数据之上').elements()).toHaveLength(1);
	});

	it('the opacity slider reports 0–1, by arrow keys too', async () => {
		const { onOpacity } = setup('zh');
		const slider = page.getByRole('slider', { name: '“专题图”的不透明度' });
		await expect.element(slider).toHaveValue('100');
		(slider.element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowLeft}');
		expect(onOpacity).toHaveBeenLastCalledWith('choropleth', 0.95);
	});

	it('speaks English when asked', async () => {
		const { onToggle, onMove } = setup('en');
		await expect.element(page.getByRole('heading', { name: 'Layers' })).toBeVisible();
		await page.getByRole('checkbox', { name: 'Community factories' }).click();
		expect(onToggle).toHaveBeenCalledWith('factories', true);
		await page.getByRole('button', { name: 'Move “Resettlement communities” up' }).click();
		expect(onMove).toHaveBeenCalledWith('resettlement', -1);
		await expect
			.element(page.getByRole('slider', { name: 'Opacity of “Township and county borders”' }))
			.toBeVisible();
	});
});
