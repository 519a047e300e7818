import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

/** An anonymous need signal: no user, no free text, dated by the database. */
export type NeedSignalInput = {
	mdrc: number;
	support_kind: string;
	language: string | null;
	target_group: string | null;
	outcome: 'found' | 'not_found';
};

/** Records a need signal as the signed-in social worker (RLS refuses anyone else). */
export async function create(supabase: Db, signal: NeedSignalInput): Promise<void> {
	// No select after insert: nobody may read single signals back.
	orThrow(await supabase.from('need_signals').insert(signal));
}
