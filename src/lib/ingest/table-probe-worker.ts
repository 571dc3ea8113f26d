/**
 * Test-only module worker for `table-import.browser.test.ts`: runs `readTableFile` inside a real
 * dedicated worker in Chromium, to prove the whole table path — read-excel-file's universal
 * entry, fflate, papaparse, TextDecoder('gb18030') — needs nothing a worker lacks. The app's own
 * import worker is the integrator's; this one only answers one message with one result.
 */
import type { CatalogueIndicator } from './header-text';
import type { RegionUnit } from './name-match';
import { readTableFile } from './table-import';

interface ProbeRequest {
	name: string;
	bytes: Uint8Array;
	catalogue: CatalogueIndicator[];
	regions: RegionUnit[];
}

self.onmessage = async (event: MessageEvent<ProbeRequest>) => {
	const { name, bytes, catalogue, regions } = event.data;
	self.postMessage(await readTableFile(name, bytes, catalogue, regions));
};
