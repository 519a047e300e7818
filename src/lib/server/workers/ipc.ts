// Questions from a worker process of the built server to its primary process, over the IPC
// channel node:cluster opens between them (src/lib/server/workers/primary.ts forks the workers).
// What must hold for the whole server rather than per process — the rate limits — lives in the
// primary and is asked for here.
import cluster from 'node:cluster';
import { z } from 'zod';

/** Set by the primary on every worker it forks. */
export const WORKER_ENV = 'NABIJ_WORKER';

const questionSchema = z.object({ nabij: z.string(), id: z.number().int(), payload: z.unknown() });
const replySchema = z.object({ nabij: z.string(), id: z.number().int(), reply: z.unknown() });

const pending = new Map<number, (reply: unknown) => void>();
let lastId = 0;

/** True in a worker process forked by the built server's primary. */
export function isWorker(): boolean {
	return cluster.isWorker && typeof process.send === 'function' && process.env[WORKER_ENV] === '1';
}

function onReply(message: unknown): void {
	const parsed = replySchema.safeParse(message);
	if (!parsed.success) return;
	pending.get(parsed.data.id)?.(parsed.data.reply);
}

/**
 * Asks the primary a `kind` question; resolves with its reply, rejects when none comes within
 * `timeoutMs` (a primary that is stopping or busy) or the channel is closed.
 */
export function askPrimary(kind: string, payload: unknown, timeoutMs = 2000): Promise<unknown> {
	const send = process.send?.bind(process);
	if (!send || !process.connected) return Promise.reject(new Error('no primary process'));
	// Listening only while a question is open: a listener keeps the channel, and so the process,
	// alive after the server has closed.
	if (pending.size === 0) process.on('message', onReply);
	const id = ++lastId;
	return new Promise<unknown>((resolve, reject) => {
		const done = () => {
			clearTimeout(timer);
			pending.delete(id);
			if (pending.size === 0) process.off('message', onReply);
		};
		const timer = setTimeout(() => {
			done();
			reject(new Error(`no answer from the primary process to "${kind}"`));
		}, timeoutMs);
		pending.set(id, (reply) => {
			done();
			resolve(reply);
		});
		send({ nabij: kind, id, payload }, undefined, undefined, (error: Error | null) => {
			if (!error) return;
			done();
			reject(error);
		});
	});
}

/** In the primary: answers every worker's `kind` questions with `answer`. */
export function answerWorkers(kind: string, answer: (payload: unknown) => unknown): void {
	cluster.on('message', (worker, message: unknown) => {
		const parsed = questionSchema.safeParse(message);
		if (!parsed.success || parsed.data.nabij !== kind) return;
		let reply: unknown = null;
		try {
			reply = answer(parsed.data.payload);
		} catch {
			// A malformed question gets no answer the worker accepts; it falls back on its own.
		}
		if (worker.isConnected()) worker.send({ nabij: kind, id: parsed.data.id, reply });
	});
}
