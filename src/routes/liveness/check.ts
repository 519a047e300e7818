// Reading a "still active?" link: the signature and expiry first (no database call for a forged
// or stale link), then the database's own record of the check.
import type { Db } from '#lib/server/db/client.ts';
import { config } from '#lib/server/config.ts';
import { verifySignedToken } from '#lib/server/signed-links.ts';

export type LinkState =
	| { state: 'invalid' | 'expired' }
	| {
			state: 'ok';
			nonce: string;
			name: string;
			status: string;
			answer: string | null;
	  };

/** What a token from a liveness link refers to, or why it cannot be used. */
export async function readLivenessLink(supabase: Db, token: string | null): Promise<LinkState> {
	if (!token) return { state: 'invalid' };
	const checked = verifySignedToken<{ n?: unknown }>({
		secret: config().NABIJ_LINK_SECRET,
		purpose: 'liveness',
		token
	});
	if (!checked.ok) return { state: checked.reason === 'expired' ? 'expired' : 'invalid' };
	const nonce = checked.payload.n;
	if (typeof nonce !== 'string' || !/^[0-9a-f]{64}$/.test(nonce)) return { state: 'invalid' };
	const { data, error } = await supabase.rpc('liveness_check', { p_nonce: nonce });
	const row = data?.[0];
	if (error || !row) return { state: 'invalid' };
	if (Date.parse(row.expires_at) <= Date.now()) return { state: 'expired' };
	return {
		state: 'ok',
		nonce,
		name: row.organization_name,
		status: row.status,
		// Generated return columns are never nullable; `answer` is null until the link is answered.
		answer: row.answer ?? null
	};
}
