import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { signedArea } from '../geo/ring';
import type { Point, Polygons } from '../geo/types';
import { validatePolygons } from '../geo/validate';
import { decodeWkb } from '../geo/wkb';
import { readBoundaryFile, type BoundaryImport } from './boundary-import';
import type { BoundaryFeature } from './boundary-types';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

/** The source of truth: 紫阳县's committed region and boundary tables. */
function sourceVillages() {
	const dir = 'static/data/610924';
	const names = new Map<string, { name: string; parent: string }>();
	for (const row of tableFromIPC(readFileSync(`${dir}/region.arrow`))) {
		const r = row.toJSON() as { code: string; name: string; parent_code: string };
		names.set(r.code, { name: r.name, parent: r.parent_code });
	}
	const out = new Map<string, { name: string; township: string; polygons: Polygons }>();
	for (const row of tableFromIPC(readFileSync(`${dir}/boundary.arrow`))) {
		const b = row.toJSON() as { code: string; geom_wkb: Uint8Array };
		const r = names.get(b.code);
		if (!r) continue;
		const township = names.get(r.parent)?.name ?? '';
		out.set(b.code, { name: r.name, township, polygons: decodeWkb(b.geom_wkb) });
	}
	return out;
}
const SOURCE = sourceVillages();

/** Area-weighted planar centroid (holes subtract, whatever the winding), in degrees. */
function centroid(polygons: Polygons): Point {
	let a = 0;
	let cx = 0;
	let cy = 0;
	for (const polygon of polygons) {
		polygon.forEach((ring, r) => {
			let area = 0;
			let x = 0;
			let y = 0;
			for (let i = 0; i + 1 < ring.length; i++) {
				const [x0, y0] = ring[i] as Point;
				const [x1, y1] = ring[i + 1] as Point;
				const cross = x0 * y1 - x1 * y0;
				area += cross / 2;
				x += (x0 + x1) * cross;
				y += (y0 + y1) * cross;
			}
			const k = Math.sign(area) * (r === 0 ? 1 : -1);
			a += k * area;
			cx += k * x;
			cy += k * y;
		});
	}
	return [cx / (6 * a), cy / (6 * a)];
}

function expectImported(
	result: BoundaryImport,
	codeKey: string,
	nameKey: string,
	townKey?: string
) {
	if (!result.ok) throw new Error(result.error.reason_en);
	const { report, features } = result;
	// Every record accounted for.
	expect(report.imported + report.skipped.length + report.rejected.length).toBe(
		report.featuresRead
	);
	expect(features).toHaveLength(report.imported);
	const seen = new Set<number>();
	for (const n of [...features, ...report.skipped, ...report.rejected]) seen.add(n.featureIndex);
	expect(seen.size).toBe(report.featuresRead);
	for (const f of features) expectVillage(f, codeKey, nameKey, townKey);
	return result;
}

const skipCentroid = new Set<string>();

function expectVillage(f: BoundaryFeature, codeKey: string, nameKey: string, townKey?: string) {
	const code = String(f.properties[codeKey]);
	const source = SOURCE.get(code);
	expect(source, `village ${code}`).toBeDefined();
	if (!source) return;
	// Names readable: exactly the source's strings.
	expect(f.properties[nameKey]).toBe(source.name);
	if (townKey) expect(f.properties[townKey]).toBe(source.township);
	// Winding fixed and geometry valid.
	expect(validatePolygons(f.polygons)).toEqual([]);
	for (const polygon of f.polygons) {
		polygon.forEach((ring, i) => expect(signedArea(ring) > 0).toBe(i === 0));
	}
	// In place: centroid within 0.001° of the source village's.
	if (skipCentroid.has(`${code}`)) return;
	const [x, y] = centroid(f.polygons);
	const [sx, sy] = centroid(source.polygons);
	expect(Math.abs(x - sx)).toBeLessThan(0.001);
	expect(Math.abs(y - sy)).toBeLessThan(0.001);
}

