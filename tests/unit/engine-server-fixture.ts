/**
 * The server mode's test fixture: native DuckDB loaded with 紫阳县 by the app's loader and
 * settings locked, as `npm run serve:engine` runs it, served twice on free ports of 127.0.0.1 —
 * with the default limits and with tight ones (200 ms, 20 rows) — and the browser's
 * `http-connector` for each; plus how a test reads a failure.
 */
import { expect } from 'vitest';
import type { Connector } from '$lib/data/connector';
import { openNativeRegion } from '$lib/data/native-dataset';
import type { NativeConnector } from '$lib/data/native-connector';
import { EngineHttpFailure, openHttpConnector, type HttpConnector } from '$lib/data/http-connector';
import { startEngineServer, type EngineServer } from '../../scripts/engine-server';

export interface EngineServers {
	db: NativeConnector;
	server: EngineServer;
	tight: EngineServer;
	http: HttpConnector;
	tightHttp: HttpConnector;
	close(): Promise<void>;
}

export async function openEngineServers(): Promise<EngineServers> {
	const { db } = await openNativeRegion('static/data/610924');
	await db.lockConfiguration();
	const region = { code: '610924', name: '紫阳县' };
	const server = await startEngineServer({ db, region, port: 0 });
	const tight = await startEngineServer({ db, region, port: 0, timeoutMs: 200, maxRows: 20 });
	return {
		db,
		server,
		tight,
		http: openHttpConnector(server.url),
		tightHttp: openHttpConnector(tight.url),
		async close() {
			await Promise.all([server.close(), tight.close()]);
			await db.close();
		}
	};
}

/** The failure a query ends with (none: the test fails). */
export async function failureOf(c: Connector, sql: string): Promise<EngineHttpFailure> {
	const e = await c.query(sql).then(
		() => null,
		(x: unknown) => x
	);
	expect(e).toBeInstanceOf(EngineHttpFailure);
	return e as EngineHttpFailure;
}

/** The first cell of a query's answer, as a number. */
export const count = async (c: Connector, sql: string) =>
	Number((await c.query(sql)).getChildAt(0)?.get(0));
