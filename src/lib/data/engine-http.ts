/**
 * The wire contract of the server mode (`npm run serve:engine`), shared by the server
 * (`scripts/engine-server.ts`) and the browser's `http-connector.ts`:
 * - `POST /query` with JSON `{sql, params}` answers an Arrow IPC stream (`ARROW_STREAM`), or a
 *   JSON `EngineHttpError` with a 4xx status: 400 a malformed request or an engine error, 403 a
 *   statement the read-only server refuses, 408 a query past the time limit, 413 a request body
 *   too large, 415 a body that is not JSON, 422 an answer over the row limit.
 * - `GET /info` answers JSON `EngineInfo`: what is loaded and the limits.
 * Every message comes in Chinese and English, plain text, written for the person at the screen.
 */
import type { SqlParam } from './connector';

export const QUERY_PATH = '/query';
export const INFO_PATH = '/info';
export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

export interface QueryRequest {
	sql: string;
	params?: SqlParam[];
}

/** Why a request got no answer. */
export type HttpErrorReason = 'request' | 'refused' | 'sql' | 'timeout' | 'rows';

export interface EngineHttpError {
	error_zh: string;
	error_en: string;
	reason: HttpErrorReason;
}

export interface EngineInfo {
	/** The region code and name of the loaded dataset. */
	region: string;
	name: string;
	/** `duckdb v1.5.5` */
	engine: string;
	tables: string[];
	maxRows: number;
	timeoutMs: number;
}

/** The messages of the limits and of malformed requests (refusals: `read-only-sql.ts`). */
export const HTTP_MESSAGES = {
	rows: (max: number): [string, string] => [
		`结果超过服务器 ${max} 行的上限，没有返回：请用 WHERE 缩小范围、用 GROUP BY 汇总，或加 LIMIT。`,
		`The result has more than ${max} rows, the server's limit, so none were sent: narrow it with WHERE, aggregate with GROUP BY, or add LIMIT.`
	],
	timeout: (ms: number): [string, string] => [
		`查询运行超过服务器 ${ms} 毫秒的上限，已中断：请缩小范围或先汇总。`,
		`The query ran longer than the server's limit of ${ms} ms and was interrupted: narrow it or aggregate first.`
	],
	sql: (message: string): [string, string] => [
		`引擎报错：${message}`,
		`The engine reported an error: ${message}`
	],
	request: (what: string): [string, string] => [
		`请求无效：${what}。请求应为 POST ${QUERY_PATH}，JSON 格式 {"sql": "…", "params": […]}。`,
		`Bad request: ${what}. Send POST ${QUERY_PATH} with JSON {"sql": "…", "params": […]}.`
	]
} as const;

/** The body of an error answer. */
export function httpError(reason: HttpErrorReason, [zh, en]: [string, string]): EngineHttpError {
	return { error_zh: zh, error_en: en, reason };
}
