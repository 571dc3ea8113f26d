/**
 * The deployment settings beside the built app (`config.json`, next to index.html). Today one:
 * an optional raster basemap — Tianditu with the office's own key, or an intranet tile server —
 * off by default so the app makes no request outside its origin. The build reads the same file
 * to let the page's Content-Security-Policy allow the basemap's host(s) and nothing else
 * (`basemapOrigins`, used by svelte.config.js): change it, then rebuild.
 */

export interface BasemapConfig {
	/** Tile URL templates with `{z}`, `{x}`, `{y}`: absolute (another host) or a path on this origin. */
	tiles: string[];
	attribution?: string;
	tileSize?: number;
	maxzoom?: number;
}

export interface AppConfig {
	basemap: BasemapConfig | null;
}

export const DEFAULT_CONFIG: AppConfig = { basemap: null };

export class ConfigError extends Error {
	override name = 'ConfigError';
}

function isTemplate(t: unknown): t is string {
	if (typeof t !== 'string' || !/\{z\}/.test(t) || !/\{x\}/.test(t) || !/\{y\}/.test(t))
		return false;
	if (t.startsWith('/')) return true;
	try {
		const u = new URL(t.replace(/[{}]/g, ''));
		return u.protocol === 'https:' || u.protocol === 'http:';
	} catch {
		return false;
	}
}

/** Read `config.json`; throws ConfigError naming what is wrong (the app then runs without it). */
export function parseAppConfig(json: unknown): AppConfig {
	if (typeof json !== 'object' || json === null)
		throw new ConfigError('config.json is not an object');
	const b = (json as { basemap?: unknown }).basemap;
	if (b === null || b === undefined) return { basemap: null };
	const bm = b as Partial<BasemapConfig>;
	const tiles = typeof bm.tiles === 'string' ? [bm.tiles] : bm.tiles;
	if (!Array.isArray(tiles) || tiles.length === 0 || !tiles.every(isTemplate)) {
		throw new ConfigError(
			'config.json: basemap.tiles must be URL templates with {z}, {x} and {y} (http(s) or a path)'
		);
	}
	return {
		basemap: {
			tiles,
			attribution: typeof bm.attribution === 'string' ? bm.attribution : undefined,
			tileSize: typeof bm.tileSize === 'number' ? bm.tileSize : 256,
			maxzoom: typeof bm.maxzoom === 'number' ? bm.maxzoom : 18
		}
	};
}

/** The other origins a basemap needs (for the Content-Security-Policy); none for same-origin tiles. */
export function basemapOrigins(config: AppConfig): string[] {
	const out = new Set<string>();
	for (const t of config.basemap?.tiles ?? []) {
		if (t.startsWith('/')) continue;
		out.add(new URL(t.replace(/[{}]/g, '')).origin);
	}
	return [...out];
}

/** Fetch `config.json`; a missing file is the default, a broken one an error for the caller. */
export async function fetchAppConfig(url: string, fetchFn: typeof fetch): Promise<AppConfig> {
	const res = await fetchFn(url);
	if (res.status === 404) return DEFAULT_CONFIG;
	if (!res.ok) throw new ConfigError(`config.json: HTTP ${res.status}`);
	return parseAppConfig(await res.json());
}
