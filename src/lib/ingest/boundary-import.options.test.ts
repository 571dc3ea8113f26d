import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundaryFile } from './boundary-import';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

describe('readBoundaryFile options and errors', () => {
	it('applies the GCJ-02 correction on request, moving every village a few hundred metres', async () => {
		const r = await readBoundaryFile('v.kml', fixture('boundary-villages.kml'), {
			correctFrom: 'gcj02'
		});
		if (!r.ok) throw new Error(r.error.reason_en);
		expect(r.report.notes.some((n) => /GCJ-02/.test(n.reason_en))).toBe(true);
		const plain = await readBoundaryFile('v.kml', fixture('boundary-villages.kml'));
		if (!plain.ok) throw new Error(plain.error.reason_en);
		r.features.forEach((f, i) => {
			const [x, y] = f.polygons[0]?.[0]?.[0] ?? [0, 0];
			const [px, py] = plain.features[i]?.polygons[0]?.[0]?.[0] ?? [0, 0];
			expect(Math.hypot(x - px, y - py)).toBeGreaterThan(0.001);
			expect(Math.hypot(x - px, y - py)).toBeLessThan(0.01);
		});
	});

	it('returns the layer list when a zip holds several, and reads the layer asked for', async () => {
		const zip = zipSync({
			...unzipSync(fixture('boundary-gk36-prj.zip')),
			...unzipSync(fixture('boundary-gbk-cpg936.zip'))
		});
		const r = await readBoundaryFile('two.zip', zip);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.error).toMatchObject({
				kind: 'several-layers',
				layers: ['ZY_CUN', 'projected/zy_cun_gk36']
			});
		const one = await readBoundaryFile('two.zip', zip, { layer: 'ZY_CUN' });
		expect(one.ok && one.report.imported).toBe(10);
	});

	it('a projected file read as lon/lat by the user’s wrong CRS is rejected feature by feature', async () => {
		const r = await readBoundaryFile('gk.zip', fixture('boundary-gk36-prj.zip'), {
			crs: 'EPSG:4490'
		});
		if (!r.ok) throw new Error(r.error.reason_en);
		expect(r.report.imported).toBe(0);
		expect(r.report.rejected).toHaveLength(10);
		expect(r.report.rejected[0]?.reason_en).toBe('coordinates outside China; check the projection');
	});
});
