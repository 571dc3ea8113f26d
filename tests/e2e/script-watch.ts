/**
 * A watch for script running from data, installed in a page before any of the app's code: every
 * call of `alert`, `confirm` or `prompt`, every dialog, every `<img src=x>` or `<script>…alert(1)…`
 * added to the document (a MutationObserver), and every request for `x`, the source the hostile
 * names use. The page's CSP would refuse an inline handler anyway; this sees the element itself.
 */
import type { Page } from 'playwright-core';

export interface ScriptWatch {
	/** What the page recorded: calls and elements, in order. */
	seen(): Promise<string[]>;
	dialogs: string[];
	/** Requests for a path ending in `/x`. */
	fetchedX: string[];
}

export async function watchForScript(page: Page): Promise<ScriptWatch> {
	await page.addInitScript(() => {
		const w = window as unknown as { __hostile: string[] };
		w.__hostile = [];
		for (const name of ['alert', 'confirm', 'prompt'] as const)
			window[name] = ((...args: unknown[]) => {
				w.__hostile.push(`${name}(${args.join(',')})`);
				return null;
			}) as never;
		const bad = (e: Element) =>
			(e.tagName === 'IMG' && e.getAttribute('src') === 'x') ||
			(e.tagName === 'SCRIPT' && (e.textContent ?? '').includes('alert(1)'));
		new MutationObserver((records) => {
			for (const r of records)
				for (const n of r.addedNodes) {
					if (!(n instanceof Element)) continue;
					for (const e of [n, ...n.querySelectorAll('img, script')])
						if (bad(e)) w.__hostile.push(`element ${e.outerHTML}`);
				}
		}).observe(document, { childList: true, subtree: true });
	});
	const watch: ScriptWatch = {
		seen: () => page.evaluate(() => (window as unknown as { __hostile: string[] }).__hostile),
		dialogs: [],
		fetchedX: []
	};
	page.on('dialog', (d) => {
		watch.dialogs.push(d.message());
		void d.dismiss();
	});
	page.on('request', (r) => {
		if (/\/x$/.test(new URL(r.url()).pathname)) watch.fetchedX.push(r.url());
	});
	return watch;
}
