/**
 * CLI: the server mode. `npm run serve:engine -- [--data static/data/610924] [--host 127.0.0.1]
 * [--port 8788] [--timeout-ms 10000] [--max-rows 100000] [--threads N] [--memory-limit 4GB]`
 * loads one dataset folder (a county, a city, or a province of the national build under
 * out/national/…) — or a folder of regions with its index.json (out/national: all 31 provinces
 * as one dataset) — into native DuckDB with the app's own loader, locks the engine's settings, and
 * answers the app's named queries over HTTP (scripts/engine-server.ts, docs/scaling.md). Stops
 * cleanly on Ctrl+C.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openNativeFolder } from '../src/lib/data/native-dataset';
import { DEFAULTS, startEngineServer } from './engine-server';

const { values } = parseArgs({
	options: {
		data: { type: 'string', default: 'static/data/610924' },
		host: { type: 'string', default: DEFAULTS.host },
		port: { type: 'string', default: String(DEFAULTS.port) },
		'timeout-ms': { type: 'string', default: String(DEFAULTS.timeoutMs) },
		'max-rows': { type: 'string', default: String(DEFAULTS.maxRows) },
		threads: { type: 'string' },
		'memory-limit': { type: 'string' }
	}
});

function count(name: string, text: string | undefined, min: number): number {
	const n = Number(text);
	if (!Number.isInteger(n) || n < min) {
		console.error(`✗ --${name} must be a whole number ≥ ${min}, got "${text}"`);
		process.exit(2);
	}
	return n;
}

const dir = values.data;
if (!existsSync(join(dir, 'manifest.json')) && !existsSync(join(dir, 'index.json'))) {
	console.error(
		`✗ ${dir}: no manifest.json or index.json (give a dataset folder, e.g. static/data/610924, ` +
			'or a folder of regions, e.g. out/national)'
	);
	process.exit(2);
}
const port = count('port', values.port, 0);
const timeoutMs = count('timeout-ms', values['timeout-ms'], 1);
const maxRows = count('max-rows', values['max-rows'], 1);
const threads = values.threads === undefined ? undefined : count('threads', values.threads, 1);

const started = performance.now();
const { db, manifest } = await openNativeFolder(dir, {
	threads,
	memoryLimit: values['memory-limit']
});
// From here on no statement can change a setting, whatever gets past the statement check.
await db.lockConfiguration();
const loadedMs = Math.round(performance.now() - started);
const server = await startEngineServer({
	db,
	region: { code: manifest.region.code, name: manifest.region.name },
	host: values.host,
	port,
	timeoutMs,
	maxRows
});
console.log(
	`✓ ${manifest.region.name} (${manifest.region.code}) loaded from ${dir} in ${loadedMs} ms\n` +
		`  POST ${server.url}/query  ·  GET ${server.url}/info\n` +
		`  read-only; ${timeoutMs} ms and ${maxRows} rows per query` +
		(values.host === DEFAULTS.host ? '; this machine only (--host 0.0.0.0 to serve others)' : '')
);

async function stop(): Promise<void> {
	await server.close();
	await db.close();
	process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
