// The primary process of the built server when it runs several workers (entry.ts). It serves no
// page itself: it forks the workers, each running adapter-node's server on HOST/PORT (node:cluster
// shares the listening socket and hands the connections out in turn), holds the server-wide
// rate limits the workers ask for, starts a new worker when one crashes, and passes SIGTERM and
// SIGINT on, so every worker finishes its open requests (adapter-node's graceful shutdown)
// before the primary exits.
import cluster, { type Worker } from 'node:cluster';
import { log } from '../log.ts';
import { answerLimit, LIMIT_QUESTION, limitQuestionSchema, RateLimiter } from '../rate-limit.ts';
import { answerWorkers, WORKER_ENV } from './ipc.ts';

/** More crashes than this within a minute stop the server: a restart would not help. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * Runs `count` workers until they have all stopped; resolves with the exit code for the
 * primary: 0 after SIGTERM/SIGINT, the first worker's code when it could not start (its own
 * output says why, once), 1 when workers keep crashing.
 */
export function runPrimary(count: number): Promise<number> {
	const limiter = new RateLimiter();
	answerWorkers(LIMIT_QUESTION, (payload) =>
		answerLimit(limitQuestionSchema.parse(payload), limiter)
	);
	const live = new Set<Worker>();
	const crashes: number[] = [];
	let started = false;
	let stopping = false;
	let exitCode = 0;

	return new Promise((resolve) => {
		const fork = () => live.add(cluster.fork({ [WORKER_ENV]: '1' }));
		const stop = (signal: NodeJS.Signals) => {
			if (live.size === 0) resolve(exitCode);
			if (stopping) return;
			stopping = true;
			for (const worker of live) worker.process.kill(signal);
		};
		process.on('SIGTERM', () => stop('SIGTERM'));
		process.on('SIGINT', () => stop('SIGINT'));

		cluster.on('listening', () => {
			if (started) return;
			started = true;
			log.info({ event: 'workers', workers: count }, `server runs ${count} worker processes`);
			// The first worker checked the settings and bound the port: the others can follow.
			for (let i = 1; i < count && !stopping; i++) fork();
		});

		cluster.on('exit', (worker, code, signal) => {
			live.delete(worker);
			if (!started && !stopping) {
				// The first worker could not start (settings, port): its output said why.
				exitCode = code || 1;
				stop('SIGTERM');
				return;
			}
			if (stopping) {
				if (live.size === 0) resolve(exitCode);
				return;
			}
			const now = Date.now();
			crashes.push(now);
			while ((crashes[0] ?? now) < now - 60_000) crashes.shift();
			if (crashes.length > MAX_RESTARTS_PER_MINUTE) {
				log.fatal(
					{ event: 'worker_exit', worker: worker.process.pid, code, signal },
					`server workers crashed ${crashes.length} times within a minute; stopping`
				);
				exitCode = 1;
				stop('SIGTERM');
				return;
			}
			log.error(
				{ event: 'worker_exit', worker: worker.process.pid, code, signal },
				'server worker stopped; starting another'
			);
			fork();
		});

		fork();
	});
}
