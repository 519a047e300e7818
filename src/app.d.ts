// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted by the user when reporting a problem; the same id is in the server log. */
			id?: string;
		}
	}
}

export {};
