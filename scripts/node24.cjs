#!/usr/bin/env node
// Runs a command under Node >= 22.17. When the Node running this script is older (the system
// Node 20 on some machines), it fetches Node 24 from the npm registry into .tools/ once and puts
// it first on PATH, so `npm`, `node` and every tool below run on it. It also installs the
// project's dependencies when node_modules is missing or older than package-lock.json (`npm ci`,
// or `npm install` when package.json changed), so a fresh clone needs no separate install step.
// CommonJS and builtins only: this must run on old Node before anything is installed.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const toolsBin = path.join(root, '.tools', 'node_modules', '.bin');
const localBin = path.join(root, 'node_modules', '.bin');
const MIN = [22, 17];

function isRecentEnough(version) {
	const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
	return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

function run(cmd, args, env) {
	const result = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: root });
	if (result.error) throw result.error;
	return result.status ?? 1;
}

const env = { ...process.env };
if (!isRecentEnough(process.version)) {
	const toolsNode = path.join(toolsBin, 'node');
	if (!fs.existsSync(toolsNode)) {
		console.error(
			`[node24] Node ${process.version} is older than ${MIN.join('.')}; installing Node 24 into .tools/ …`
		);
		const status = run(
			'npm',
			[
				'install',
				'--prefix',
				path.join(root, '.tools'),
				'--no-save',
				'--no-package-lock',
				'node@24'
			],
			env
		);
		if (status !== 0 || !fs.existsSync(toolsNode)) {
			console.error('[node24] could not install Node 24 from the npm registry.');
			process.exit(status || 1);
		}
	}
	env.PATH = `${toolsBin}${path.delimiter}${env.PATH ?? ''}`;
}
env.PATH = `${localBin}${path.delimiter}${env.PATH ?? ''}`;

// Install dependencies when missing or stale (package-lock.json changed since the last install).
// `npm ci` installs exactly the committed lockfile and never rewrites it; `npm install` is used
// only when package.json asks for something the lockfile does not record yet.
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const stale =
	!fs.existsSync(installed) ||
	(fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs + 1000);

/** Whether the lockfile's root entry records the same dependency ranges as package.json. */
function lockInSync() {
	if (!fs.existsSync(lock)) return false;
	try {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		const locked = JSON.parse(fs.readFileSync(lock, 'utf8')).packages?.[''] ?? {};
		const fields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
		return fields.every((field) => {
			const want = pkg[field] ?? {};
			const have = locked[field] ?? {};
			const names = new Set([...Object.keys(want), ...Object.keys(have)]);
			return [...names].every((name) => want[name] === have[name]);
		});
	} catch {
		return false;
	}
}

if (stale && !env.NABIJ_SKIP_INSTALL) {
	const args = lockInSync() ? ['ci'] : ['install'];
	console.error(`[node24] installing dependencies (npm ${args[0]}) …`);
	const status = run('npm', [...args, '--no-audit', '--no-fund'], env);
	if (status !== 0) process.exit(status);
}

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
	console.error('usage: node scripts/node24.cjs <command> [args…]');
	process.exit(2);
}
const result = spawnSync(cmd, args, { stdio: 'inherit', env });
if (result.error) {
	console.error(`[node24] ${result.error.message}`);
	process.exit(1);
}
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
