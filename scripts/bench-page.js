/**
 * One timed page load for `npm run bench`, the same for the app and the naive baseline: open
 * `?bench=1` in a fresh browser context (cold caches), wait for `window.__bench` to leave
 * 'loading', read its first frame, completion and JS heap (the hook's, and page + workers
 * through CDP), then time the theme, year and level switches through its `repaint(query)` hook.
 * Also the switches themselves and a median.
 */

/** The switches timed after load, as query strings the app's hook opens. */
export const SWITCHES = {
	theme: 'theme=collective',
	year: 'theme=collective&year=2016',
	level: 'theme=collective&year=2016&level=township'
};

export const median = (xs) => {
	const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (!s.length) return null;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `promise`, or a rejection naming `what` after `ms` (a page's own promise may never end). */
export function withTimeout(promise, ms, what) {
	let timer;
	const late = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
	});
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Time one switch: through the hook where the page has it, else the year slider (older builds). */
export async function timeSwitch(page, name, query, timeout = 120_000) {
	const hasGo = await page.evaluate(() => typeof window.__bench.repaint === 'function');
	if (hasGo) {
		const repaint = await withTimeout(
			page.evaluate((q) => window.__bench.repaint(q), query),
			timeout,
			`${name} switch`
		);
		// Charts too, before the next switch.
		await withTimeout(
			page.evaluate(() => window.__bench.settle()),
			timeout,
			'settle'
		);
		return repaint;
	}
	if (name !== 'year') return null;
	const t0 = Date.now();
	await page.locator('input[type="range"]').fill('2016');
	await page.waitForFunction(
		() => document.querySelector('[data-testid="year"]')?.textContent === '2016'
	);
	await page.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
	);
	return Date.now() - t0;
}

/** Wait for the hook to leave 'loading'; its record, or throws with the page's error. */
export async function waitForBench(page, timeout) {
	await page.waitForFunction(
		() => window.__bench && window.__bench.status !== 'loading',
		undefined,
		{ timeout }
	);
	const b = await page.evaluate(() => window.__bench);
	if (b.status !== 'ready') throw new Error(`page failed: ${b.error}`);
	return b;
}

/** One worker's JS heap in use after a garbage collection (bytes), through the browser's CDP. */
async function workerHeap(cdp, targetId) {
	const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
	try {
		const answer = new Promise((resolve) => {
			const onMessage = (e) => {
				if (e.sessionId !== sessionId) return;
				const m = JSON.parse(e.message);
				if (m.id !== 2) return;
				cdp.off('Target.receivedMessageFromTarget', onMessage);
				resolve(m.result?.usedSize ?? 0);
			};
			cdp.on('Target.receivedMessageFromTarget', onMessage);
		});
		// Messages to one target are handled in order: the collection first, then the reading.
		for (const [id, method] of [
			[1, 'HeapProfiler.collectGarbage'],
			[2, 'Runtime.getHeapUsage']
		]) {
			const message = JSON.stringify({ id, method });
			await cdp.send('Target.sendMessageToTarget', { sessionId, message });
		}
		return await withTimeout(answer, 30_000, 'worker heap');
	} finally {
		await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
	}
}

/**
 * JS heap retained by the page AND its workers (MB, after a garbage collection in each, through
 * CDP), or null if it cannot be read. The hook's `heapUsed` is the page's main thread only, at
 * whatever garbage it holds then: it leaves out the app's DuckDB worker and both pages'
 * maplibre workers. WebAssembly memory (DuckDB's tables) is in neither figure.
 */
export async function heapWithWorkersMB(browser, ctx, page) {
	try {
		const own = await ctx.newCDPSession(page);
		const { targetInfo } = await own.send('Target.getTargetInfo');
		await own.send('HeapProfiler.collectGarbage');
		let used = (await own.send('Runtime.getHeapUsage')).usedSize;
		await own.detach();
		const cdp = await browser.newBrowserCDPSession();
		try {
			const { targetInfos } = await cdp.send('Target.getTargets');
			for (const t of targetInfos) {
				if (t.type !== 'worker' || t.browserContextId !== targetInfo.browserContextId) continue;
				used += await workerHeap(cdp, t.targetId);
			}
		} finally {
			await cdp.detach();
		}
		return used / 2 ** 20;
	} catch {
		return null;
	}
}

/**
 * The aggregate over all units × years, where the page has one (the app; the baseline has no
 * SQL): the median ms of three runs after a first one (which also plans the statement).
 */
export async function timeAggregate(page, timeout = 120_000) {
	const has = await page.evaluate(() => typeof window.__bench.aggregate === 'function');
	if (!has) return null;
	const runs = [];
	for (let i = 0; i < 4; i++) {
		runs.push(
			await withTimeout(
				page.evaluate(() => window.__bench.aggregate()),
				timeout,
				'aggregate'
			)
		);
	}
	return median(runs.slice(1));
}

/**
 * One load of `url` and its switches in a new context of `browser`: first frame, completion
 * and heap from the hook, the engine's start where the page reports it, each switch's ms.
 */
export async function samplePage(browser, url, { timeout = 120_000, switches = SWITCHES } = {}) {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await ctx.newPage();
		await page.goto(url, { timeout });
		const b = await waitForBench(page, timeout);
		const t = await page.evaluate(() => window.__engineTimings ?? null);
		const sample = {
			firstFrame: b.tFirstFrame,
			complete: b.tComplete,
			heapMB: b.heapUsed == null ? null : b.heapUsed / 2 ** 20,
			heapWithWorkersMB: await heapWithWorkersMB(browser, ctx, page),
			features: b.features,
			steps: b.steps,
			engineStart: t ? t.readyOnMain - t.workerCreated : null,
			switches: {}
		};
		for (const [name, q] of Object.entries(switches)) {
			sample.switches[name] = await timeSwitch(page, name, q, timeout);
		}
		sample.aggregate = await timeAggregate(page, timeout);
		return sample;
	} finally {
		await ctx.close();
	}
}
