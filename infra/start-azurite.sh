#!/usr/bin/env bash
# Starts the pinned Azurite on loopback with a workspace in .azurite/ (data kept between runs).
# Ports default to Azurite's own (10000-10002); override with AZURITE_BLOB_PORT etc.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/install-azurite.sh"
root="$(cd "$here/.." && pwd)"
mkdir -p "$root/.azurite"
exec "$here/azurite/node_modules/.bin/azurite" --silent --skipApiVersionCheck --disableTelemetry \
  --location "$root/.azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "${AZURITE_BLOB_PORT:-10000}" --queuePort "${AZURITE_QUEUE_PORT:-10001}" --tablePort "${AZURITE_TABLE_PORT:-10002}"
