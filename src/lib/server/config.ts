// Server settings for accounts, mail, links and freshness, read once from the environment and
// checked with zod. Local defaults for the secrets and the public origin exist only while the app talks to a Supabase API on
// this machine (the local gateway of `npm run dev` and the tests): a server pointed at a real
// project must be given its own, whatever NODE_ENV says. This is the one module that reads these
// variables; the command-line job (scripts/jobs-liveness.ts) shares it, so they are not declared
// in src/env.ts, which only the app can read.
import { z } from 'zod';
import { parseSmtpUrl } from './mail/smtp-url.ts';
import { workersSetting } from './workers/count.ts';

/** True when PUBLIC_SUPABASE_URL is the local gateway (a loopback address). */
export function usesLocalGateway(supabaseUrl: string | undefined): boolean {
	try {
		return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(supabaseUrl ?? '').hostname);
	} catch {
		return false;
	}
}

/** The levels LOG_LEVEL may name (pino's, and `silent`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const LOCAL_LINK_SECRET = 'nabij-local-link-secret-not-for-production';
const LOCAL_JOBS_TOKEN = 'nabij-local-jobs-token';
// Where `npm run dev` serves the app.
const LOCAL_ORIGIN = 'http://127.0.0.1:5173';

const schema = z.object({
	// The app's public address, as adapter-node reads it: links in e-mails and QR codes start
	// with it, never with the Host header of the request that triggered them.
	ORIGIN: z
		.url('ORIGIN must be the public address of the app, e.g. https://nabij.example.org')
		.transform((value) => new URL(value).origin),
	NABIJ_LINK_SECRET: z.string().min(32, 'NABIJ_LINK_SECRET must be at least 32 characters'),
	NABIJ_JOBS_TOKEN: z.string().min(16, 'NABIJ_JOBS_TOKEN must be at least 16 characters'),
	SMTP_URL: z
		.string()
		.superRefine((value, ctx) => {
			try {
				parseSmtpUrl(value);
			} catch (error) {
				ctx.addIssue({ code: 'custom', message: (error as Error).message });
			}
		})
		.optional(),
	NABIJ_MAIL_FROM: z.string().min(3).default('Nabij <no-reply@nabij.invalid>'),
	NABIJ_MAILBOX_URL: z.url().optional(),
	NABIJ_MODERATION_EMAIL: z.string().default('moderation@nabij.invalid'),
	NABIJ_LIVENESS_CONFIRM_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
	NABIJ_LIVENESS_DORMANT_DAYS: z.coerce.number().int().min(1).max(3650).default(240),
	NABIJ_LIVENESS_LINK_DAYS: z.coerce.number().int().min(1).max(60).default(21),
	// Closed error reports are deleted this many days after closing (data minimisation).
	NABIJ_REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
	// `off` when a reverse proxy in front of the app compresses responses itself.
	NABIJ_COMPRESSION: z
		.enum(['on', 'off'], { error: 'NABIJ_COMPRESSION must be on or off' })
		.default('on')
});

export type Config = z.infer<typeof schema>;

// What the Node server reads besides the settings above: the Supabase API it talks to (declared
// for the app in src/env.ts, required here because a running server is useless without it), the
// adapter's reverse-proxy settings, and the log level. Checked once when the server starts.
const serverSchema = schema.extend({
	PUBLIC_SUPABASE_URL: z.url({
		error: 'PUBLIC_SUPABASE_URL must be set to the URL of the Supabase API (project or gateway)'
	}),
	PUBLIC_SUPABASE_ANON_KEY: z
		.string({ error: 'PUBLIC_SUPABASE_ANON_KEY must be set to the anon (publishable) key' })
		.min(20, 'PUBLIC_SUPABASE_ANON_KEY looks too short to be a key'),
	PUBLIC_MAP_STYLE_URL: z
		.url('PUBLIC_MAP_STYLE_URL must be the URL of a MapLibre style')
		.optional(),
	ADDRESS_HEADER: z
		.string()
		.regex(/^[a-z0-9-]+$/i, 'ADDRESS_HEADER must be a header name, e.g. x-forwarded-for')
		.optional(),
	XFF_DEPTH: z.coerce
		.number('XFF_DEPTH must be a whole number of trusted proxies (1 or more)')
		.int('XFF_DEPTH must be a whole number of trusted proxies (1 or more)')
		.min(1, 'XFF_DEPTH must be a whole number of trusted proxies (1 or more)')
		.optional(),
	PORT: z.coerce
		.number('PORT must be a port number (0 picks a free one)')
		.int('PORT must be a port number (0 picks a free one)')
		.min(0, 'PORT must be a port number (0 picks a free one)')
		.max(65535, 'PORT must be a port number (0 picks a free one)')
		.optional(),
	// Read by the primary process of build/index.js; checked here so a typo is listed with the rest.
	NABIJ_WORKERS: workersSetting,
	LOG_LEVEL: z
		.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
		.default('info')
});

export type ServerConfig = z.infer<typeof serverSchema>;

/** The environment with the local defaults filled in, while the API is the local gateway. */
function withLocalDefaults(env: Record<string, string | undefined>) {
	const local = usesLocalGateway(env.PUBLIC_SUPABASE_URL);
	// An empty variable (`FOO=` in an env file) counts as unset.
	const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	return {
		...given,
		NABIJ_LINK_SECRET: given.NABIJ_LINK_SECRET ?? (local ? LOCAL_LINK_SECRET : undefined),
		NABIJ_JOBS_TOKEN: given.NABIJ_JOBS_TOKEN ?? (local ? LOCAL_JOBS_TOKEN : undefined),
		ORIGIN: given.ORIGIN ?? (local ? LOCAL_ORIGIN : undefined)
	};
}

