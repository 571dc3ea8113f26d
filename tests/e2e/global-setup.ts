/**
 * Serves the built app (`build/`) with `vite preview` on a free local port for the whole e2e
 * run, and hands its URL to the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject()));
		});
	});
}

async function waitFor(url: string, ms: number): Promise<void> {
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

let server: ChildProcess | null = null;

export async function setup(project: TestProject) {
	if (!existsSync('build/index.html')) throw new Error('build/ is missing: run `npm run build` first');
	const port = await freePort();
	server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
		stdio: ['ignore', 'pipe', 'inherit'],
		detached: true
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitFor(`${baseUrl}/data/index.json`, 30_000);
	project.provide('baseUrl', baseUrl);
}

export async function teardown() {
	if (server?.pid) {
		try {
			process.kill(-server.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	}
}
