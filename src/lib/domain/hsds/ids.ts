// Identifiers for the HSDS objects we derive (taxonomy terms, schedules, phones, attributes…):
// HSDS wants a UUID on every object, and ours must stay the same from one request to the next
// so that consumers can follow changes. Name-based UUIDs (RFC 9562 version 5) give exactly that.
import { createHash } from 'node:crypto';

// A namespace of our own, so that our derived ids never collide with another publisher's.
const NABIJ_NAMESPACE = 'd4b3c1a0-5f0e-4c52-9d3e-6e61626a6e6c';

/**
 * A stable UUID (version 5) for a derived object, from the parts that name it.
 *
 * @example derivedId('taxonomy_term', 'support_kinds', 'home_visits') // same id on every call
 */
export function derivedId(...parts: (string | number)[]): string {
	const hash = createHash('sha1')
		.update(Buffer.from(NABIJ_NAMESPACE.replaceAll('-', ''), 'hex'))
		.update(parts.join('\u001f'))
		.digest();
	hash[6] = (hash[6]! & 0x0f) | 0x50;
	hash[8] = (hash[8]! & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or query value has the shape of a UUID (anything else cannot name an object). */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}
