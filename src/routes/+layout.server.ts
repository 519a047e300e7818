import { isDemoData } from '#lib/server/db/app-settings.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	// The notice and the account link are helpful, not essential: if the database cannot be
	// reached the page still renders (and says nothing it cannot know).
	const [demoData, user] = await Promise.all([
		isDemoData(locals.reader).catch(() => false),
		locals.user().catch(() => null)
	]);
	return { demoData, signedIn: user !== null };
};
