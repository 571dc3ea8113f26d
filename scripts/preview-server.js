/**
 * Serves the built app (`build/`) with `vite preview` on a free local port, for the e2e tests and
 * the benchmarks. `startPreview()` resolves once the dataset index answers.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}

async function waitFor(url, ms) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server at ${url} did not start`);
}

/** @returns {Promise<{ baseUrl: string, stop: () => void }>} */
export async function startPreview() {
	if (!existsSync('build/index.html')) throw new Error('build/ is missing: run `npm run build` first');
	const port = await freePort();
	const server = spawn(
		'npx',
		['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
		{ stdio: ['ignore', 'ignore', 'inherit'], detached: true }
	);
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitFor(`${baseUrl}/data/index.json`, 30_000);
	return {
		baseUrl,
		stop() {
			try {
				if (server.pid) process.kill(-server.pid, 'SIGTERM');
			} catch {
				// already gone
			}
		}
	};
}
