/**
 * Golden fixtures (Turf style): fixtures/contiguity/in/<case>.geojson holds small sets of units
 * (each feature's `id`, the case's `note` says what it tests); fixtures/contiguity/out/<case>.json
 * the queen and rook neighbours of every unit by id. Regenerate with UPDATE_FIXTURES=1 after a
 * deliberate change, and review the diff against each case's note.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contiguity, type ContiguityKind } from './contiguity';
import type { Polygons } from './types';

const DIR = join(import.meta.dirname, 'fixtures', 'contiguity');
const cases = readdirSync(join(DIR, 'in')).filter((f) => f.endsWith('.geojson'));

interface In {
	features: { properties: { id: string }; geometry: { type: string; coordinates: unknown } }[];
}

function load(file: string): { ids: string[]; units: Polygons[] } {
	const fc = JSON.parse(readFileSync(join(DIR, 'in', file), 'utf8')) as In;
	return {
		ids: fc.features.map((f) => f.properties.id),
		units: fc.features.map((f) =>
			f.geometry.type === 'Polygon'
				? [f.geometry.coordinates as Polygons[number]]
				: (f.geometry.coordinates as Polygons)
		)
	};
}

function byId(ids: string[], lists: number[][]): Record<string, string[]> {
	return Object.fromEntries(
		ids.map((id, i) => [id, (lists[i] ?? []).map((j) => ids[j] as string)])
	);
}

describe('contiguity golden fixtures', () => {
	it.each(cases)('%s', (file) => {
		const { ids, units } = load(file);
		const result = Object.fromEntries(
			(['queen', 'rook'] as ContiguityKind[]).map((kind) => [
				kind,
				byId(ids, contiguity(units, kind))
			])
		);
		const outFile = join(DIR, 'out', file.replace(/\.geojson$/, '.json'));
		// A missing golden output fails: it is written only on purpose (UPDATE_FIXTURES=1).
		if (!process.env.UPDATE_FIXTURES && !existsSync(outFile))
			throw new Error(`missing golden ${outFile}: run with UPDATE_FIXTURES=1 and review it`);
		if (process.env.UPDATE_FIXTURES)
			writeFileSync(outFile, `${JSON.stringify(result, null, '\t')}\n`);
		expect(result).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
	});
});

describe('contiguity', () => {
	const { units } = load('grid-3x3.geojson');

	it.each<[ContiguityKind, number[]]>([
		['queen', [3, 5, 3, 5, 8, 5, 3, 5, 3]],
		['rook', [2, 3, 2, 3, 4, 3, 2, 3, 2]]
	])('gives a 3×3 lattice the textbook %s degrees', (kind, degrees) => {
		expect(contiguity(units, kind).map((n) => n.length)).toEqual(degrees);
	});

	it('is symmetric, never lists a unit as its own neighbour, and defaults to queen', () => {
		const lists = contiguity(units);
		expect(lists).toEqual(contiguity(units, 'queen'));
		lists.forEach((list, i) => {
			expect(list).not.toContain(i);
			for (const j of list) expect(lists[j]).toContain(i);
		});
	});

	it('gives no units no neighbours and a lone unit none', () => {
		expect(contiguity([])).toEqual([]);
		expect(contiguity([units[0] as Polygons])).toEqual([[]]);
	});
});
