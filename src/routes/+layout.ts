// A static single-page app: everything renders in the browser (DuckDB-wasm and WebGL need it).
export const ssr = false;
export const prerender = false;
