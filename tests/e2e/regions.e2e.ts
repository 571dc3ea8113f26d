/**
 * Regions: the picker lists every dataset the index names, and choosing one loads and frames
 * it; the URL names the region, so a link opens it directly.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openSession, waitForReady, type Session } from './browser';
import { villages } from './dataset';

const baseUrl = inject('baseUrl');
const index = JSON.parse(readFileSync('static/data/index.json', 'utf8')) as {
	regions: { code: string; name: string; default?: boolean }[];
};
const other = index.regions.find((r) => !r.default);

let s: Session | null = null;
afterEach(async () => {
	await s?.close();
	s = null;
});

async function total(page: Session['page']) {
	return Number(await page.textContent('[data-testid="legend-total"]'));
}

describe('regions', () => {
	it('ships more than one region, so the picker has a choice', () => {
		expect(other, 'a second region in static/data/index.json').toBeDefined();
	});

	it('lists every region of the index and switches to the one chosen', async () => {
		if (!other) return;
		s = await openSession(baseUrl);
		await s.page.goto(`${baseUrl}/?bench=1`);
		await waitForReady(s.page);
		const options = await s.page.$$eval('select[aria-label="区域"] option', (os) =>
			os.map((o) => o.textContent?.trim())
		);
		expect(options).toEqual(index.regions.map((r) => r.name));

		await s.page.selectOption('select[aria-label="区域"]', other.code);
		await s.page.waitForFunction(
			(name) => document.querySelector('[data-testid="map-title"]')?.textContent?.includes(name),
			other.name
		);
		await s.page.waitForFunction((code) => location.search.includes(`region=${code}`), other.code);
		await s.page.waitForFunction(
			(n) => document.querySelector('[data-testid="legend-total"]')?.textContent === String(n),
			villages(other.code).size
		);
		expect(await total(s.page)).toBe(villages(other.code).size);
		expect(s.errors).toEqual([]);
		expect(s.outside).toEqual([]);
	});

	it('opens the region named in the URL', async () => {
		if (!other) return;
		s = await openSession(baseUrl);
		await s.page.goto(`${baseUrl}/?bench=1&region=${other.code}&year=2017`);
		await waitForReady(s.page);
		await expect(s.page.textContent('[data-testid="map-title"]')).resolves.toContain(
			`${other.name}`
		);
		await expect(s.page.textContent('[data-testid="year"]')).resolves.toBe('2017');
		expect(await total(s.page)).toBe(villages(other.code).size);
	});
});
