# Source this file (`. scripts/use-node24.sh`) to put Node >= 22.17 first on PATH in this shell.
# When the system Node is older (Node 20 on some machines), Node 24 is fetched once from the npm
# registry into .tools/ (ignored by git). npm scripts do the same by themselves (scripts/node24.cjs).
_nabij_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)' 2>/dev/null; then
	if [ ! -x "$_nabij_root/.tools/node_modules/.bin/node" ]; then
		echo "[node24] installing Node 24 into .tools/ …" >&2
		npm install --prefix "$_nabij_root/.tools" --no-save --no-package-lock --no-audit --no-fund node@24 >&2
	fi
	export PATH="$_nabij_root/.tools/node_modules/.bin:$PATH"
fi
echo "[node24] using node $(node --version)" >&2
unset _nabij_root
