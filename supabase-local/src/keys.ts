// The local project's fixed JWT secret and API keys, made the way the Supabase CLI makes its
// local ones, so tooling that knows those conventions works unchanged.
import { signJwt } from './jwt.ts';

/** The Supabase CLI's well-known local JWT secret: for local development only. */
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

// Far in the future like the CLI's keys (iat 2022-01-01 … exp 2032-01-01 in the CLI; longer here).
const ISSUED_AT = 1640995200;
const EXPIRES_AT = 4102444800;

/** An API key for `role`, signed with `secret`. */
export function mintApiKey(role: 'anon' | 'service_role', secret = LOCAL_JWT_SECRET): string {
	return signJwt({ iss: 'supabase-demo', role, iat: ISSUED_AT, exp: EXPIRES_AT }, secret);
}

/** The anon and service_role keys for `secret`. */
export function localKeys(secret = LOCAL_JWT_SECRET): { anonKey: string; serviceRoleKey: string } {
	return {
		anonKey: mintApiKey('anon', secret),
		serviceRoleKey: mintApiKey('service_role', secret)
	};
}
