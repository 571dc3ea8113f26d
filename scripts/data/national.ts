/**
 * National benchmark build (placeholder until implemented).
 */
export async function buildNational(_out: string, _seed: number): Promise<Record<string, unknown>> {
	throw new Error('national build not implemented yet');
}
