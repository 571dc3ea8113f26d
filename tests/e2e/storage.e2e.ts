/**
 * Nothing saved is lost when the browser's storage misbehaves: with localStorage full, saving a
 * view or a query says so plainly and what was saved before is still there after a reload; a
 * reload in the middle of applying an import leaves either the import whole or no trace of it —
 * the list of kept imports and the map agree.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1366, height: 900 });
});
afterAll(async () => {
	await s?.close();
});

const page = () => s.page;

/** Fill localStorage to the last byte; returns how many keys were written (to clean up). */
function fillStorage(): Promise<number> {
	return page().evaluate(() => {
		let i = 0;
		// Big pieces first, then ever smaller ones, until not even one character fits.
		for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
			const chunk = 'x'.repeat(size);
			try {
				for (;;) localStorage.setItem(`fill-${i++}`, chunk);
			} catch {
				i--; // that one was refused
			}
		}
		return i;
	});
}

function emptyFill(n: number): Promise<void> {
	return page().evaluate((k) => {
		for (let i = 0; i < k; i++) localStorage.removeItem(`fill-${i}`);
	}, n);
}

describe('a full storage quota', () => {
	it('saving a view says it was not saved, and the earlier view stays', async () => {
		await page().goto(`${baseUrl}/?year=2018`);
		await page().waitForSelector('[data-testid="legend-count"]', { timeout: 90_000 });
		await page().getByTestId('save-view').click();
		await page().getByTestId('save-view-title').fill('先存的视图');
		await page().getByTestId('save-view-ok').click();
		await expect(page().getByTestId('save-view-message').textContent()).resolves.toContain(
			'共 1 个视图'
		);
		const filled = await fillStorage();
		await page().getByTestId('save-view').click();
		await page().getByTestId('save-view-title').fill('存不下的视图');
		await page().getByTestId('save-view-ok').click();
		await expect(page().getByTestId('save-view-message').textContent()).resolves.toContain(
			'存储已满'
		);
		await page().goto(`${baseUrl}/briefing`);
		await page().getByTestId('saved-view').first().waitFor({ timeout: 60_000 });
		expect(await page().getByTestId('saved-view').allTextContents()).toEqual([
			expect.stringContaining('先存的视图')
		]);
		await emptyFill(filled);
	});

	it('saving a query says it was not saved', async () => {
		await page().goto(`${baseUrl}/console`);
		await page().getByTestId('console').waitFor({ timeout: 60_000 });
		const filled = await fillStorage();
		await page().getByTestId('save-query').click();
		await expect
			.poll(() => page().locator('main .notice').textContent(), { timeout: 10_000 })
			.toContain('存储已满');
		await emptyFill(filled);
	});
});

describe('a full storage quota on the planner', () => {
	it('changing a rule says the settings were not kept, and the URL still has them', async () => {
		await page().goto(`${baseUrl}/planner`);
		await page().getByTestId('planner').waitFor({ timeout: 60_000 });
		const filled = await fillStorage();
		await page().locator('[data-testid="planner"] input[type="checkbox"]').first().click();
		await expect
			.poll(() => page().locator('.not-kept').textContent(), { timeout: 10_000 })
			.toContain('未能保存');
		expect(new URL(page().url()).searchParams.get('rules')).not.toBeNull();
		await emptyFill(filled);
	});
});

describe('a reload in the middle of an import', () => {
	it('leaves the import whole or not at all', async () => {
		await page().goto(`${baseUrl}/import`);
		await page().getByTestId('import-drop').waitFor({ timeout: 60_000 });
		await page()
			.getByTestId('import-file')
			.setInputFiles('tests/fixtures/import/merged-title.xlsx');
		await page().getByTestId('import-review').waitFor({ timeout: 60_000 });
		await page().getByTestId('import-apply').click();
		await page().reload();
		await page().getByTestId('import-drop').waitFor({ timeout: 90_000 });
		await page().getByTestId('kept-imports').waitFor();
		await expect.poll(() => page().getByTestId('import-usage').count()).toBe(1);
		const kept = await page().getByTestId('kept-import').count();
		expect(kept).toBeLessThanOrEqual(1);
		// The map agrees with the list: 蒿坪镇王家河村's 2020 income is the file's 12.6万 only if kept.
		await page().goto(`${baseUrl}/?indicator=collective_income&year=2020&selected=610924101215`);
		const value = page().locator('[data-testid="profile"] li[data-key="collective_income"] .value');
		await value.waitFor({ timeout: 90_000 });
		const text = (await value.textContent()) ?? '';
		expect(text.includes('12.6')).toBe(kept === 1);
	});

	it('logged no error and made no request outside its origin', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
