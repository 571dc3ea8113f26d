/**
 * The indicator-table import in real Chromium, inside a module worker (no DOM): each fixture
 * comes back as a report, GB18030 decoded and xlsx read through read-excel-file/universal.
 */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import gbCsvUrl from '../../../tests/fixtures/import/gb18030-names.csv?url';
import mergedUrl from '../../../tests/fixtures/import/merged-title.xlsx?url';
import wideUrl from '../../../tests/fixtures/import/wide-by-year.xlsx?url';
import type { CatalogueIndicator } from './header-text';
import type { RegionUnit } from './name-match';
import type { TableImport } from './table-import';

// static/ is served at the root, as in the app.
const DATA = '/data/610924';
const bytesAt = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

async function importInWorker(name: string, url: string): Promise<TableImport> {
	const { catalogue } = (await (await fetch(`${DATA}/manifest.json`)).json()) as {
		catalogue: CatalogueIndicator[];
	};
	const regions = tableFromIPC(await bytesAt(`${DATA}/region.arrow`))
		.toArray()
		.map((row) => row.toJSON() as RegionUnit);
	const worker = new Worker(new URL('./table-probe-worker.ts', import.meta.url), {
		type: 'module'
	});
	try {
		return await new Promise<TableImport>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<TableImport>) => resolve(event.data);
			worker.onerror = (event) => reject(new Error(event.message));
			void bytesAt(url).then((bytes) => worker.postMessage({ name, bytes, catalogue, regions }));
		});
	} finally {
		worker.terminate();
	}
}

describe('readTableFile in a module worker', () => {
	it.each([
		['gb18030-names.csv', gbCsvUrl, 9, 'gb18030'],
		['merged-title.xlsx', mergedUrl, 5, null],
		['wide-by-year.xlsx', wideUrl, 4, null]
	])('imports %s', async (name, url, matched, encoding) => {
		const result = await importInWorker(name, url);
		if (!result.ok) throw new Error(result.message_en);
		expect(result.report.matched).toBe(matched);
		expect(result.report.encoding).toBe(encoding);
		expect(result.preview.flat().join('')).toMatch(/[\u4e00-\u9fff]/);
	});
});
