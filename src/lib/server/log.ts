// The server's structured log: one JSON object per line on stdout (pino), for a log collector to
// index. Requests are logged by hooks.server.ts with what operations need to follow one (request
// id, method, route id, status, duration) and nothing that identifies a person or leaks a search:
// no query string, no e-mail address, no IP, no cookies or headers.
import { pino } from 'pino';
import { LOG_LEVELS } from './config.ts';

// pino throws on an unknown level while the server's modules load, before the settings check
// could name the variable: such a level logs at info until that check stops the server.
const level = (LOG_LEVELS as readonly string[]).includes(process.env.LOG_LEVEL ?? '')
	? process.env.LOG_LEVEL
	: 'info';

/** The app's logger; level from LOG_LEVEL (default info). */
export const log = pino({
	level,
	// The process, as the server may run several (NABIJ_WORKERS).
	base: { app: 'nabij', pid: process.pid },
	// Error objects keep their type, message and stack only.
	serializers: { err: pino.stdSerializers.err },
	// A value that slips in by mistake under these names is never written.
	redact: { paths: ['email', '*.email', 'ip', '*.ip', 'url', 'query'], censor: '[redacted]' }
});

/**
 * The request id to log and echo: the proxy's `x-request-id` when it is a plain token (so one
 * request can be followed through the proxy's logs too), else a new random one.
 */
export function requestId(header: string | null): string {
	return header && /^[A-Za-z0-9._-]{8,128}$/.test(header) ? header : crypto.randomUUID();
}
