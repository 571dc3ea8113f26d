/**
 * `npm test`: every check and test, in the order a reviewer would want them to fail:
 * provision (Chromium, CJK font) → lint → format → type check → unit tests (real DuckDB) → build →
 * end-to-end tests (real Chromium). Ends with one line `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { provision } from './provision.js';

provision();
mkdirSync('test-results', { recursive: true });

let passed = 0;
let failed = 0;
let broken = [];

function step(name, cmd, args) {
	console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	if (r.status !== 0) broken.push(name);
	return r.status === 0;
}

function count(file) {
	try {
		const j = JSON.parse(readFileSync(file, 'utf8'));
		passed += j.numPassedTests ?? 0;
		failed += j.numFailedTests ?? 0;
	} catch {
		// the runner died before writing; it is already listed as broken
	}
}

step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
step('types', 'npm', ['run', '--silent', 'check']);
step('unit', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile=test-results/unit.json'
]);
count('test-results/unit.json');
if (step('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
	step('e2e', 'npx', [
		'vitest',
		'run',
		'--config',
		'vitest.e2e.config.ts',
		'--reporter=default',
		'--reporter=json',
		'--outputFile=test-results/e2e.json'
	]);
	count('test-results/e2e.json');
}

console.log('');
if (broken.length) console.log(`failed steps: ${broken.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(broken.length || failed ? 1 : 0);
