/**
 * The time now, as the app writes it: an ISO string for what it saves, a day (YYYY-MM-DD) for
 * file names. In a plain module so state classes do not hold Date objects (they are not state).
 */
export function nowIso(): string {
	return new Date().toISOString();
}

export function today(): string {
	return nowIso().slice(0, 10);
}
