/**
 * Serves the built app (`build/`) on a free loopback port, for the e2e tests and the benchmarks.
 */
import { serveStatic } from './serve-static.js';

/** @returns {Promise<{ baseUrl: string, stop: () => void }>} */
export function startPreview() {
	return serveStatic({ root: 'build', port: 0, host: '127.0.0.1' });
}
