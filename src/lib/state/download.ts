/**
 * Saves a file the app made (a CSV, GeoJSON or XLSX export) to the user's disk, the way a link
 * with `download` does, so it works offline and from plain static hosting with no server round
 * trip. Browser only. The name goes through safeFileName first: it comes from a region or query
 * title, and a `/` in it would otherwise be read as a folder.
 */
import { safeFileName } from '$lib/analysis/table-export';

/**
 * How long the object URL outlives the click: revoking at once can cancel the download in some
 * browsers (FileSaver.js waits 40 s for the same reason); holding one blob a little longer is cheap.
 */
const REVOKE_AFTER_MS = 40_000;

/** Starts the download of `blob` as `filename` (made safe; Chinese kept). */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = safeFileName(filename);
	link.rel = 'noopener';
	link.style.display = 'none';
	// Firefox clicks only links that are in the document.
	document.body.append(link);
	try {
		link.click();
	} finally {
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
	}
}
