/**
 * Workarounds for the emscripten glue of duckdb-wasm 1.32's blocking build, applied by
 * `engine-worker.ts` inside its `instantiateWasm` hook: what the glue links (start-up time) and
 * what it forgot to define (error messages). Both are pinned to this duckdb-wasm version, which
 * `package.json` pins exactly; the browser tests cover both builds (eh and mvp).
 */

/**
 * The exports emscripten's dynamic-linking glue gets to see. duckdb-wasm is built as a main
 * module that can load extensions as side modules, so it exports 75,000 symbols, and the glue
 * walks all of them several times on start-up (relocating, filling the GOT, merging symbol
 * tables): 0.6 s in Chromium here, 0.9 s in Node, longer than compiling the wasm. 61,000 of them
 * are C++ symbols (`_Z…`) that JavaScript never calls; only a side module would link against
 * them, and extensions cannot be fetched offline (and are switched off). So hand the glue the C
 * exports plus the C++ symbols the module itself imports through its GOT. Same answers, errors
 * and Arrow inserts as with the full set (browser tests), and JS scalar UDFs work (checked with
 * the Node blocking build, whose glue is the same).
 */
export function linkedExports(
	instance: WebAssembly.Instance,
	module: WebAssembly.Module
): WebAssembly.Instance {
	const got = new Set(
		WebAssembly.Module.imports(module)
			.filter((i) => i.module.startsWith('GOT.'))
			.map((i) => i.name)
	);
	const all = instance.exports;
	const kept: WebAssembly.Exports = {};
	for (const name of Object.keys(all)) {
		if (!name.startsWith('_Z') || got.has(name)) kept[name] = all[name] as WebAssembly.ExportValue;
	}
	return { exports: kept };
}

/**
 * duckdb-wasm 1.32's blocking builds call wasm exports through globals their emscripten glue
 * does not always define (`_setThrew`, `___cxa_can_catch`, …). In the mvp build every C++
 * exception, so every SQL error, then surfaced as "_setThrew is not defined" instead of DuckDB's
 * message (its Node blocking build does the same); in the eh build only rarer paths reach them.
 * Below: every function export the glue calls as `_name(` (found by scanning both glues); where
 * the glue does declare one, its own variable shadows the global, so defining all is harmless.
 */
const CALLED_BY_GLUE = [
	'_Unwind_DeleteException',
	'_Unwind_RaiseException',
	'__cxa_begin_catch',
	'__cxa_call_unexpected',
	'__cxa_can_catch',
	'__cxa_current_primary_exception',
	'__cxa_decrement_exception_refcount',
	'__cxa_demangle',
	'__cxa_get_exception_ptr',
	'__cxa_increment_exception_refcount',
	'__cxa_rethrow',
	'__cxa_rethrow_primary_exception',
	'__cxa_throw',
	'__dl_seterr',
	'__errno_location',
	'__getTypeName',
	'__get_exception_message',
	'__syscall_shutdown',
	'__thrown_object_from_unwind_exception',
	'__trap',
	'_emscripten_stack_alloc',
	'_emscripten_stack_restore',
	'_emscripten_tempret_get',
	'_emscripten_tempret_set',
	'_emscripten_timeout',
	'_emval_coro_resume',
	'calloc',
	'emscripten_builtin_memalign',
	'emscripten_stack_get_current',
	'emscripten_wget',
	'fileno',
	'free',
	'htonl',
	'htons',
	'malloc',
	'memcmp',
	'memcpy',
	'ntohs',
	'setThrew',
	'strerror'
];

export function defineMissingGlobals(instance: WebAssembly.Instance): void {
	const g = globalThis as unknown as Record<string, unknown>;
	for (const name of CALLED_BY_GLUE) {
		const fn = instance.exports[name];
		if (typeof fn === 'function' && !(`_${name}` in g)) g[`_${name}`] = fn;
	}
}
