// Test helpers: start the gateway on either executor. PostgreSQL runs only when
// NABIJ_PG_ADMIN_URL names a superuser URL; each caller gets a fresh database, dropped after.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { signJwt } from '../src/jwt.ts';
import { applyBootstrap } from '../src/migrate.ts';
import { createPostgresExecutor } from '../src/executors/postgres.ts';
import { startGateway, type Gateway } from '../src/server.ts';

export const FIXTURE_MIGRATIONS = fileURLToPath(new URL('./fixtures/migrations', import.meta.url));

export type ExecutorKind = 'pglite' | 'postgres';

/** The executors to run on here: PGlite always, PostgreSQL when NABIJ_PG_ADMIN_URL is set. */
export function executorKinds(): ExecutorKind[] {
	return process.env.NABIJ_PG_ADMIN_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function withDatabase(url: string, database: string, user?: { name: string; password: string }) {
	const u = new URL(url);
	u.pathname = `/${database}`;
	if (user) {
		u.username = user.name;
		u.password = user.password;
	}
	return u.toString();
}

/** A fresh, bootstrapped PostgreSQL database, with `authenticator` able to log in. */
export async function createTestDatabase(adminUrl: string) {
	const name = `nabij_test_${randomBytes(6).toString('hex')}`;
	const root = new pg.Client({ connectionString: adminUrl });
	await root.connect();
	try {
		await root.query(`create database ${name}`);
		await root.query(`alter database ${name} set timezone to 'UTC'`);
	} finally {
		await root.end();
	}
	const adminDatabaseUrl = withDatabase(adminUrl, name);
	const password = 'authenticator-local-password';
	const databaseUrl = withDatabase(adminUrl, name, { name: 'authenticator', password });
	const setup = createPostgresExecutor({ databaseUrl, adminDatabaseUrl });
	try {
		await applyBootstrap(setup);
		await setup.admin((q) => q(`alter role authenticator with login password '${password}'`));
	} finally {
		await setup.close();
	}
	return {
		name,
		databaseUrl,
		adminDatabaseUrl,
		async drop() {
			const c = new pg.Client({ connectionString: adminUrl });
			await c.connect();
			try {
				await c.query(`drop database if exists ${name} with (force)`);
			} finally {
				await c.end();
			}
		}
	};
}

/** Starts a gateway on a random port with the fixture migrations, on `kind`. */
export async function startTestGateway(
	kind: ExecutorKind,
	options: { migrationsDir?: string } = {}
): Promise<Gateway> {
	const migrationsDir = options.migrationsDir ?? FIXTURE_MIGRATIONS;
	if (kind === 'pglite') return startGateway({ dataDir: null, port: 0, migrationsDir });
	const adminUrl = process.env.NABIJ_PG_ADMIN_URL;
	if (!adminUrl) throw new Error('NABIJ_PG_ADMIN_URL is not set');
	const db = await createTestDatabase(adminUrl);
	const gateway = await startGateway({
		executor: 'postgres',
		databaseUrl: db.databaseUrl,
		adminDatabaseUrl: db.adminDatabaseUrl,
		port: 0,
		migrationsDir
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
