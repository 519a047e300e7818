import * as api from '#lib/server/hsds/api.ts';
import { hsdsEndpoint } from '../../route.ts';

export const { GET, OPTIONS } = hsdsEndpoint(api.taxonomy);
