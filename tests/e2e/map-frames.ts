/**
 * Waiting for a result map to draw, instead of sleeping: the console's and the planner's maps
 * count their drawn frames in `data-frames`.
 */
import type { Page } from 'playwright-core';

/** The frames a map (by its test id) has drawn so far. */
export function frames(page: Page, id: string): Promise<number> {
	return page.getAttribute(`[data-testid="${id}"]`, 'data-frames').then(Number);
}

/** Resolves once the map has drawn a frame after the `n`th. */
export async function drawnAfter(page: Page, id: string, n: number): Promise<void> {
	await page.waitForFunction(
		([sel, k]) =>
			Number(document.querySelector(`[data-testid="${sel}"]`)?.getAttribute('data-frames')) > k,
		[id, n] as const
	);
}
