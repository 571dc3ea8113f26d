/**
 * The server mode's HTTP side: answers the app's `Connector` over HTTP from a native engine
 * that already holds a dataset (`native-dataset.ts`), as `src/lib/data/engine-http.ts` says:
 * `POST /query` → Arrow IPC stream or a JSON error with a 4xx status; `GET /info`.
 *
 * Contract: only one read-only statement per request (`read-only-sql.ts`); a SELECT-like query
 * is wrapped to stop at `maxRows + 1` rows and any answer over `maxRows` is refused; each
 * statement is interrupted `timeoutMs` after it starts running; a client that goes away
 * interrupts its query. Listens on 127.0.0.1 unless told otherwise, and then answers only
 * requests addressed to this machine by name (`Host`), so a web page elsewhere cannot reach it
 * through DNS rebinding. A JSON body is required: a cross-origin page cannot send one without a
 * CORS preflight, which this server never grants.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tableToIPC } from 'apache-arrow';
import { QueryCancelled, type SqlParam } from '../src/lib/data/connector';
import { QueryTimedOut, type NativeConnector } from '../src/lib/data/native-connector';
import { judgeReadOnly, limitRows } from '../src/lib/data/read-only-sql';
import {
	ARROW_STREAM,
	HTTP_MESSAGES,
	INFO_PATH,
	QUERY_PATH,
	httpError,
	type EngineHttpError,
	type EngineInfo
} from '../src/lib/data/engine-http';

export interface EngineServerOptions {
	db: NativeConnector;
	/** What `GET /info` says about the dataset (tables are read from the engine). */
	region: { code: string; name: string };
	/** Default 127.0.0.1: this machine only. */
	host?: string;
	/** Default 8788; 0 picks a free port. */
	port?: number;
	timeoutMs?: number;
	maxRows?: number;
}

export interface EngineServer {
	url: string;
	/** The address it listens on, as bound. */
	host: string;
	port: number;
	close(): Promise<void>;
}

export const DEFAULTS = { host: '127.0.0.1', port: 8788, timeoutMs: 10_000, maxRows: 100_000 };
/** A statement is text; a megabyte of it is a mistake or an attack. */
const MAX_BODY_BYTES = 1 << 20;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

class Failure extends Error {
	constructor(
		readonly status: number,
		readonly body: EngineHttpError
	) {
		super(body.error_en);
	}
}
const requestFailure = (status: number, what: string) =>
	new Failure(status, httpError('request', HTTP_MESSAGES.request(what)));

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw requestFailure(413, 'the body is over 1 MB');
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(text: string): { sql: string; params: SqlParam[] } {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw requestFailure(400, 'the body is not JSON');
	}
	const { sql, params = [] } = (body ?? {}) as { sql?: unknown; params?: unknown };
	if (typeof sql !== 'string') throw requestFailure(400, '"sql" must be a string');
	const scalar = (p: unknown) => p === null || ['string', 'number', 'boolean'].includes(typeof p);
	if (!Array.isArray(params) || !params.every(scalar))
		throw requestFailure(400, '"params" must be a list of strings, numbers, booleans or nulls');
	return { sql, params: params as SqlParam[] };
}

/** Names the guard protects: the engine's own tables, views and macros. */
async function loadedNames(db: NativeConnector): Promise<Set<string>> {
	const t = await db.query(`SELECT table_name AS n FROM duckdb_tables() WHERE NOT internal
    UNION SELECT view_name FROM duckdb_views() WHERE NOT internal
    UNION SELECT function_name FROM duckdb_functions()
      WHERE function_type IN ('macro', 'table_macro') AND NOT internal`);
	return new Set(Array.from(t.getChild('n') ?? [], (n) => String(n).toLowerCase()));
}

/** Start answering; resolves once the server listens. */
export async function startEngineServer(options: EngineServerOptions): Promise<EngineServer> {
	const { db, region } = options;
	const host = options.host ?? DEFAULTS.host;
	const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
	const maxRows = options.maxRows ?? DEFAULTS.maxRows;
	const names = await loadedNames(db);
	const version = await db.query('SELECT version() AS v');
	const info: EngineInfo = {
		region: region.code,
		name: region.name,
		engine: `duckdb ${String(version.getChild('v')?.get(0))}`,
		tables: [...names].sort(),
		maxRows,
		timeoutMs
	};
	const localOnly = LOOPBACK.has(host);

	async function answerQuery(req: IncomingMessage, res: ServerResponse): Promise<void> {
		if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
			throw new Failure(
				415,
				httpError('request', HTTP_MESSAGES.request('send Content-Type: application/json'))
			);
		const { sql, params } = parseRequest(await readBody(req));
		const verdict = judgeReadOnly(sql, names);
		if (!verdict.ok) throw new Failure(403, httpError('refused', [verdict.zh, verdict.en]));
		const stop = new AbortController();
		res.on('close', () => stop.abort());
		const text = verdict.wrappable ? limitRows(verdict.sql, maxRows) : verdict.sql;
		let table;
		try {
			table = await db.query(text, params, { timeoutMs, signal: stop.signal });
		} catch (e) {
			if (e instanceof QueryTimedOut)
				throw new Failure(408, httpError('timeout', HTTP_MESSAGES.timeout(timeoutMs)));
			if (e instanceof QueryCancelled) return; // the client went away: nobody to answer
			const message = e instanceof Error ? e.message : String(e);
			throw new Failure(400, httpError('sql', HTTP_MESSAGES.sql(message)));
		}
		if (table.numRows > maxRows)
			throw new Failure(422, httpError('rows', HTTP_MESSAGES.rows(maxRows)));
		const bytes = tableToIPC(table, 'stream');
		res.writeHead(200, {
			'Content-Type': ARROW_STREAM,
			'Content-Length': bytes.byteLength,
			'X-Row-Count': String(table.numRows)
		});
		res.end(bytes);
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		res.setHeader('Cache-Control', 'no-store');
		res.setHeader('X-Content-Type-Options', 'nosniff');
		const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
		if (localOnly && !LOOPBACK.has(hostname))
			throw requestFailure(
				403,
				`this server answers this machine only (Host ${hostname}); start it with --host to serve others`
			);
		const path = (req.url ?? '').split('?')[0];
		if (req.method === 'GET' && path === INFO_PATH) {
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(info));
		} else if (path === QUERY_PATH && req.method === 'POST') await answerQuery(req, res);
		else if (path === QUERY_PATH) throw requestFailure(405, `${req.method} is not allowed`);
		else throw requestFailure(404, `no such path ${path}`);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			const f =
				e instanceof Failure ? e : new Failure(400, httpError('sql', HTTP_MESSAGES.sql(String(e))));
			if (res.headersSent || res.destroyed) return;
			res.writeHead(f.status, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(f.body));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? DEFAULTS.port, host, () => resolve());
	});
	const { address, port } = server.address() as AddressInfo;
	const shown = address.includes(':') ? `[${address}]` : address;
	return {
		url: `http://${shown}:${port}`,
		host: address,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
