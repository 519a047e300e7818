#!/usr/bin/env node
// Runs a command under Node >= 22.17. When the Node running this script is older (the system
// Node 20 on some machines), it fetches Node 24 from the npm registry into .tools/ once and puts
// it first on PATH, so `npm`, `node` and every tool below run on it. It also installs the
// project's dependencies when node_modules is missing or older than package-lock.json, so a
// fresh clone needs no separate install step.
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
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const stale =
	!fs.existsSync(installed) ||
	(fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs + 1000);
if (stale && !env.NABIJ_SKIP_INSTALL) {
	console.error('[node24] installing dependencies (npm install) …');
	// `npm ci` is not used: the registry mirror lacks other-OS optional packages, so the lockfile
	// has no entries for them and `npm ci` rejects it; `npm install` keeps the lock unchanged.
	const status = run('npm', ['install', '--no-audit', '--no-fund'], env);
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
