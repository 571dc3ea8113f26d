/** `{name}` placeholders of a UI text filled from `vars` (left as they are when missing). */
export function fillText(text: string, vars: Record<string, string | number> = {}): string {
	return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
