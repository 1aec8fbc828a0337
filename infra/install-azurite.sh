#!/usr/bin/env bash
# Installs the pinned Azurite (infra/azurite/package.json) into infra/azurite/node_modules.
# Idempotent: does nothing when the installed version already matches the lock file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$here/azurite"
stamp="$dir/node_modules/.installed-lock"
if [ -x "$dir/node_modules/.bin/azurite" ] && [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required to install Azurite (Node 20+)" >&2; exit 1; }
echo "Installing Azurite $(grep -o '"azurite": "[^"]*"' "$dir/package.json" | cut -d'"' -f4) into $dir ..." >&2
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
cp "$dir/package-lock.json" "$stamp"
