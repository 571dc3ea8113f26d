/**
 * When things go wrong mid-meeting: the DuckDB worker dies (a wasm trap, thrown inside it as
 * the real thing is) and the app says so, starts another engine, loads the data again and shows
 * the same view from its URL — no page reload, saved views still there; the map loses its WebGL
 * contexts (WEBGL_lose_context) and comes back with the same layers and colours.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';
import { countColors, type Rgb } from './pixels';

const baseUrl = inject('baseUrl');
const VIEW = '/?indicator=collective_income&year=2019&level=township';
let s: Session;

beforeAll(async () => {
	s = await openSession(baseUrl, { width: 1280, height: 800 });
	await s.page.goto(`${baseUrl}${VIEW}`);
	await s.page.waitForSelector('[data-testid="legend-count"]', { timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
});

const page = () => s.page;

/** The legend as a person reads it: label and count of each class. */
async function legend(p: Page): Promise<string[]> {
	return p.locator('.legend li').allTextContents();
}

/** The legend's colours, as drawn in the swatches. */
async function legendColors(p: Page): Promise<Rgb[]> {
	const css = await p
		.locator('.legend li .swatch')
		.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
	return css.map((c) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number) as unknown as Rgb);
}

/** Pixels of the map in each legend colour. */
async function mapColors(p: Page, colors: readonly Rgb[]): Promise<number[]> {
	const shot = await p.getByTestId('map').screenshot();
	return countColors(shot, colors, 6);
}

describe('the engine dies', () => {
	it('restarts, reloads the data and shows the same view, without a page reload', async () => {
		// A saved view made before the crash must still be there after it.
		await page().getByTestId('save-view').click();
		await page().getByTestId('save-view-ok').click();
		await page().getByTestId('save-view-message').waitFor();
		const before = await legend(page());
		const url = page().url();
		await page().evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));

		const engine = page()
			.workers()
			.find((w) => w.url().includes('engine-worker'));
		expect(engine).toBeDefined();
		// What a wasm trap looks like from outside: an uncaught RuntimeError inside the worker.
		await engine!.evaluate(() => {
			setTimeout(() => {
				throw new Error('RuntimeError: unreachable (simulated wasm trap)');
			});
		});
		const notice = page().getByTestId('engine-notice');
		await notice.waitFor({ timeout: 30_000 });
		await page().waitForSelector('[data-testid="engine-notice"][data-state="restored"]', {
			timeout: 90_000
		});
		await expect(notice.textContent()).resolves.toContain('已重新启动');
		await page().waitForFunction(
			(n) => document.querySelectorAll('.legend li').length === n,
			before.length
		);
		expect(await legend(page())).toEqual(before);
		expect(page().url()).toBe(url);
		// Same page, not a reload: the marker set before the crash is still on the window.
		expect(await page().evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(
			42
		);
	});

	it('answers queries on the new engine, and the saved view is kept', async () => {
		await page().goto(`${baseUrl}/briefing`);
		await page().getByTestId('saved-view').first().waitFor({ timeout: 60_000 });
		expect(await page().getByTestId('saved-view').count()).toBe(1);
		await page().waitForSelector('[data-kpi="poor_villages_exited"]', { timeout: 60_000 });
	});
});

describe('the map loses its WebGL context', () => {
	it('comes back with the same layers and colours', async () => {
		await page().goto(`${baseUrl}${VIEW}`);
		await page().waitForSelector('[data-testid="legend-count"]', { timeout: 90_000 });
		const colors = await legendColors(page());
		await expect
			.poll(async () => (await mapColors(page(), colors)).filter((n) => n > 50).length, {
				timeout: 30_000
			})
			.toBe(colors.length);
		const before = await mapColors(page(), colors);

		const lost = await page().evaluate(() => {
			const exts = [...document.querySelectorAll('[data-testid="map"] canvas')].flatMap((c) => {
				const canvas = c as HTMLCanvasElement;
				const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
				const ext = gl?.getExtension('WEBGL_lose_context');
				return ext ? [ext] : [];
			});
			exts.forEach((e) => e.loseContext());
			(window as unknown as { __lost: WEBGL_lose_context[] }).__lost = exts;
			return exts.length;
		});
		expect(lost).toBeGreaterThanOrEqual(2); // maplibre's canvas and deck.gl's
		await page().evaluate(() =>
			(window as unknown as { __lost: WEBGL_lose_context[] }).__lost.forEach((e) =>
				e.restoreContext()
			)
		);
		// Every class back on the map in about the same amounts.
		await expect
			.poll(
				async () => {
					const now = await mapColors(page(), colors);
					return now.every((n, i) => Math.abs(n - (before[i] ?? 0)) <= (before[i] ?? 0) * 0.05);
				},
				{ timeout: 30_000, interval: 500 }
			)
			.toBe(true);
		expect(await legend(page())).toHaveLength(colors.length);
	});

	it('logged no error and made no request outside its origin', () => {
		expect(s.outside).toEqual([]);
		// The simulated trap is the one error the page saw, reported by the worker.
		expect(s.errors.filter((e) => !e.includes('simulated wasm trap'))).toEqual([]);
	});
});
