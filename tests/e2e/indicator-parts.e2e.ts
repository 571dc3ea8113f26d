/**
 * Indicators loaded by view, in the browser: 紫阳县 served split into parts as the national
 * build writes them (the test answers the region's requests from a split copy). The map opens
 * from the start part alone; a theme or a year asks for exactly the part it reads, and the map
 * and legend then show the files' values; a part that cannot be fetched says so and keeps the
 * last map, without an error screen.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { splitIndicatorParts } from '../../scripts/data/indicator-parts';
import { openSession, waitForReady, type Session } from './browser';
import { villages, villageValues } from './dataset';
import { countColors, parseRgb } from './pixels';

const baseUrl = inject('baseUrl');
let s: Session;
let dir: string;
/** Part files the page asked for (under `indicators/`), in order. */
const asked: string[] = [];
const BROKEN = 'indicators/branch_status.2023.arrow';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'va-parts-e2e-'));
	cpSync('static/data/610924', dir, { recursive: true });
	splitIndicatorParts(dir, ['poor_village', 'exit_year'], 2023);
	s = await openSession(baseUrl);
	await s.page.route('**/data/610924/**', async (route) => {
		const file = new URL(route.request().url()).pathname.split('/data/610924/')[1] ?? '';
		if (file.startsWith('indicators/')) asked.push(file);
		if (file === BROKEN) return route.fulfill({ status: 404, body: 'not found' });
		try {
			return await route.fulfill({ body: readFileSync(join(dir, file)) });
		} catch {
			return route.fulfill({ status: 404, body: 'not found' });
		}
	});
	await s.page.goto(`${baseUrl}/?bench=1`);
	await waitForReady(s.page);
}, 120_000);
afterAll(async () => {
	await s?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const legendTitle = (t: string) =>
	s.page.waitForFunction((l) => document.querySelector('.legend h2')?.textContent === l, t);

async function legend(): Promise<{ label: string; count: number; color: string }[]> {
	return s.page.$$eval('[data-class]', (lis) =>
		lis.map((li) => ({
			label: li.querySelector('.label')?.textContent ?? '',
			count: Number(li.querySelector('[data-testid="legend-count"]')?.textContent),
			color: getComputedStyle(li.querySelector('.swatch') as Element).backgroundColor
		}))
	);
}

async function settled() {
	await s.page.evaluate(() =>
		(window as unknown as { __bench: { settle(): Promise<void> } }).__bench.settle()
	);
}

/** Villages (and communities) without a value of `key` in `year`, by the files. */
function withoutData(key: string, year: number): number {
	const values = villageValues(key, year);
	return [...villages().keys()].filter((c) => values.get(c)?.value == null).length;
}

describe('a dataset in parts', () => {
	it('opens on the start part alone', async () => {
		await legendTitle('脱贫退出状态');
		expect(asked).toEqual([]);
		const items = await legend();
		expect(items.reduce((n, i) => n + i.count, 0)).toBe(villages().size);
	});

	it('loads the one part a theme reads, and colours the map from it', async () => {
		await s.page.getByRole('button', { name: '集体经济', exact: true }).click();
		await legendTitle('集体经济收入');
		await settled();
		expect(asked).toEqual(['indicators/collective_income.2023.arrow']);
		const items = await legend();
		const noData = items.find((i) => i.label === '无数据')?.count ?? 0;
		expect(noData).toBe(withoutData('collective_income', 2023));
		const shot = await s.page.getByTestId('map').screenshot();
		const shown = items.filter((i) => i.count > 20 && i.label !== '无数据');
		const pixels = countColors(
			shot,
			shown.map((i) => parseRgb(i.color)),
			3
		);
		expect(
			pixels.every((n) => n > 200),
			JSON.stringify(pixels)
		).toBe(true);
	});

	it("loads another year's part when the year changes", async () => {
		await s.page.getByRole('slider', { name: '年份' }).fill('2016');
		await s.page.waitForFunction(() => location.search.includes('year=2016'));
		await settled();
		expect(asked.slice(1)).toEqual(['indicators/collective_income.2016.arrow']);
		const noData = (await legend()).find((i) => i.label === '无数据')?.count ?? 0;
		expect(noData).toBe(withoutData('collective_income', 2016));
	});

	it('says so when a part cannot be fetched, and keeps the last map', async () => {
		await s.page.getByRole('slider', { name: '年份' }).fill('2023');
		await s.page.waitForFunction(
			() => location.search.includes('year=2023') || !location.search.includes('year=')
		);
		await settled();
		await s.page.getByRole('button', { name: '党组织覆盖', exact: true }).click();
		await s.page.getByRole('alert').filter({ hasText: '无法载入该指标的数据' }).waitFor();
		expect(await s.page.getByRole('alert').textContent()).toContain(BROKEN);
		expect(await s.page.locator('.legend h2').textContent()).toBe('集体经济收入');
		expect(await s.page.getByText('出错了').count()).toBe(0);
		expect(s.outside).toEqual([]);
	});
});
