// Scratch PostgreSQL databases for tests and `test-db`: a fresh database on a cluster reached
// with a superuser URL, bootstrapped, with `authenticator` able to log in; dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresExecutor } from './executors/postgres.ts';
import { applyBootstrap } from './migrate.ts';

export type ScratchDatabase = {
	name: string;
	/** Logs in as `authenticator`, for API requests. */
	databaseUrl: string;
	/** Logs in as the superuser of `adminUrl`, on the scratch database. */
	adminDatabaseUrl: string;
	drop(): Promise<void>;
};

function withDatabase(url: string, database: string, user?: { name: string; password: string }) {
	const u = new URL(url);
	u.pathname = `/${database}`;
	if (user) {
		u.username = user.name;
		u.password = user.password;
	}
	return u.toString();
}

async function onServer(adminUrl: string, sql: string) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

/** Creates and bootstraps a fresh database named `nabij_<prefix>_<random>`. */
export async function createScratchDatabase(
	adminUrl: string,
	prefix = 'test'
): Promise<ScratchDatabase> {
	const name = `nabij_${prefix.replace(/\W/g, '')}_${randomBytes(6).toString('hex')}`;
	await onServer(adminUrl, `create database ${name}`);
	// Supabase databases run in UTC; timestamps then serialize the same on every executor.
	await onServer(adminUrl, `alter database ${name} set timezone to 'UTC'`);
	const adminDatabaseUrl = withDatabase(adminUrl, name);
	// A local, throwaway credential: the role exists cluster-wide and only on 127.0.0.1.
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
		drop: () => onServer(adminUrl, `drop database if exists ${name} with (force)`)
	};
}
