// Server settings for accounts, mail and freshness, read once from the environment and checked
// with zod. Local defaults let `npm run dev` and the tests run; in production (NODE_ENV=production)
// the secrets must be set. Until these are declared in src/env.ts, this is the one module that
// reads process.env for them.
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production' && !process.env.NABIJ_MAILBOX_URL;

const LOCAL_LINK_SECRET = 'nabij-local-link-secret-not-for-production';
const LOCAL_JOBS_TOKEN = 'nabij-local-jobs-token';

const schema = z.object({
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
	NABIJ_LIVENESS_LINK_DAYS: z.coerce.number().int().min(1).max(60).default(21)
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

/**
 * The validated settings. Throws at first use with every problem listed when the environment is
 * wrong, e.g. a production server without NABIJ_LINK_SECRET.
 */
export function config(): Config {
	if (cached) return cached;
	const env = process.env;
	const result = schema.safeParse({
		...env,
		NABIJ_LINK_SECRET: env.NABIJ_LINK_SECRET ?? (isProduction ? undefined : LOCAL_LINK_SECRET),
		NABIJ_JOBS_TOKEN: env.NABIJ_JOBS_TOKEN ?? (isProduction ? undefined : LOCAL_JOBS_TOKEN)
	});
	if (!result.success) {
		throw new Error(
			`Invalid account settings: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
		);
	}
	cached = result.data;
	return cached;
}
