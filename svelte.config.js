import { existsSync, readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The deployment settings (`static/config.json`, shipped beside the built app; `VA_CONFIG` names
 * another file). A basemap on another host is the only thing the CSP lets out of the origin;
 * the rules for the file are in src/lib/data/app-config.ts, whose `basemapOrigins` a unit test
 * keeps equal to this function.
 */
/** @returns {string[]} */
export function configOrigins(file = process.env.VA_CONFIG ?? 'static/config.json') {
	if (!existsSync(file)) return [];
	const tiles = JSON.parse(readFileSync(file, 'utf8')).basemap?.tiles ?? [];
	/** @type {string[]} */
	const list = typeof tiles === 'string' ? [tiles] : tiles;
	const origins = list
		.filter((t) => !t.startsWith('/'))
		.map((t) => new URL(t.replace(/[{}]/g, '')).origin);
	return [...new Set(origins)];
}

// Origins are checked URLs; kit's CSP source type is a template literal it does not export.
/** @type {any[]} */
const basemap = configOrigins();
// Where the build goes (`VA_OUT`), so a test can build a second copy with another config.
const out = process.env.VA_OUT ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route falls back to index.html so an intranet nginx/IIS can serve it.
		adapter: adapter({ fallback: 'index.html', pages: out, assets: out, strict: true }),
		// Strict CSP. SvelteKit adds hashes for its own inline bootstrap script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', ...basemap],
				'img-src': ['self', 'data:', 'blob:', ...basemap],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
