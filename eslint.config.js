// Lint rules, including the one-way dependency arrows of docs/architecture.md:
// routes → components → state → {data, map, crossfilter, print} → {ingest →} {analysis, geo},
// and which packages each folder may use: maplibre-gl and deck.gl only in src/lib/map,
// duckdb-wasm only in src/lib/data, analysis/ and geo/ only an allow-list of pure packages,
// and no Node module anywhere in browser code (src/, except the Node connector and tests).
//
// One file gets one set of `no-restricted-imports` options (a later config object replaces an
// earlier one's), so each zone's options are built whole from the pieces below.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Folders of src/lib each folder may not import (the arrows). */
const ARROWS = {
	geo: ['analysis', 'data', 'crossfilter', 'map', 'state', 'components', 'print', 'ingest'],
	analysis: ['data', 'crossfilter', 'map', 'state', 'components', 'print', 'ingest'],
	ingest: ['data', 'crossfilter', 'map', 'state', 'components', 'print'],
	print: ['data', 'crossfilter', 'map', 'state', 'components', 'ingest'],
	data: ['crossfilter', 'map', 'state', 'components', 'print'],
	crossfilter: ['map', 'state', 'components', 'print', 'ingest'],
	map: ['data', 'crossfilter', 'state', 'components', 'print', 'ingest'],
	state: ['components'],
	components: ['data', 'map', 'crossfilter', 'print', 'ingest']
};

/**
 * The outside packages analysis/ and geo/ may use: pure computation, no DOM, no I/O. Types-only
 * `geojson` (@types/geojson); turf's polygon clipping and union in geo/clip.ts and repair.ts.
 */
const PURE_PACKAGES = [
	'simple-statistics',
	'd3-scale-chromatic',
	'd3-delaunay',
	'd3-array',
	'd3-scale',
	'd3-interpolate',
	'd3-color',
	'earcut',
	'flatbush',
	'kdbush',
	'polyclip-ts',
	'@turf/*',
	'geojson'
];
/** What tests in analysis/ and geo/ may use besides (they run in Node or the test browser). */
const TEST_PACKAGES = ['vitest', 'vitest/*', 'vitest-browser-svelte', 'fast-check', 'node:*'];

const SOURCE = (dir) => [`${dir}/**/*.ts`, `${dir}/**/*.js`, `${dir}/**/*.svelte`];
const TESTS = ['**/*.test.ts', '**/*.spec.ts', '**/*.test.js'];
/**
 * The browser-free modules under src/: duckdb-wasm's Node build for tests and scripts, and the
 * native engine (@duckdb/node-api) of the server mode with its Arrow bridge and file loader.
 */
const NODE_ONLY = [
	'src/lib/data/node-connector.ts',
	'src/lib/data/native-connector.ts',
	'src/lib/data/native-arrow.ts',
	'src/lib/data/native-dataset.ts'
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A package name pattern (`@turf/*`, `node:*`) as a regex matching it and its subpaths. */
const packageRegex = (p) =>
	p.endsWith('/*') || p.endsWith(':*') ? `${escape(p.slice(0, -1))}.*` : `${escape(p)}(?:/.*)?`;

function arrowPatterns(folder) {
	return (ARROWS[folder] ?? []).map((f) => ({
		group: [`$lib/${f}`, `$lib/${f}/*`, `**/lib/${f}/*`, `../${f}/*`, `../../${f}/*`],
		message: `src/lib/${folder} may not import src/lib/${f} (see docs/architecture.md).`
	}));
}

function packagePatterns(folder) {
	const out = [];
	if (folder !== 'map')
		out.push({
			group: ['maplibre-gl', 'maplibre-gl/*', 'deck.gl', 'deck.gl/*', '@deck.gl/*'],
			message: 'maplibre-gl and deck.gl are used only in src/lib/map (see docs/architecture.md).'
		});
	if (folder !== 'data')
		out.push({
			group: ['@duckdb/*'],
			message: 'DuckDB is used only in src/lib/data (see docs/architecture.md).'
		});
	return out;
}

/** analysis/ and geo/: nothing from outside but our own modules and the allow-list. */
function allowListPattern(folder, test) {
	const allowed = [...PURE_PACKAGES, ...(test ? TEST_PACKAGES : [])].map(packageRegex);
	return {
		regex: `^(?!\\.|\\$lib/|(?:${allowed.join('|')})$)`,
		message: `src/lib/${folder} may import only its own modules and pure packages (${PURE_PACKAGES.join(', ')}); see PURE_PACKAGES in eslint.config.js.`
	};
}

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const nodePattern = {
	regex: `^(?:node:.*|(?:${NODE_BUILTINS.map(escape).join('|')})(?:/.*)?)$`,
	message:
		'Browser code may not import Node modules (only NODE_ONLY in eslint.config.js and tests run in Node).'
};

/** The whole `no-restricted-imports` rule for one zone of src/. */
function restrictions(folder, { test = false, node = false } = {}) {
	const pure = folder === 'analysis' || folder === 'geo';
	const patterns = [
		...arrowPatterns(folder),
		...(pure ? [allowListPattern(folder, test)] : packagePatterns(folder)),
		...(test || node ? [] : [nodePattern])
	];
	return { 'no-restricted-imports': ['error', { patterns }] };
}

/** Config objects for one zone: its sources, its tests, and (data) the Node-only connector. */
function zone(dir, folder) {
	return [
		{ files: SOURCE(dir), ignores: [...TESTS, ...NODE_ONLY], rules: restrictions(folder) },
		{ files: TESTS.map((t) => `${dir}/${t}`), rules: restrictions(folder, { test: true }) },
		...(folder === 'data'
			? [{ files: NODE_ONLY, rules: restrictions(folder, { node: true }) }]
			: [])
	];
}

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'svelte/no-at-html-tags': 'error'
		}
	},
	// Anything else under src/ (routes, app.d.ts …): the package and Node rules, no arrows.
	...zone('src', 'other'),
	...Object.keys(ARROWS).flatMap((folder) => zone(`src/lib/${folder}`, folder)),
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'bench-results/',
			'scripts/.scratch/',
			'test-results/'
		]
	}
);
