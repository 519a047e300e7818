// Helpers for tests and benchmarks against the gateway (`@nabij/supabase-local/testing`).
export {
	executorKinds,
	FIXTURE_MIGRATIONS,
	startTestGateway,
	userToken,
	type ExecutorKind
} from './test/harness.ts';
