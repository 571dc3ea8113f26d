/**
 * Opens the app in Debian's Chromium (never a downloaded browser) with the flags that give
 * headless WebGL through SwiftShader here, and records what a reviewer must check: every
 * request that leaves the app's origin, console errors and page errors.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';

export interface Session {
	browser: Browser;
	page: Page;
	/** URLs requested outside the app's origin (must stay empty). */
	outside: string[];
	/** Console errors and uncaught page errors. */
	errors: string[];
	close(): Promise<void>;
}

export async function openSession(
	baseUrl: string,
	viewport = { width: 1280, height: 800 },
	/** Other origins the test expects (a configured basemap): let through, still listed. */
	allow: string[] = []
): Promise<Session> {
	const browser = await launchChromium();
	const context = await browser.newContext({ viewport, locale: 'zh-CN' });
	const origin = new URL(baseUrl).origin;
	const outside: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
			return route.continue();
		}
		outside.push(url);
		return allow.includes(new URL(url).origin) ? route.continue() : route.abort();
	});
	const page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return {
		browser,
		page,
		outside,
		errors,
		close: () => browser.close()
	};
}

/** Wait until the app says it is ready (or failed), via the measurement hook. */
export async function waitForReady(page: Page, timeout = 90_000): Promise<void> {
	await page.waitForFunction(
		() => {
			const b = (window as unknown as { __bench?: { status: string } }).__bench;
			return b && b.status !== 'loading';
		},
		undefined,
		{ timeout }
	);
	const b = await page.evaluate(
		() => (window as unknown as { __bench: { status: string; error: string | null } }).__bench
	);
	if (b.status !== 'ready') throw new Error(`app failed: ${b.error}`);
}
