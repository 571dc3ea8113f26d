/**
 * The briefing's big numbers as a leader sees them: the region's KPIs for the latest year, the
 * count of poor villages exited equal to what indicator.arrow says, another year on request, and
 * a card that opens its map.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import { readTable } from './dataset';

const baseUrl = inject('baseUrl');
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1366, height: 768 });
	await s.page.goto(`${baseUrl}/briefing`);
	await s.page.waitForSelector('[data-kpi="poor_villages_exited"]', { timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
});

/** Poor villages whose exit year is at or before `year`, from indicator.arrow. */
function exitedBy(year: number): number {
	const poor = new Set<string>();
	const exit = new Map<string, number>();
	for (const r of readTable('610924', 'indicator')) {
		if (r.key === 'poor_village' && r.year === year && r.value === 1) poor.add(String(r.code));
		if (r.key === 'exit_year' && r.year === year && r.value !== null)
			exit.set(String(r.code), Number(r.value));
	}
	return [...poor].filter((c) => (exit.get(c) ?? Infinity) <= year).length;
}

const value = (id: string) => s.page.getAttribute(`[data-kpi="${id}"]`, 'data-value');

describe('the briefing', () => {
	it('shows the latest year’s big numbers, as the data says', async () => {
		await expect(s.page.textContent('[data-testid="briefing-title"]')).resolves.toContain('2023');
		expect(await s.page.locator('[data-kpi]').count()).toBeGreaterThanOrEqual(12);
		expect(Number(await value('poor_villages_exited'))).toBe(exitedBy(2023));
	});

	it('shows another year when asked', async () => {
		await s.page.getByTestId('briefing-year').selectOption('2018');
		await s.page.waitForFunction(
			(n) =>
				document.querySelector('[data-kpi="poor_villages_exited"]')?.getAttribute('data-value') ===
				String(n),
			exitedBy(2018)
		);
		await expect(s.page.textContent('[data-testid="briefing-title"]')).resolves.toContain('2018');
	});

	it('opens the map of a card', async () => {
		await s.page.locator('[data-kpi="lax_branches"]').click();
		await s.page.waitForURL(/indicator=branch_status/);
		await s.page.waitForSelector('[data-testid="legend-count"]', { timeout: 60_000 });
		expect(new URL(s.page.url()).searchParams.get('year')).toBe('2018');
	});

	it('made no request outside its origin and logged no error', () => {
		expect(s.outside).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
