import { z } from 'zod';
import { templateHeaders, toDelimited } from '#lib/domain/import/index.ts';
import type { RequestHandler } from './$types';

const langSchema = z.enum(['fr', 'nl', 'en']).catch('fr');

// One example row, so people see the codes and formats the columns take.
const EXAMPLE = [
	'mon-lieu-1',
	'Maison de quartier Exemple',
	'',
	'community_centre',
	'Lieu de rencontre ouvert à tous.',
	'',
	'',
	'meeting_place,leisure_activities',
	'older_people',
	'fr,nl',
	'Mo-Fr 09:00-17:00',
	'Rue Exemple 1, 1000 Bruxelles',
	'4.3525',
	'50.8467',
	'',
	'',
	''
];

/** The CSV import template with headers in the asked language (`?lang=nl`), for Excel. */
export const GET: RequestHandler = ({ url }) => {
	const lang = langSchema.parse(url.searchParams.get('lang'));
	return new Response(toDelimited([templateHeaders(lang), EXAMPLE]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="nabij-import-${lang}.csv"`
		}
	});
};
