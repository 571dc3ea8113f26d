// Ambient types for SvelteKit (see the SvelteKit docs on app.d.ts).
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
