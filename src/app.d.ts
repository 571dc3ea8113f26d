// Ambient types for SvelteKit (see the SvelteKit docs on app.d.ts).
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** The map view's query string, so back/forward restores the view (shallow routing). */
			view?: string;
		}
		// interface Platform {}
	}
}

export {};
