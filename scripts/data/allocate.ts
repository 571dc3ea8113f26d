/**
 * Integer allocation that hits a total exactly (largest remainder), with optional per-item caps.
 * Calibration needs exact sums: 紫阳县's 23,450 relocated households must add up to 23,450.
 */

export function allocate(
	total: number,
	weights: readonly number[],
	caps?: readonly number[]
): number[] {
	const n = weights.length;
	const out = new Array<number>(n).fill(0);
	if (n === 0 || total <= 0) return out;
	let remaining = total;
	let open = weights
		.map((w, i) => (w > 0 && (caps?.[i] ?? Infinity) > 0 ? i : -1))
		.filter((i) => i >= 0);
	// Caps can push the excess onto the others; repeat until it all fits.
	for (let round = 0; round < 50 && remaining > 0 && open.length > 0; round++) {
		const sum = open.reduce((s, i) => s + (weights[i] as number), 0);
		const shares = open.map((i) => (remaining * (weights[i] as number)) / sum);
		const floors = shares.map(Math.floor);
		let left = remaining - floors.reduce((s, f) => s + f, 0);
		const order = open
			.map((_, k) => k)
			.sort(
				(a, b) =>
					(shares[b] as number) -
						(floors[b] as number) -
						((shares[a] as number) - (floors[a] as number)) || a - b
			);
		for (const k of order) if (left-- > 0) floors[k] = (floors[k] as number) + 1;
		let placed = 0;
		open.forEach((i, k) => {
			const room = (caps?.[i] ?? Infinity) - (out[i] as number);
			const add = Math.min(floors[k] as number, room);
			out[i] = (out[i] as number) + add;
			placed += add;
		});
		remaining -= placed;
		open = open.filter((i) => (out[i] as number) < (caps?.[i] ?? Infinity));
	}
	if (remaining > 0) throw new Error(`allocate: cannot place ${remaining} of ${total} within caps`);
	return out;
}
