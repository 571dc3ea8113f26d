/**
 * The import worker: parses one file at a time off the page's thread, so a 50 MB shapefile
 * never freezes the map. The readers load on first use (proj4, xmldom, hyparquet, read-excel-file
 * are a few hundred KB the app does not need until someone imports). Whatever a malformed file
 * makes a reader do — a throw, a rejected promise nobody awaited — the page gets an answer.
 */
import type { BoundaryResult, IngestAnswer, IngestRequest } from './ingest-protocol';

const scope = self as unknown as {
	postMessage(m: IngestAnswer, transfer?: Transferable[]): void;
	addEventListener(type: string, fn: (e: Event) => void): void;
	onmessage: ((e: MessageEvent<IngestRequest>) => void) | null;
};

// A reader's stray promise that rejects later must not end up as an error in the page.
scope.addEventListener('unhandledrejection', (e) => e.preventDefault());

async function handle(req: IngestRequest): Promise<IngestAnswer> {
	if (req.kind === 'table') {
		const { readTableFile } = await import('./table-import');
		const result = await readTableFile(
			req.name,
			req.bytes,
			req.catalogue,
			req.regions,
			req.options
		);
		return { id: req.id, kind: 'table', result };
	}
	const [{ readBoundaryFile }, { joinBoundaries }] = await Promise.all([
		import('./boundary-import'),
		import('./boundary-join')
	]);
	const read = await readBoundaryFile(req.name, req.bytes, req.options);
	const result: BoundaryResult = read.ok
		? { ...read, join: joinBoundaries(read.features, req.regions) }
		: read;
	return { id: req.id, kind: 'boundary', result };
}

scope.onmessage = (event) => {
	const req = event.data;
	handle(req).then(
		(answer) => scope.postMessage(answer),
		(e: unknown) =>
			scope.postMessage({
				id: req.id,
				kind: 'crashed',
				message_zh: '读取文件时出错，文件可能已损坏',
				message_en: 'The file could not be read; it may be damaged',
				detail: e instanceof Error ? e.message : String(e)
			})
	);
};
