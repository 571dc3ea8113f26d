// A static single-page app: everything renders in the browser (DuckDB-wasm and WebGL need it).
import { base } from '$app/paths';
import { AtlasSession } from '$lib/state/session.svelte';
import { decodeUrlState } from '$lib/state/url-state';
import { hasStoredImports, storedImports } from '$lib/state/stored-imports';
import { openWorkerConnector } from '$lib/data/worker-connector';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

/** The tab's one session (engine + dataset). */
let session: AtlasSession | null = null;

/**
 * The session starts here, in the root layout's load: SvelteKit runs it as soon as this small
 * module has loaded, while the map screen's large module (maplibre, deck.gl) is still
 * downloading and compiling, so the engine's wasm, the index and the region's files are on their
 * way a few hundred milliseconds sooner than from a component.
 */
export const load: LayoutLoad = ({ url, untrack }) => {
	session ??= new AtlasSession({
		dataRoot: `${base}/data`,
		openConnector: openWorkerConnector,
		imports: storedImports,
		hasImports: hasStoredImports
	});
	const s = session;
	untrack(() => void s.start(decodeUrlState(url.searchParams)));
	return { session: s };
};
