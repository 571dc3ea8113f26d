/**
 * The parity test's console requests: the console's examples that need no JavaScript UDF, a
 * query materialised and read in pages as the console does, and hot spots — the table and macro
 * stored by JS (`analysis/hotspots.ts`) and read back through SQL, with the console's example.
 * Examples calling the spatial UDFs are left out (`SKIPPED_EXAMPLES`): only duckdb-wasm's
 * blocking build can register JavaScript functions.
 */
import { SPATIAL_FUNCTIONS } from '$lib/data/spatial-functions';
import { HOTSPOT_SCHEMA, prepareHotspots } from '$lib/data/queries/hotspots';
import { CONSOLE_EXAMPLES } from '$lib/data/queries/console-examples';
import { materialise, queryResultColumns, queryResultPage } from '$lib/data/queries/console-result';
import { queryShapes } from '$lib/data/queries/shapes';
import { contiguity } from '$lib/geo/contiguity';
import { rows, type Case } from './engine-parity-run';

/**
 * Functions only duckdb-wasm's blocking build has (JavaScript UDFs). `dist_km` is a SQL macro and
 * `hotspots` a table macro over a table JS fills: both run anywhere and are compared below.
 */
const UDFS = SPATIAL_FUNCTIONS.map((f) => f.name).filter(
	(n) => n !== 'dist_km' && n !== 'hotspots'
);
const callsUdf = (sql: string) => UDFS.some((n) => new RegExp(`\\b${n}\\s*\\(`, 'i').test(sql));

/** Hot spots: the table and macro, stored by JS (analysis/hotspots.ts), read back through SQL. */
const hotspots: Case = {
	query: 'hotspots',
	label: 'collective income 2020 and the console’s example',
	ask: async (db) => {
		for (const s of HOTSPOT_SCHEMA) await db.query(s);
		const villages = await queryShapes(db, ['village', 'community']);
		const call = { key: 'collective_income', year: 2020 };
		await prepareHotspots(db, villages.codes, contiguity(villages.polygons), call);
		const example = CONSOLE_EXAMPLES.find((e) => e.id === 'spatial-hotspots')?.sql ?? '';
		return [
			await rows(db, `SELECT * FROM hotspots('collective_income', 2020)`),
			await rows(db, example)
		];
	}
};

export function consoleCases(): Case[] {
	const plainSql = CONSOLE_EXAMPLES.filter((e) => !callsUdf(e.sql) && e.id !== 'spatial-hotspots');
	const cases = plainSql.map((e): Case => ({
		query: 'console-examples',
		label: e.id,
		ask: (db) => rows(db, e.sql)
	}));
	// The console's path for a query: kept as a temporary table, read in pages by row id.
	const paged = `SELECT code, name, township, area_km2 FROM v_village ORDER BY code`;
	cases.push({
		query: 'console-result',
		label: 'a query materialised and paged',
		ask: async (db) => {
			const m = await materialise(db, paged);
			const page = await queryResultPage(db, 2, 5);
			return [
				m.kind === 'paged' ? m : null,
				page.toArray().map((r) => r.toJSON()),
				(await queryResultColumns(db, ['code'])).numRows
			];
		}
	});
	return [hotspots, ...cases];
}

export const SKIPPED_EXAMPLES = CONSOLE_EXAMPLES.filter((e) => callsUdf(e.sql)).map((e) => e.id);