/** One line per wrong or missing variable, naming it. */
function describe(issues: z.core.$ZodIssue[]): string[] {
	return issues.map((issue) => {
		const name = issue.path.join('.');
		const missing = issue.code === 'invalid_type' && issue.input === undefined;
		const why = missing && !issue.message.includes(name) ? `${name} is required` : issue.message;
		return why.includes(name) ? `- ${why}` : `- ${name}: ${why}`;
	});
}

/**
 * Checks every server setting and returns the problems, one readable line per variable (empty
 * when all is well). Pure: takes the environment as an argument.
 *
 * @example checkServerSettings({ PUBLIC_SUPABASE_URL: 'https://x.example.org' })
 * // ['- PUBLIC_SUPABASE_ANON_KEY must be set…', '- NABIJ_LINK_SECRET is required', …]
 */
export function checkServerSettings(env: Record<string, string | undefined>): string[] {
	const result = serverSchema.safeParse(withLocalDefaults(env));
	const problems = result.success ? [] : describe(result.error.issues);
	// Only the local gateway has a mailbox: a real project's mail goes out through SMTP.
	if (!usesLocalGateway(env.PUBLIC_SUPABASE_URL) && !env.SMTP_URL) {
		problems.push('- SMTP_URL is required when the Supabase API is not the local gateway');
	}
	return problems;
}

/**
 * Validates every server setting at start-up and throws one message listing each missing or
 * wrong variable, so a misconfigured deployment stops at once instead of failing on first use.
 */
export function assertServerSettings(env: Record<string, string | undefined> = process.env): void {
	const problems = checkServerSettings(env);
	if (problems.length) {
		throw new Error(
			`Nabij cannot start: ${problems.length} setting(s) missing or wrong (see .env.example):\n${problems.join('\n')}`
		);
	}
}

let cached: Config | undefined;

/**
 * The validated settings. Throws at first use with every problem listed when the environment is
 * wrong, e.g. a server pointed at a real Supabase project without NABIJ_LINK_SECRET.
 */
export function config(): Config {
	if (cached) return cached;
	const result = schema.safeParse(withLocalDefaults(process.env));
	if (!result.success) {
		throw new Error(`Invalid server settings:\n${describe(result.error.issues).join('\n')}`);
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
