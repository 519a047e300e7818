// The gateway's programmatic API (`@nabij/supabase-local`): start it, open its database,
// apply migrations and run pgTAP files. Keys are in `./keys`, the mailbox in `./mailbox`, test
// helpers in `./testing`.
export {
	configuredAutoConfirm,
	configuredMaxRows,
	openExecutor,
	startGateway,
	type Gateway,
	type GatewayOptions
} from './src/server.ts';
export { applyMigrations, listMigrations, migrate, type MigrationFile } from './src/migrate.ts';
export { runPgtap } from './src/pgtap.ts';
