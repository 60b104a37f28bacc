// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Content problems, one line each, when the content folder is invalid (dev only). */
			problems?: string[];
		}
	}
}

export {};
