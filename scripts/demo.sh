#!/usr/bin/env bash
# npm run demo — a local n8n with this package, the Giftronaut sandbox and the example workflows.
# Installs what is missing (node_modules, the build, n8n 2.8.4 in ~/.cache/n8n-nodes-giftronaut),
# then runs scripts/demo.js, which prints the URL and the login. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -d node_modules ]; then
	echo "Installing the package's dev dependencies (npm ci)…"
	npm ci --no-audit --no-fund
fi
echo "Building…"
if ! build_log="$(npm run --silent build 2>&1)"; then
	printf '%s\n' "$build_log" >&2
	echo "npm run build failed: fix the errors above, then run npm run demo again" >&2
	exit 1
fi
exec node scripts/demo.js "$@"
