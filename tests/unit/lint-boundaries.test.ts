/**
 * The import rules of eslint.config.js fire where they should and only there: the folder
 * arrows, maplibre-gl and deck.gl only in src/lib/map, duckdb-wasm only in src/lib/data, an
 * allow-list of pure packages in analysis/ and geo/, and no Node module in browser code. Each
 * case lints a one-line snippet as if it were a file at the given path (ESLint's Node API).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
	eslint = new ESLint({
		overrideConfigFile: path.resolve('eslint.config.js'),
		// Svelte files are parsed with TypeScript's project service, which knows only files on
		// disk; the snippets' made-up paths are parsed without it (no rule here needs types).
		overrideConfig: {
			files: ['**/*.svelte'],
			languageOptions: { parserOptions: { projectService: false } }
		}
	});
});

/** The no-restricted-imports messages for `code` as the file `file`. */
async function restricted(code: string, file: string): Promise<string[]> {
	const text = file.endsWith('.svelte')
		? `<script lang="ts">\n${code}\n</script>\n`
		: `${code}\nexport const _x = 1;\n`;
	const [result] = await eslint.lintText(text, { filePath: path.resolve(file) });
	const messages = result?.messages ?? [];
	// A snippet that does not parse would pass every case silently.
	expect(messages.filter((m) => m.fatal)).toEqual([]);
	return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const MAPLIBRE = `import * as maplibregl from 'maplibre-gl';\nvoid maplibregl;`;
const DECK = `import { PathLayer } from '@deck.gl/layers';\nvoid PathLayer;`;
const DUCKDB = `import * as duckdb from '@duckdb/duckdb-wasm';\nvoid duckdb;`;
const DUCKDB_URL = `import wasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';\nvoid wasm;`;
const NODE_FS = `import { readFileSync } from 'node:fs';\nvoid readFileSync;`;
const BARE_PATH = `import path from 'path';\nvoid path;`;
const FS_PROMISES = `import { readFile } from 'fs/promises';\nvoid readFile;`;

describe('packages', () => {
	it.each([
		[MAPLIBRE, 'src/lib/state/x.ts'],
		[MAPLIBRE, 'src/lib/components/X.svelte'],
		[MAPLIBRE, 'src/routes/x.ts'],
		[DECK, 'src/lib/state/x.ts'],
		[DECK, 'src/lib/data/x.ts'],
		[`import 'maplibre-gl/dist/maplibre-gl.css';`, 'src/lib/components/x.ts'],
		[DUCKDB, 'src/lib/state/x.ts'],
		[DUCKDB, 'src/lib/map/x.ts'],
		[DUCKDB_URL, 'src/routes/x.ts']
	])('forbids %s in %s', async (code, file) => {
		expect((await restricted(code, file)).length).toBeGreaterThan(0);
	});

	it.each([
		[MAPLIBRE, 'src/lib/map/x.ts'],
		[DECK, 'src/lib/map/layers/x.ts'],
		[DUCKDB, 'src/lib/data/x.ts'],
		[DUCKDB_URL, 'src/lib/data/x.ts'],
		[`import { Table } from 'apache-arrow';\nvoid Table;`, 'src/lib/state/x.ts']
	])('allows %s in %s', async (code, file) => {
		expect(await restricted(code, file)).toEqual([]);
	});

	it('names the folder in the message', async () => {
		expect((await restricted(MAPLIBRE, 'src/lib/state/x.ts'))[0]).toMatch(/only in src\/lib\/map/);
		expect((await restricted(DUCKDB, 'src/lib/state/x.ts'))[0]).toMatch(/only in src\/lib\/data/);
	});
});

describe('analysis/ and geo/ use only pure packages', () => {
	it.each([
		[`import { ckmeans } from 'simple-statistics';\nvoid ckmeans;`, 'src/lib/analysis/x.ts'],
		[
			`import { schemeBlues } from 'd3-scale-chromatic';\nvoid schemeBlues;`,
			'src/lib/analysis/x.ts'
		],
		[`import { Delaunay } from 'd3-delaunay';\nvoid Delaunay;`, 'src/lib/geo/x.ts'],
		[`import earcut from 'earcut';\nvoid earcut;`, 'src/lib/geo/x.ts'],
		[`import { union } from '@turf/turf';\nvoid union;`, 'src/lib/geo/x.ts'],
		[`import type { Polygon } from 'geojson';\nexport type P = Polygon;`, 'src/lib/geo/x.ts'],
		[`import { distanceKm } from '../geo/distance';\nvoid distanceKm;`, 'src/lib/analysis/x.ts'],
		[`import { distanceKm } from '$lib/geo/distance';\nvoid distanceKm;`, 'src/lib/analysis/x.ts'],
		[`import { ring } from './ring';\nvoid ring;`, 'src/lib/geo/x.ts'],
		[`import { it } from 'vitest';\nvoid it;`, 'src/lib/geo/x.test.ts'],
		[NODE_FS, 'src/lib/geo/x.test.ts']
	])('allows %s in %s', async (code, file) => {
		expect(await restricted(code, file)).toEqual([]);
	});

	it.each([
		[`import { Table } from 'apache-arrow';\nvoid Table;`, 'src/lib/analysis/x.ts'],
		[`import { mount } from 'svelte';\nvoid mount;`, 'src/lib/analysis/x.ts'],
		[`import { browser } from '$app/environment';\nvoid browser;`, 'src/lib/geo/x.ts'],
		[MAPLIBRE, 'src/lib/geo/x.ts'],
		[DUCKDB, 'src/lib/analysis/x.ts'],
		[`import { it } from 'vitest';\nvoid it;`, 'src/lib/geo/x.ts'],
		[`import { scaleLinear } from 'd3-scale-extra';\nvoid scaleLinear;`, 'src/lib/analysis/x.ts']
	])('forbids %s in %s', async (code, file) => {
		const messages = await restricted(code, file);
		expect(messages.length).toBeGreaterThan(0);
		expect(messages[0]).toMatch(/pure packages/);
	});
});

describe('no Node modules in browser code', () => {
	it.each([
		[NODE_FS, 'src/lib/state/x.ts'],
		[NODE_FS, 'src/lib/data/x.ts'],
		[NODE_FS, 'src/lib/analysis/x.ts'],
		[NODE_FS, 'src/routes/+page.ts'],
		[BARE_PATH, 'src/lib/map/x.ts'],
		[FS_PROMISES, 'src/lib/components/x.ts'],
		[`import { EventEmitter } from 'events';\nvoid EventEmitter;`, 'src/lib/crossfilter/x.ts']
	])('forbids %s in %s', async (code, file) => {
		expect((await restricted(code, file)).length).toBeGreaterThan(0);
	});

	it.each([
		[NODE_FS, 'src/lib/data/node-connector.ts'],
		[NODE_FS, 'src/lib/state/x.test.ts'],
		[NODE_FS, 'src/lib/crossfilter/x.test.ts'],
		[NODE_FS, 'scripts/data/x.ts'],
		[NODE_FS, 'tests/unit/x.test.ts']
	])('allows %s in %s', async (code, file) => {
		expect(await restricted(code, file)).toEqual([]);
	});
});

describe('folder arrows (kept)', () => {
	it.each([
		[
			`import { x } from '$lib/state/x';\nvoid x;`,
			'src/lib/data/x.ts',
			/src\/lib\/data may not import src\/lib\/state/
		],
		[
			`import { x } from '../data/x';\nvoid x;`,
			'src/lib/map/x.ts',
			/src\/lib\/map may not import src\/lib\/data/
		],
		[
			`import { x } from '$lib/data/contract';\nvoid x;`,
			'src/lib/analysis/x.ts',
			/analysis may not import src\/lib\/data/
		],
		[
			`import { x } from '$lib/map/x';\nvoid x;`,
			'src/lib/components/X.svelte',
			/components may not import src\/lib\/map/
		]
	])('forbids %s in %s', async (code, file, message) => {
		expect((await restricted(code, file)).join('\n')).toMatch(message);
	});

	it('lets state import data, map and analysis', async () => {
		const code = `import { a } from '$lib/data/a';\nimport { b } from '$lib/map/b';\nimport { c } from '$lib/analysis/c';\nvoid [a, b, c];`;
		expect(await restricted(code, 'src/lib/state/x.ts')).toEqual([]);
	});
});
