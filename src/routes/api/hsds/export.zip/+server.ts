import { exportZip } from '#lib/server/hsds/export.ts';
import { hsdsEndpoint } from '../route.ts';

export const { GET, OPTIONS } = hsdsEndpoint(exportZip);
