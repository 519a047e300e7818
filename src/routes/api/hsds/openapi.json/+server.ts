import { openapi } from '#lib/server/hsds/openapi.ts';
import { hsdsEndpoint } from '../route.ts';

export const { GET, OPTIONS } = hsdsEndpoint(openapi);
