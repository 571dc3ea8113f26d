/**
 * The basemap, off by default, on when the deployment's config.json names a tile server: a
 * second build with such a config (as an office would make it), a local tile server standing in
 * for Tianditu or the intranet's own, and checks that tiles come from that host and no other,
 * that the page's CSP names that host, and that the switch hides the tiles.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve-static.js';
import { openSession, waitForReady, type Session } from './browser';
import { countColors } from './pixels';

const TILE_RGB = [255, 136, 0] as const;
let tiles: Server;
let tileOrigin = '';
let stopApp: () => void = () => {};
let s: Session;

function solidPng(): Buffer {
	const png = new PNG({ width: 256, height: 256 });
	for (let i = 0; i < png.data.length; i += 4) png.data.set([...TILE_RGB, 255], i);
	return PNG.sync.write(png);
}

beforeAll(async () => {
	const body = solidPng();
	tiles = createServer((_, res) =>
		// maplibre fetches tiles with CORS, as Tianditu and tile servers allow.
		res
			.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' })
			.end(body)
	);
	await new Promise<void>((r) => tiles.listen(0, '127.0.0.1', r));
	const addr = tiles.address();
	tileOrigin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
	const dir = mkdtempSync(join(tmpdir(), 'va-basemap-'));
	const config = join(dir, 'config.json');
	writeFileSync(
		config,
		JSON.stringify({
			basemap: { tiles: [`${tileOrigin}/{z}/{x}/{y}.png`], attribution: '测试底图' }
		})
	);
	const out = join(dir, 'build');
	const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
		env: { ...process.env, VA_CONFIG: config, VA_OUT: out },
		stdio: 'inherit'
	});
	if (b.status !== 0) throw new Error('the build with a basemap config failed');
	copyFileSync(config, join(out, 'config.json'));
	const app = await serveStatic({ root: out, port: 0, host: '127.0.0.1' });
	stopApp = app.stop;
	s = await openSession(app.baseUrl, { width: 1280, height: 800 }, [tileOrigin]);
	await s.page.goto(`${app.baseUrl}/?bench=1`);
	await waitForReady(s.page);
}, 180_000);

afterAll(async () => {
	await s?.close();
	stopApp();
	tiles?.close();
});

const tilePixels = async () =>
	countColors(await s.page.locator('main').screenshot(), [TILE_RGB], 6)[0] ?? 0;

describe('a configured basemap', () => {
	it('is drawn under the data, with tiles from the configured host and no other', async () => {
		await s.page.waitForFunction(() => document.querySelector('[data-testid="basemap"] canvas'));
		await expect.poll(tilePixels, { timeout: 20_000 }).toBeGreaterThan(5000);
		expect(s.outside.length).toBeGreaterThan(0);
		expect(s.outside.filter((u) => !u.startsWith(`${tileOrigin}/`))).toEqual([]);
		// The villages are still drawn over it: the legend colours are on the map.
		await expect(s.page.textContent('[data-testid="legend-total"]')).resolves.toBe('207');
	});

	it('is allowed by the page’s Content-Security-Policy, that host only', async () => {
		const csp = await s.page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
		expect(csp).toMatch(new RegExp(`img-src [^;]*${tileOrigin.replace(/[.:/]/g, '\\$&')}`));
		expect(csp).toMatch(/default-src 'self'/);
		expect(csp?.match(/https?:\/\/[^\s;]+/g) ?? []).toEqual([tileOrigin, tileOrigin]);
	});

	it('hides and shows with its switch', async () => {
		await s.page.getByTestId('basemap-toggle').click();
		await expect.poll(tilePixels).toBeLessThan(100);
		await s.page.getByTestId('basemap-toggle').click();
		await expect.poll(tilePixels).toBeGreaterThan(5000);
		expect(s.errors).toEqual([]);
	});
});
