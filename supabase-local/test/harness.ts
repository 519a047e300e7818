// Test helpers: start the gateway on either executor. PostgreSQL runs only when
// NABIJ_PG_ADMIN_URL names a superuser URL; each caller gets a fresh database, dropped after.
import { fileURLToPath } from 'node:url';
import { signJwt } from '../src/jwt.ts';
import { createScratchDatabase } from '../src/pg-database.ts';
import { startGateway, type Gateway, type GatewayOptions } from '../src/server.ts';

export const FIXTURE_MIGRATIONS = fileURLToPath(new URL('./fixtures/migrations', import.meta.url));

export type ExecutorKind = 'pglite' | 'postgres';

/** The executors to run on here: PGlite always, PostgreSQL when NABIJ_PG_ADMIN_URL is set. */
export function executorKinds(): ExecutorKind[] {
	return process.env.NABIJ_PG_ADMIN_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Starts a gateway on a random port with the fixture migrations, on `kind`. */
export async function startTestGateway(
	kind: ExecutorKind,
	options: Omit<GatewayOptions, 'executor' | 'dataDir' | 'databaseUrl' | 'adminDatabaseUrl'> = {}
): Promise<Gateway> {
	const migrationsDir = options.migrationsDir ?? FIXTURE_MIGRATIONS;
	const maxRows = options.maxRows === undefined ? 1000 : options.maxRows;
	const rest = { ...options, port: 0, migrationsDir, maxRows };
	if (kind === 'pglite') return startGateway({ ...rest, dataDir: null });
	const adminUrl = process.env.NABIJ_PG_ADMIN_URL;
	if (!adminUrl) throw new Error('NABIJ_PG_ADMIN_URL is not set');
	const db = await createScratchDatabase(adminUrl);
	const gateway = await startGateway({
		executor: 'postgres',
		databaseUrl: db.databaseUrl,
		adminDatabaseUrl: db.adminDatabaseUrl,
		...rest
	});
	return {
		...gateway,
		async stop() {
			await gateway.stop();
			await db.drop();
		}
	};
}

/** An access token for a signed-in user, as GoTrue would mint it. */
export function userToken(
	secret: string,
	sub: string,
	extra: Record<string, unknown> = {}
): string {
	const now = Math.floor(Date.now() / 1000);
	return signJwt(
		{
			sub,
			role: 'authenticated',
			aud: 'authenticated',
			iat: now,
			exp: now + 3600,
			...extra
		},
		secret
	);
}
