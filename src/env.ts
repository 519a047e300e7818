import { defineEnvVars } from '@sveltejs/kit/env';
import { z } from 'zod';

// Read when the app starts, so one build serves any Supabase project (or the local gateway that
// `npm run dev` and the browser tests start). Optional here because `vite build` evaluates this
// file without them; the server refuses to talk to Supabase without them (src/lib/server/supabase.ts).
export const variables = defineEnvVars({
	PUBLIC_SUPABASE_URL: {
		public: true,
		description: 'Base URL of the Supabase API (a project, or the local gateway).',
		schema: z
			.url({
				error: 'PUBLIC_SUPABASE_URL must be the URL of a Supabase project or of the local gateway'
			})
			.optional()
	},
	PUBLIC_SUPABASE_ANON_KEY: {
		public: true,
		description: 'The anon (publishable) key of that Supabase API.',
		schema: z
			.string({ error: 'PUBLIC_SUPABASE_ANON_KEY must be set to the anon key' })
			.min(20, 'PUBLIC_SUPABASE_ANON_KEY looks too short to be a key')
			.optional()
	},
	PUBLIC_MAP_STYLE_URL: {
		public: true,
		description:
			'Optional MapLibre style URL for a remote basemap; the offline style is used without it.',
		schema: z.url().optional()
	}
});