describe('readBoundaryFile on the fixtures', () => {
	it('GBK shapefile without .cpg: language driver 0x4D, names exact, rings turned, all ten in place', async () => {
		const r = expectImported(
			await readBoundaryFile('村界.zip', fixture('boundary-gbk-no-cpg.zip')),
			'XZQDM',
			'XZQMC',
			'乡镇'
		);
		if (!r.ok) return;
		expect(r.report).toMatchObject({
			format: 'shapefile',
			layer: '紫阳县村界/cunjie',
			featuresRead: 10,
			imported: 10
		});
		expect(r.report.encoding).toEqual({ name: 'gbk', source: 'language-driver' });
		expect(r.report.crs).toMatchObject({ kind: 'geographic', how: 'assumed' });
		expect(r.report.windingFixed).toBe(10);
	});

	it('GBK shapefile with .cpg = 936 and upper-case extensions', async () => {
		const r = expectImported(
			await readBoundaryFile('ZY_CUN.ZIP', fixture('boundary-gbk-cpg936.zip')),
			'XZQDM',
			'XZQMC',
			'乡镇'
		);
		if (!r.ok) return;
		expect(r.report.encoding).toEqual({ name: 'gbk', source: 'cpg' });
		expect(r.report.crs).toMatchObject({ kind: 'geographic', datum: 'CGCS2000', how: 'prj' });
	});

	it('projected shapefile (CGCS2000 3° GK zone 36, prefixed easting) lands in place', async () => {
		const r = expectImported(
			await readBoundaryFile('gk.zip', fixture('boundary-gk36-prj.zip')),
			'XZQDM',
			'XZQMC',
			'乡镇'
		);
		if (!r.ok) return;
		expect(r.report.crs).toMatchObject({ kind: 'projected', datum: 'CGCS2000', how: 'prj' });
		expect(r.report.crs.name_zh).toContain('第36带');
		expect(r.report.encoding).toEqual({ name: 'utf-8', source: 'detected' });
		expect(r.report.imported).toBe(10);
	});

	it('the same projected shapefile without its .prj: the zone is guessed, and said to be', async () => {
		const files = unzipSync(fixture('boundary-gk36-prj.zip'));
		delete files['projected/zy_cun_gk36.prj'];
		const r = expectImported(await readBoundaryFile('gk.zip', zipSync(files)), 'XZQDM', 'XZQMC');
		if (!r.ok) return;
		expect(r.report.crs).toMatchObject({
			how: 'guessed',
			name_en: expect.stringContaining('zone 36')
		});
		expect(r.report.notes.some((n) => /推测/.test(n.reason_zh))).toBe(true);
	});

	it('the same with a .prj that lacks the zone prefix (CM 108E): prefix removed, in place', async () => {
		const files = unzipSync(fixture('boundary-gk36-prj.zip'));
		const prj = new TextDecoder().decode(files['projected/zy_cun_gk36.prj']);
		files['projected/zy_cun_gk36.prj'] = new TextEncoder().encode(
			prj.replace('GK_Zone_36', 'GK_CM_108E').replace('36500000.0', '500000.0')
		);
		const r = expectImported(await readBoundaryFile('gk.zip', zipSync(files)), 'XZQDM', 'XZQMC');
		if (!r.ok) return;
		expect(r.report.notes.some((n) => /prefix 36/.test(n.reason_en))).toBe(true);
	});

	it('GeoJSON: the bow-tie repaired or rejected with a reason, the unclosed ring closed, the point skipped', async () => {
		const r = await readBoundaryFile('villages.geojson', fixture('boundary-bowtie.geojson'));
		if (!r.ok) throw new Error(r.error.reason_en);
		const bowTieCode = String(
			JSON.parse(readFileSync('tests/fixtures/import/boundary-bowtie.geojson', 'utf8')).features[1]
				.properties.code
		);
		skipCentroid.add(bowTieCode);
		expectImported(r, 'code', 'name', 'township');
		const { report } = r;
		expect(report.featuresRead).toBe(11);
		const bowTie = [...report.repaired, ...report.rejected].find((n) => n.featureIndex === 1);
		expect(bowTie?.reason_zh).toMatch(/自相交/);
		expect(bowTie?.reason_en).toMatch(/self-intersecting/);
		expect(report.fixed).toContainEqual({
			featureIndex: 3,
			reason_zh: '环未闭合，已闭合',
			reason_en: 'unclosed ring closed'
		});
		expect(report.windingFixed).toBeGreaterThanOrEqual(1);
		expect(report.skipped).toMatchObject([
			{ featureIndex: 10, reason_en: 'a Point, not a polygon; not imported' }
		]);
		expect(report.crs).toMatchObject({ datum: 'WGS84', how: 'format' });
	});

	it('KML and GeoParquet land in place too', async () => {
		const kml = expectImported(
			await readBoundaryFile('v.kml', fixture('boundary-villages.kml')),
			'code',
			'name',
			'township'
		);
		expect(kml.ok && kml.report.imported).toBe(10);
		const pq = expectImported(
			await readBoundaryFile('v.parquet', fixture('boundary-villages.parquet')),
			'code',
			'name',
			'township'
		);
		expect(pq.ok && pq.report).toMatchObject({
			imported: 10,
			crs: { datum: 'CGCS2000', how: 'epsg' }
		});
	});
});
