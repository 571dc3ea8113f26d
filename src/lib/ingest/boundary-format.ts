/**
 * Which kind of boundary file this is: by the name's extension first (what the user's system
 * says), else by the first bytes (a download without a name). A lone .shp is refused with the
 * advice to zip it with its .dbf, since the attributes (codes, names) live in the .dbf.
 */
import { unzipSync } from 'fflate';
import { IngestError } from './boundary-types';

export type BoundaryFormat = 'shapefile' | 'geojson' | 'kml' | 'kmz' | 'geoparquet';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A nameless zip is a KMZ when it holds KML and no .shp; only its directory is read. */
function zipHoldsKml(bytes: Uint8Array): boolean {
	const names: string[] = [];
	try {
		unzipSync(bytes, {
			filter: (f) => {
				names.push(f.name.toLowerCase());
				return false;
			}
		});
	} catch {
		return false;
	}
	return names.some((n) => n.endsWith('.kml')) && !names.some((n) => n.endsWith('.shp'));
}

/** The format from the file name's extension, else from the first bytes. */
export function detectFormat(name: string, bytes: Uint8Array): BoundaryFormat {
	const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
	if (ext === 'zip') return 'shapefile';
	if (ext === 'kmz') return 'kmz';
	if (ext === 'geojson' || ext === 'json') return 'geojson';
	if (ext === 'kml') return 'kml';
	if (ext === 'parquet' || ext === 'geoparquet') return 'geoparquet';
	if (['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(ext)) {
		throw new IngestError(
			'shapefile-not-zipped',
			'请把 Shapefile 的 .shp、.dbf、.shx、.prj、.cpg 一起压缩成 zip 再导入',
			'zip the shapefile (.shp, .dbf, .shx, .prj, .cpg together) and import the zip'
		);
	}
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipHoldsKml(bytes) ? 'kmz' : 'shapefile';
	if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) return 'geoparquet';
	const head = new TextDecoder()
		.decode(bytes.subarray(0, 64))
		.replace(/^\ufeff/, '')
		.trimStart();
	if (head.startsWith('{')) return 'geojson';
	if (head.startsWith('<')) return 'kml';
	throw new IngestError(
		'unsupported',
		'不支持的文件类型（可导入 zip 压缩的 Shapefile、GeoJSON、KML/KMZ、GeoParquet）',
		'unsupported file type (import a zipped shapefile, GeoJSON, KML/KMZ or GeoParquet)'
	);
}
