// Refreshes the repository's copy of the source data (data/brussels, data/taxonomy) from a folder
// that holds the same sub-folders, byte for byte, and prints what changed: added, changed and
// removed files with their sizes. Our own files in data/ (README.md, licences/) are left alone.
//
// Usage: npm run data:refresh -- <folder>   (or: node scripts/refresh-data.ts <folder>)
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync
} from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The sub-folders of data/ that mirror the source folder. */
const MIRRORED = ['brussels', 'taxonomy'];

const root = resolve(import.meta.dirname, '..');
const target = join(root, 'data');
const [sourceArg] = process.argv.slice(2);
if (!sourceArg) {
	console.error('usage: node scripts/refresh-data.ts <folder with brussels/ and taxonomy/>');
	process.exit(2);
}
const source = resolve(sourceArg);
const missing = MIRRORED.filter((dir) => !existsSync(join(source, dir)));
if (missing.length) {
	console.error(`${source} has no ${missing.join('/, ')}/ folder: nothing changed.`);
	process.exit(1);
}

/** Every file below `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)))
		.sort();
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An exact byte count, grouped by thousands so a small change stays visible. */
const size = (bytes: number) => `${bytes.toLocaleString('en')} bytes`;

const changes: string[] = [];
for (const dir of MIRRORED) {
	const from = join(source, dir);
	const to = join(target, dir);
	const incoming = filesUnder(from);
	const present = new Set(filesUnder(to));
	for (const file of incoming) {
		const src = join(from, file);
		const dst = join(to, file);
		const name = `${dir}/${file}`;
		const bytes = statSync(src).size;
		if (!present.has(file)) {
			changes.push(`added    ${name} (${size(bytes)})`);
		} else if (digest(src) !== digest(dst)) {
			changes.push(`changed  ${name} (${size(statSync(dst).size)} → ${size(bytes)})`);
		} else {
			continue;
		}
		mkdirSync(resolve(dst, '..'), { recursive: true });
		copyFileSync(src, dst);
	}
	for (const file of present) {
		if (incoming.includes(file)) continue;
		const dst = join(to, file);
		changes.push(`removed  ${dir}/${file} (${size(statSync(dst).size)})`);
		rmSync(dst);
	}
}

console.log(changes.length ? changes.join('\n') : 'data/ is already up to date.');
if (changes.length) {
	console.log(
		`\n${changes.length} file(s) changed. Check the provenance READMEs, then run the seed and the tests.`
	);
}
