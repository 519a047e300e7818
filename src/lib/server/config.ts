// Server settings for accounts, mail, links and freshness, read once from the environment and
// checked with zod. Local defaults for the secrets and the public origin exist only while the app talks to a Supabase API on
// this machine (the local gateway of `npm run dev` and the tests): a server pointed at a real
// project must be given its own, whatever NODE_ENV says. This is the one module that reads these
// variables; the command-line job (scripts/jobs-liveness.ts) shares it, so they are not declared
// in src/env.ts, which only the app can read.
import { z } from 'zod';

/** True when PUBLIC_SUPABASE_URL is the local gateway (a loopback address). */
export function usesLocalGateway(supabaseUrl: string | undefined): boolean {
	try {
		return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(supabaseUrl ?? '').hostname);
	} catch {
		return false;
	}
}

const LOCAL_LINK_SECRET = 'nabij-local-link-secret-not-for-production';
const LOCAL_JOBS_TOKEN = 'nabij-local-jobs-token';
// Where `npm run dev` serves the app.
const LOCAL_ORIGIN = 'http://127.0.0.1:5173';

const schema = z.object({
	// The app's public address, as adapter-node reads it: links in e-mails and QR codes start
	// with it, never with the Host header of the request that triggered them.
	ORIGIN: z
		.url('ORIGIN must be the public address of the app, e.g. https://nabij.example')
		.transform((value) => new URL(value).origin),
	NABIJ_LINK_SECRET: z.string().min(32, 'NABIJ_LINK_SECRET must be at least 32 characters'),
	NABIJ_JOBS_TOKEN: z.string().min(16, 'NABIJ_JOBS_TOKEN must be at least 16 characters'),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'SMTP_URL must look like smtp(s)://user:password@host:port')
		.optional(),
	NABIJ_MAIL_FROM: z.string().min(3).default('Nabij <no-reply@nabij.invalid>'),
	NABIJ_MAILBOX_URL: z.url().optional(),
	NABIJ_MODERATION_EMAIL: z.string().default('moderation@nabij.invalid'),
	NABIJ_LIVENESS_CONFIRM_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
	NABIJ_LIVENESS_DORMANT_DAYS: z.coerce.number().int().min(1).max(3650).default(240),
	NABIJ_LIVENESS_LINK_DAYS: z.coerce.number().int().min(1).max(60).default(21),
	// Closed error reports are deleted this many days after closing (data minimisation).
	NABIJ_REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90)
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

/**
 * The validated settings. Throws at first use with every problem listed when the environment is
 * wrong, e.g. a server pointed at a real Supabase project without NABIJ_LINK_SECRET.
 */
export function config(): Config {
	if (cached) return cached;
	const env = process.env;
	const local = usesLocalGateway(env.PUBLIC_SUPABASE_URL);
	const result = schema.safeParse({
		...env,
		NABIJ_LINK_SECRET: env.NABIJ_LINK_SECRET ?? (local ? LOCAL_LINK_SECRET : undefined),
		NABIJ_JOBS_TOKEN: env.NABIJ_JOBS_TOKEN ?? (local ? LOCAL_JOBS_TOKEN : undefined),
		ORIGIN: env.ORIGIN ?? (local ? LOCAL_ORIGIN : undefined)
	});
	if (!result.success) {
		throw new Error(
			`Invalid account settings: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
		);
	}
	cached = result.data;
	return cached;
}

/** The app's public origin for links in e-mails and QR codes, e.g. `https://nabij.example`. */
export function publicOrigin(): string {
	return config().ORIGIN;
}

/** Forgets the settings read so far (tests that change the environment). */
export function resetConfig(): void {
	cached = undefined;
}
