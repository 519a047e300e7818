// `npm run bench`: runs every benchmark in bench/ one after the other (they measure, they do not
// pass or fail) — or only those named: `npm run bench -- coverage search`. What follows the first
// option goes to each named benchmark: `npm run bench -- load --executor postgres --seconds 30`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith('--'));
const only = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);
const benches = readdirSync(new URL('.', import.meta.url))
	.filter((file) => file.endsWith('.ts') && file !== 'run.ts')
	.map((file) => file.replace(/\.ts$/, ''))
	.filter((name) => only.length === 0 || only.includes(name))
	.sort();

let status = 0;
for (const name of benches) {
	console.log(`\n━━ bench/${name}.ts`);
	const run = spawnSync(process.execPath, [`bench/${name}.ts`, ...options], { stdio: 'inherit' });
	if (run.status !== 0) status = 1;
}
process.exit(status);
