/**
 * CLI: `npm run data:nation [-- --from out/national --out out/nation]` packs a national build
 * (`npm run data:build -- --region all`) into one dataset the app opens: `out/nation/100000`
 * (全国) with its index.json. See scripts/data/national-pack.ts.
 */
import { parseArgs } from 'node:util';
import { packNation } from './data/national-pack';

const { values } = parseArgs({
	options: {
		from: { type: 'string', default: 'out/national' },
		out: { type: 'string', default: 'out/nation' }
	}
});
const r = await packNation(values.from as string, values.out as string);
console.log(
	`${r.dir}: ${r.units} units, ${r.indicatorRows} indicator rows, vertices ${r.vertices.before} → ` +
		`${r.vertices.after}, in ${r.seconds} s`
);
