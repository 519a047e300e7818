// The built server's entry, `node build/index.js`: kit.config.js bundles this file there and
// moves adapter-node's own entry to build/serve.js. With more than one process to run
// (NABIJ_WORKERS, see count.ts) this process becomes the primary and forks the workers, each of
// which runs this file again and starts adapter-node's server; with one, it is that server.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { workerCount } from './count.ts';
import { runPrimary } from './primary.ts';

function serve(): Promise<unknown> {
	return import(/* @vite-ignore */ new URL('./serve.js', import.meta.url).href);
}

let count = 1;
try {
	count = workerCount(process.env.NABIJ_WORKERS, availableParallelism());
} catch {
	// One process then, whose settings check names the variable, along with any other problem.
}
// A socket handed over by systemd (socket activation) belongs to this process alone.
if (process.env.LISTEN_PID) count = 1;

if (cluster.isPrimary && count > 1) {
	process.exitCode = await runPrimary(count);
} else {
	// Once adapter-node's server has closed (SIGTERM, SIGINT), a worker lets go of the channel to
	// the primary, which would otherwise keep it running.
	if (cluster.isWorker) process.once('sveltekit:shutdown', () => process.disconnect());
	await serve();
}
