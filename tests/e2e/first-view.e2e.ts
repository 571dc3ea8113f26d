/**
 * The first map before the engine: with DuckDB's wasm held back (its request answered only when
 * the test says so), the map already shows 紫阳县's villages in their poverty-status colours —
 * from the region's files and the answer shipped with them — with the loading steps set aside
 * in a corner; once the engine is let through, the same map stays, now with its panels. A view
 * the shipped answer does not answer waits for the engine.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { POVERTY_STATUS_CLASSES } from '../../src/lib/analysis/poverty-status';
import { openSession, waitForReady, type Session } from './browser';
import { countColors, type Rgb } from './pixels';

const baseUrl = inject('baseUrl');
const STATUS: Rgb[] = POVERTY_STATUS_CLASSES.map((c) => c.color.slice(0, 3) as unknown as Rgb);
let s: Session | null = null;
afterEach(async () => {
	await s?.close();
	s = null;
});

/** Open `path` with the engine's wasm held; returns the function that lets it through. */
async function openHeld(path: string): Promise<{ page: Page; release: () => void }> {
	s = await openSession(baseUrl);
	let release = () => {};
	const gate = new Promise<void>((r) => (release = r));
	await s.page.route('**/*.wasm', async (route) => {
		await gate;
		await route.continue();
	});
	await s.page.goto(`${baseUrl}${path}`);
	return { page: s.page, release };
}

const mapShot = (page: Page) => page.getByTestId('map').screenshot();
const engineStep = (page: Page) =>
	page.evaluate(
		() => (window as unknown as { __bench?: { steps: Record<string, number> } }).__bench?.steps
	);

describe('the first view', () => {
	it('colours the villages before the engine has started, and the engine keeps that map', async () => {
		const { page, release } = await openHeld('/?bench=1');
		await page.locator('[data-testid="loading"].corner').waitFor({ timeout: 60_000 });
		// Let maplibre and deck.gl finish the frame they are drawing.
		await page.waitForFunction(
			() => (window as unknown as { __bench: { tFirstFrame: number | null } }).__bench.tFirstFrame
		);
		const before = countColors(await mapShot(page), STATUS, 2);
		const steps = await engineStep(page);
		expect(steps?.engine, 'the engine is still held').toBeUndefined();
		expect(steps?.preview).toBeGreaterThan(0);
		// Poor, exited and never-poor villages all show; the panels wait for the engine.
		expect(before[0], 'not yet exited').toBe(0); // 2023: every poor village has exited
		expect(before[2], 'exited earlier').toBeGreaterThan(2000);
		expect(before[3], 'never poor').toBeGreaterThan(2000);
		expect(await page.getByTestId('map-title').count()).toBe(0);

		release();
		await waitForReady(page);
		await expect
			.poll(async () => (await page.getByTestId('map-title').textContent()) ?? '')
			.toContain('紫阳县');
		const after = countColors(await mapShot(page), STATUS, 2);
		// The same map: each colour's pixels within a few percent (labels may have moved).
		after.forEach((n, i) => {
			expect(Math.abs(n - (before[i] as number)), STATUS[i]?.join()).toBeLessThanOrEqual(
				Math.max(200, (before[i] as number) * 0.05)
			);
		});
		expect(s?.errors).toEqual([]);
	});

	it('waits for the engine when the URL asks another view', async () => {
		const { page, release } = await openHeld('/?bench=1&indicator=collective_income&year=2019');
		await page.locator('[data-testid="loading"].center').waitFor({ timeout: 60_000 });
		// The files are read and the map is up: a preview, were there one, would be drawn now.
		await page.waitForFunction(
			() => {
				const steps = (window as unknown as { __bench?: { steps: Record<string, number> } }).__bench
					?.steps;
				return !!steps?.preview && !!steps?.mapLoaded;
			},
			undefined,
			{ timeout: 60_000 }
		);
		await page.evaluate(
			() =>
				new Promise((r) =>
					requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))
				)
		);
		expect((await engineStep(page))?.engine, 'the engine is still held').toBeUndefined();
		const held = countColors(await mapShot(page), STATUS, 2);
		// A stray pixel of a control may match; a drawn map would be thousands.
		expect(
			held[2]! + held[3]!,
			'no poverty colours drawn for a collective-income view'
		).toBeLessThan(100);
		expect(await page.locator('[data-testid="loading"].corner').count()).toBe(0);
		release();
		await waitForReady(page);
		await expect
			.poll(async () => (await page.getByTestId('map-title').textContent()) ?? '')
			.toContain('2019');
		expect(s?.errors).toEqual([]);
	});
});
