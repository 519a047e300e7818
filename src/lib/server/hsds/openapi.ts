// Open Referral's OpenAPI description of the HSDS read API, with its placeholders filled in for
// Nabij (title, version, licence, server). A modified copy of the spec stays under CC BY-SA 4.0.
import openapiJson from '../../../../data/hsds/schema/openapi.json?raw';
import { DIRECTORY_LICENCE, HSDS_SCHEMA_LICENCE } from '#lib/domain/hsds/licence.ts';
import { json } from './http.ts';

const spec = JSON.parse(openapiJson) as Record<string, unknown>;

/** `/api/hsds/openapi.json`. */
export async function openapi({ request, url }: { request: Request; url: URL }): Promise<Response> {
	return json(request, {
		...spec,
		info: {
			title: 'Nabij HSDS 3.0 API',
			version: '1.0.0',
			summary:
				'Care and self-organisations in the quartiers of Brussels, as Open Referral HSDS 3.0.',
			description: `Read-only, no key, CORS open. Data: ${DIRECTORY_LICENCE.name}. This description: ${HSDS_SCHEMA_LICENCE.attribution} (adapted).`,
			license: { name: HSDS_SCHEMA_LICENCE.name, identifier: HSDS_SCHEMA_LICENCE.id }
		},
		servers: [{ url: new URL('/api/hsds', url).href }]
	});
}
