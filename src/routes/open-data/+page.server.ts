import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '#lib/domain/hsds/index.ts';
import * as hsds from '#lib/server/db/hsds.ts';
import { anonymousClient } from '#lib/server/supabase.ts';

// Real ids for the example links, read as anonymous like the API itself.
export const load = async () => {
	const supabase = anonymousClient();
	const first = { from: 0, to: 0 };
	const links = await hsds.listLinks(supabase, {}, first);
	const link = links.rows[0];
	return {
		examples: link
			? {
					service: link.service_id,
					organization: link.services.organization_id,
					serviceAtLocation: link.id
				}
			: null,
		perPage: { default: DEFAULT_PER_PAGE, max: MAX_PER_PAGE }
	};
};
