import { readFileSync } from 'node:fs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IngestError } from './boundary-types';
import { decodeZipName, readShapefileZip } from './shapefile-zip';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
const NO_CPG = fixture('boundary-gbk-no-cpg.zip');
const CPG = fixture('boundary-gbk-cpg936.zip');
const GK36 = fixture('boundary-gk36-prj.zip');

/** The fixture's files, renamed by a function (null drops a file). */
function rezip(zip: Uint8Array, rename: (name: string) => string | null): Uint8Array {
	const out: Zippable = {};
	for (const [name, data] of Object.entries(unzipSync(zip))) {
		const to = rename(name);
		if (to) out[to] = data;
	}
	return zipSync(out);
}

async function failure(bytes: Uint8Array, layer?: string): Promise<IngestError> {
	try {
		await readShapefileZip(bytes, layer);
	} catch (e) {
		if (e instanceof IngestError) return e;
		throw e;
	}
	throw new Error('expected an IngestError');
}

describe('readShapefileZip', () => {
	it('reads a GBK shapefile in a GBK-named folder, ignoring macOS junk', async () => {
		const r = await readShapefileZip(NO_CPG);
		expect(r.layers).toEqual(['紫阳县村界/cunjie']);
		expect(r.encoding).toEqual({ encoding: 'gbk', source: 'language-driver' });
		expect(r.prj).toBeNull();
		expect(r.raw.total).toBe(10);
		expect(Object.keys(r.raw.features[0]?.properties ?? {})).toEqual(['XZQDM', 'XZQMC', '乡镇']);
		for (const f of r.raw.features) expect(f.properties.XZQMC).toMatch(/^[\u4e00-\u9fff]+$/);
		expect(r.raw.notes).toEqual([]);
	});

	it('reads upper-case extensions, the .cpg and the .prj', async () => {
		const r = await readShapefileZip(CPG);
		expect(r.layer).toBe('ZY_CUN');
		expect(r.encoding.source).toBe('cpg');
		expect(r.prj).toMatch(/^GEOGCS\["GCS_China_Geodetic_Coordinate_System_2000"/);
	});

	it('asks which layer when there are several, and reads the one named', async () => {
		const both: Zippable = { ...unzipSync(GK36), ...unzipSync(CPG) };
		const zip = zipSync(both);
		const e = await failure(zip);
		expect(e.kind).toBe('several-layers');
		expect(e.layers).toEqual(['ZY_CUN', 'projected/zy_cun_gk36']);
		expect(e.reason_zh).toMatch(/2 个图层/);
		const r = await readShapefileZip(zip, 'zy_cun_gk36');
		expect(r.prj).toMatch(/GK_Zone_36/);
		expect(r.encoding.encoding).toBe('utf-8');
		expect((await readShapefileZip(zip, 'ZY_CUN.shp')).encoding.encoding).toBe('gbk');
		expect((await failure(zip, 'rivers')).kind).toBe('no-such-layer');
	});

	it('uses the only .prj/.cpg of the archive even under another name', async () => {
		const r = await readShapefileZip(
			rezip(CPG, (n) => (/\.(CPG|PRJ)$/.test(n) ? `other${n.slice(-4)}` : n))
		);
		expect(r.encoding.source).toBe('cpg');
		expect(r.prj).not.toBeNull();
	});

	it.each([
		['no .shp', (n: string) => (/\.shp$/i.test(n) ? null : n), 'missing-part', /\.shp/],
		['no .dbf', (n: string) => (/\.dbf$/i.test(n) ? null : n), 'missing-part', /\.dbf/]
	])('refuses a zip with %s', async (_, rename, kind, reason) => {
		const e = await failure(rezip(GK36, rename));
		expect(e.kind).toBe(kind);
		expect(e.reason_zh).toMatch(reason);
		expect(e.reason_en).toMatch(reason);
	});

	it('refuses a corrupt or truncated zip with a clear error', async () => {
		for (const bytes of [new Uint8Array([1, 2, 3]), GK36.subarray(0, GK36.length - 30)]) {
			const e = await failure(bytes);
			expect(e.kind).toBe('corrupt');
			expect(e.reason_en).toMatch(/cannot be unzipped/);
		}
	});

	it('notes a .dbf with a different number of records than the .shp', async () => {
		const files = unzipSync(GK36);
		const dbf = files['projected/zy_cun_gk36.dbf'] as Uint8Array;
		new DataView(dbf.buffer, dbf.byteOffset).setUint32(4, 12, true);
		const r = await readShapefileZip(zipSync(files));
		expect(r.raw.notes[0]?.reason_en).toMatch(/the \.shp has 10 records and the \.dbf 12/);
	});
});

describe('decodeZipName', () => {
	it('decodes a GBK name that fflate read as Latin-1, and leaves others alone', () => {
		const latin1 = String.fromCharCode(0xd7, 0xcf, 0xd1, 0xf4, 0xcf, 0xd8); // 紫阳县 in GBK
		expect(decodeZipName(`${latin1}/a.shp`)).toBe('紫阳县/a.shp');
		expect(decodeZipName('紫阳县/a.shp')).toBe('紫阳县/a.shp');
		expect(decodeZipName('plain/a.shp')).toBe('plain/a.shp');
		const utf8AsLatin1 = String.fromCharCode(...new TextEncoder().encode('村界'));
		expect(decodeZipName(utf8AsLatin1)).toBe('村界');
	});
});
