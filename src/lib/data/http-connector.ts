/**
 * Connector over HTTP to the server mode (`npm run serve:engine`): for a browser that cannot hold
 * a region, the same named queries are answered by native DuckDB on the server. Each query is a
 * `POST {baseUrl}/query` (`engine-http.ts`); the answer is an Arrow IPC stream read with
 * apache-arrow's `tableFromIPC` (no code generation, so the app's CSP allows it). The server
 * holds the data and is read-only: `insertArrow` is refused here, before any request.
 *
 * Errors: a refusal, a limit or an engine error rejects with `EngineHttpFailure` carrying the
 * server's zh/en message and reason; an aborted query rejects with `QueryCancelled` (the server
 * sees the request go and interrupts the statement).
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { QueryCancelled, type Connector, type QueryOptions, type SqlParam } from './connector';
import {
	HTTP_MESSAGES,
	INFO_PATH,
	QUERY_PATH,
	type EngineHttpError,
	type EngineInfo,
	type HttpErrorReason,
	type QueryRequest
} from './engine-http';

/** A query the server answered with an error. */
export class EngineHttpFailure extends Error {
	readonly reason: HttpErrorReason;
	readonly zh: string;

	constructor(
		readonly status: number,
		body: EngineHttpError
	) {
		super(body.error_en);
		this.name = 'EngineHttpFailure';
		this.reason = body.reason;
		this.zh = body.error_zh;
	}
}

export interface HttpConnector extends Connector {
	/** What the server has loaded and its limits. */
	info(): Promise<EngineInfo>;
}

const INSERT_REFUSED: EngineHttpError = {
	error_zh: '数据在服务器上，由服务器加载；服务器模式不能从浏览器加入表。',
	error_en:
		'The server holds and loads the data; tables cannot be added from the browser in server mode.',
	reason: 'refused'
};

/** The body of an error answer, or a plain one when the server (or a proxy) sent something else. */
async function failureOf(res: Response): Promise<EngineHttpFailure> {
	try {
		const body = (await res.json()) as Partial<EngineHttpError>;
		if (typeof body.error_en === 'string' && typeof body.error_zh === 'string')
			return new EngineHttpFailure(res.status, body as EngineHttpError);
	} catch {
		// not JSON: say what happened in HTTP terms
	}
	const [zh, en] = HTTP_MESSAGES.request(`HTTP ${res.status} ${res.statusText}`.trim());
	return new EngineHttpFailure(res.status, { error_zh: zh, error_en: en, reason: 'request' });
}

/** A connector to the engine server at `baseUrl` (e.g. `/engine` behind the app's own origin). */
export function openHttpConnector(baseUrl: string, fetchFn: typeof fetch = fetch): HttpConnector {
	const base = baseUrl.replace(/\/+$/, '');
	return {
		async query(sql: string, params: readonly SqlParam[] = [], options: QueryOptions = {}) {
			const { signal } = options;
			if (signal?.aborted) throw new QueryCancelled();
			const request: QueryRequest = { sql, params: [...params] };
			let res: Response;
			try {
				res = await fetchFn(`${base}${QUERY_PATH}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify(request),
					signal
				});
				if (!res.ok) throw await failureOf(res);
				return tableFromIPC(new Uint8Array(await res.arrayBuffer())) as Table;
			} catch (e) {
				if (signal?.aborted) throw new QueryCancelled();
				throw e;
			}
		},
		async insertArrow(): Promise<void> {
			throw new EngineHttpFailure(403, INSERT_REFUSED);
		},
		async info() {
			const res = await fetchFn(`${base}${INFO_PATH}`);
			if (!res.ok) throw await failureOf(res);
			return (await res.json()) as EngineInfo;
		},
		async close() {
			// Nothing to release: each query is its own request.
		}
	};
}
