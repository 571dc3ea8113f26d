/**
 * Serves the built app for the whole e2e run and hands its URL to the tests.
 */
import type { TestProject } from 'vitest/node';
import { startPreview } from '../../scripts/preview-server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

let stop: (() => void) | null = null;

export async function setup(project: TestProject) {
	const server = await startPreview();
	stop = server.stop;
	project.provide('baseUrl', server.baseUrl);
}

export async function teardown() {
	stop?.();
}
