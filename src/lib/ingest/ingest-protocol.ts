/**
 * What the page and the import worker say to each other: one request per file (an indicator
 * table or a boundary file, with the catalogue and the region's units it is matched against),
 * one answer carrying the reader's result — a report, or a failure with a reason in Chinese and
 * English. A worker that breaks answers `crashed` rather than leaving the page waiting.
 */
import type { BoundaryImport, BoundaryImportOptions } from './boundary-import';
import type { BoundaryJoin } from './boundary-join';
import type { CatalogueIndicator } from './header-text';
import type { RegionUnit } from './name-match';
import type { TableImport, TableImportOptions } from './table-import';

export type IngestRequest =
	| {
			id: number;
			kind: 'table';
			name: string;
			bytes: Uint8Array;
			catalogue: CatalogueIndicator[];
			regions: RegionUnit[];
			options: TableImportOptions;
	  }
	| {
			id: number;
			kind: 'boundary';
			name: string;
			bytes: Uint8Array;
			regions: RegionUnit[];
			options: BoundaryImportOptions;
	  };

export type BoundaryResult = BoundaryImport & { join?: BoundaryJoin };

export type IngestAnswer =
	| { id: number; kind: 'table'; result: TableImport }
	| { id: number; kind: 'boundary'; result: BoundaryResult }
	| { id: number; kind: 'crashed'; message_zh: string; message_en: string; detail: string };
