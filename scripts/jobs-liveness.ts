// The freshness job from the command line (`npm run jobs:liveness`), e.g. from cron: asks the
// editors of entries not confirmed for NABIJ_LIVENESS_CONFIRM_DAYS whether they are still active
// and marks entries silent for NABIJ_LIVENESS_DORMANT_DAYS as dormant. Needs PUBLIC_SUPABASE_URL,
// PUBLIC_SUPABASE_ANON_KEY, NABIJ_JOBS_TOKEN, NABIJ_LINK_SECRET and ORIGIN (the app's public
// address, for links); uses only the anon key.
import { createClient } from '@supabase/supabase-js';
import { checkServerSettings, publicOrigin } from '../src/lib/server/config.ts';
import type { Database } from '../src/lib/server/db/database.types.ts';
import { getMailer } from '../src/lib/server/mail/index.ts';
import { livenessSettings, runLivenessJob } from '../src/lib/server/mail/liveness-job.ts';

// The same start-up check as the server's: one line per missing or wrong variable.
const problems = checkServerSettings(process.env);
const url = process.env.PUBLIC_SUPABASE_URL;
const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY;
if (problems.length || !url || !anonKey) {
	console.error(`jobs:liveness cannot start (see .env.example):\n${problems.join('\n')}`);
	process.exit(2);
}

const supabase = createClient<Database>(url, anonKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
});
const report = await runLivenessJob(
	supabase,
	getMailer(supabase),
	livenessSettings(publicOrigin())
);
console.log(
	`liveness: ${report.checks} entries asked (${report.mailsSent} mails sent, ${report.mailsFailed} failed), ${report.dormant} marked dormant, ${report.reportsPurged} closed error reports deleted`
);
