/**
 * Makes sure the machine has what the tests need: Debian's Chromium, a CJK font, and poppler's
 * pdftotext/pdfinfo/pdffonts (the print tests read the PDFs the app makes).
 * Installs them with apt-get when they are missing and we are root; otherwise says exactly what
 * to install. Never downloads a browser of its own.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasCjkFont() {
	const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
	return r.status === 0 && r.stdout.trim().length > 0;
}

export function provision() {
	const missing = [];
	if (!existsSync(CHROMIUM)) missing.push('chromium');
	if (!hasCjkFont()) missing.push('fonts-noto-cjk');
	if (spawnSync('which', ['pdftotext']).status !== 0) missing.push('poppler-utils');
	if (missing.length === 0) return;
	const isRoot = process.getuid?.() === 0;
	const hasApt = spawnSync('which', ['apt-get']).status === 0;
	if (isRoot && hasApt) {
		console.log(`Installing ${missing.join(' ')} with apt-get …`);
		execSync('apt-get update -qq', { stdio: 'inherit' });
		execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
			stdio: 'inherit'
		});
		return;
	}
	console.error(
		`The tests need: ${missing.join(', ')}.\n` +
			`Install them, then run the tests again:\n` +
			`  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk poppler-utils\n` +
			`(or set CHROMIUM_PATH to a Chromium binary)`
	);
	process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) provision();
