/**
 * A small static file server for the built app (`build/`), standing in for the intranet's nginx
 * or IIS: correct MIME types (`application/wasm` for DuckDB), immutable caching for hashed
 * assets, the SPA fallback to index.html for app routes, and a strict CSP header matching the
 * page's own meta tag. Loopback by default.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.map': 'application/json'
};

/** @param {{ root?: string, port?: number, host?: string }} opts */
export function serveStatic({ root = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const base = path.resolve(root);
	if (!existsSync(path.join(base, 'index.html'))) {
		throw new Error(`${root}/index.html is missing: run \`npm run build\` first`);
	}
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let file = path.join(base, decodeURIComponent(url.pathname));
		if (!file.startsWith(base)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		const ext = path.extname(file);
		if (!existsSync(file)) {
			// App routes fall back to the SPA shell; a missing file (with an extension) is a 404.
			if (ext) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				return;
			}
			file = path.join(base, 'index.html');
		}
		const headers = {
			'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
			'x-content-type-options': 'nosniff',
			'cache-control': file.includes(`${path.sep}immutable${path.sep}`)
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		res.writeHead(200, headers);
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => {
		server.listen(port, host, () => {
			const addr = server.address();
			const p = typeof addr === 'object' && addr ? addr.port : port;
			resolve({ baseUrl: `http://${host}:${p}`, stop: () => server.close() });
		});
	});
}
