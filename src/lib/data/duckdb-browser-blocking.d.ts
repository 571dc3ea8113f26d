/**
 * Types for duckdb-wasm's blocking browser build, which is not in the package's `exports`:
 * `vite.config.ts` aliases this specifier to the file, and here TypeScript gets the package's
 * own declarations for it (only `engine-worker.ts` imports it).
 */
declare module '@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs' {
	type Blocking =
		typeof import('../../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking');
	export type DuckDBBindings =
		import('../../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking').DuckDBBindings;
	export type DuckDBConnection =
		import('../../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking').DuckDBConnection;
	export const createDuckDB: Blocking['createDuckDB'];
	export const BROWSER_RUNTIME: Blocking['BROWSER_RUNTIME'];
	export const VoidLogger: Blocking['VoidLogger'];
	export const getPlatformFeatures: Blocking['getPlatformFeatures'];
}
