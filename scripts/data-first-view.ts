/**
 * CLI: `tsx scripts/data-first-view.ts <dir>…` writes the default view's answer
 * (`first-view.arrow`, see scripts/data/first-view.ts) into region folders already built, e.g.
 * the provinces of a national build made before the file existed.
 */
import { writeFirstView } from './data/first-view';

for (const dir of process.argv.slice(2)) {
	const t0 = performance.now();
	const rows = await writeFirstView(dir);
	console.log(`${dir}: first view, ${rows} rows, ${Math.round(performance.now() - t0)} ms`);
}
