/**
 * Launches Debian's Chromium (never a downloaded browser) headless, with the flags that keep it
 * off the network and give it WebGL through SwiftShader on machines without a GPU. Playwright
 * gives every launch a fresh, empty profile.
 */
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium() {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader',
			'--enable-precise-memory-info'
		]
	});
}
