import { describe, expect, it } from 'vitest';
import { basemapOrigins, parseAppConfig } from './app-config';

describe('app config', () => {
	it('has no basemap by default', () => {
		expect(parseAppConfig({ basemap: null })).toEqual({ basemap: null });
		expect(parseAppConfig({})).toEqual({ basemap: null });
	});
	it('reads a basemap of one or several tile templates', () => {
		const c = parseAppConfig({
			basemap: { tiles: 'https://t0.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}&tk=KEY' }
		});
		expect(c.basemap?.tiles).toHaveLength(1);
		expect(c.basemap?.tileSize).toBe(256);
	});
	it('refuses a template without {z}/{x}/{y} or with another scheme', () => {
		expect(() => parseAppConfig({ basemap: { tiles: ['https://a/tile.png'] } })).toThrow(/\{z\}/);
		expect(() => parseAppConfig({ basemap: { tiles: ['javascript:{z}{x}{y}'] } })).toThrow();
		expect(() => parseAppConfig('x')).toThrow(/object/);
	});
	it('lets the CSP allow exactly the hosts the tiles come from', () => {
		const c = parseAppConfig({
			basemap: {
				tiles: [
					'https://t0.tianditu.gov.cn/{z}/{x}/{y}',
					'https://t1.tianditu.gov.cn/{z}/{x}/{y}',
					'https://t0.tianditu.gov.cn/b/{z}/{x}/{y}'
				]
			}
		});
		expect(basemapOrigins(c)).toEqual(['https://t0.tianditu.gov.cn', 'https://t1.tianditu.gov.cn']);
		expect(
			basemapOrigins(parseAppConfig({ basemap: { tiles: ['/tiles/{z}/{x}/{y}.png'] } }))
		).toEqual([]);
	});
});

describe('the build’s CSP', () => {
	it('allows the same origins as the app reads from the config', async () => {
		const { writeFileSync, mkdtempSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const { configOrigins } = await import('../../../svelte.config.js');
		const json = {
			basemap: {
				tiles: [
					'https://a.example/{z}/{x}/{y}',
					'/t/{z}/{x}/{y}',
					'http://b.example:8080/{z}/{x}/{y}'
				]
			}
		};
		const file = join(mkdtempSync(join(tmpdir(), 'va-')), 'config.json');
		writeFileSync(file, JSON.stringify(json));
		expect(configOrigins(file)).toEqual(basemapOrigins(parseAppConfig(json)));
		expect(configOrigins(file)).toEqual(['https://a.example', 'http://b.example:8080']);
		expect(configOrigins('static/config.json')).toEqual([]);
	});
});
