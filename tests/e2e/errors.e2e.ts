/**
 * When something fails, a person sees a plain message, never a blank page or a stack trace.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';

const baseUrl = inject('baseUrl');
let s: Session | null = null;
afterEach(async () => {
	await s?.close();
	s = null;
});

describe('error screens', () => {
	it('says so when the region in the URL has no data', async () => {
		s = await openSession(baseUrl);
		await s.page.goto(`${baseUrl}/?region=999999`);
		const alert = s.page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.textContent()).resolves.toContain('找不到所选区域的数据');
		expect(await alert.textContent()).not.toMatch(/at \w+ \(|\.js:\d+/);
	});

	it('says so when the browser has no WebGL', async () => {
		s = await openSession(baseUrl);
		await s.page.addInitScript(() => {
			const original = HTMLCanvasElement.prototype.getContext;
			HTMLCanvasElement.prototype.getContext = function (
				this: HTMLCanvasElement,
				type: string,
				...rest: unknown[]
			) {
				if (type.startsWith('webgl')) return null;
				return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
			} as typeof original;
		});
		await s.page.goto(`${baseUrl}/`);
		const alert = s.page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.textContent()).resolves.toContain('WebGL');
	});

	it('says so when a data file is missing', async () => {
		s = await openSession(baseUrl);
		await s.page.route('**/indicator.arrow', (r) => r.fulfill({ status: 404, body: 'not found' }));
		await s.page.goto(`${baseUrl}/`);
		const alert = s.page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.textContent()).resolves.toContain('数据集无法加载');
	});

	it('says so when the data engine cannot start', async () => {
		s = await openSession(baseUrl);
		await s.page.context().route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'not found' }));
		await s.page.goto(`${baseUrl}/`);
		const alert = s.page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.textContent()).resolves.toContain('数据引擎（DuckDB）未能启动');
	});
});

describe('content security policy', () => {
	it('is strict, and stops a request to another origin before it is made', async () => {
		s = await openSession(baseUrl);
		await s.page.goto(`${baseUrl}/`);
		const csp = await s.page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
		expect(csp).toContain("worker-src 'self' blob:");
		expect(csp).toContain("connect-src 'self'");
		const blocked = await s.page.evaluate(async () => {
			let violated = '';
			document.addEventListener('securitypolicyviolation', (e) => (violated = e.violatedDirective));
			try {
				await fetch('https://tiles.example.invalid/0/0/0.png');
			} catch {
				// refused, as it must be
			}
			await new Promise((r) => setTimeout(r, 50));
			return violated;
		});
		expect(blocked).toBe('connect-src');
		expect(s.outside).toEqual([]);
	});

	it('blocks script injected into the page, and reports it', async () => {
		s = await openSession(baseUrl);
		await s.page.goto(`${baseUrl}/`);
		const result = await s.page.evaluate(async () => {
			const violations: string[] = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				violations.push(e.effectiveDirective)
			);
			const w = window as unknown as { __ran?: string[] };
			w.__ran = [];
			// An inline script and an inline event handler, as injected markup would carry them.
			const script = document.createElement('script');
			script.textContent = 'window.__ran.push("script")';
			document.body.append(script);
			const div = document.createElement('div');
			div.innerHTML = '<img src="data:," onerror="window.__ran.push(\'handler\')">';
			document.body.append(div);
			await new Promise((r) => setTimeout(r, 200));
			return { violations, ran: w.__ran };
		});
		expect(result.ran).toEqual([]);
		expect(result.violations).toContain('script-src-elem');
		expect(result.violations).toContain('script-src-attr');
	});
});
