#!/usr/bin/env bash
# Builds the deployable Functions package: publishes the handler for linux-x64, lays out the app root
# (host.json, one folder per function with its function.json, the executable host.json names) and zips it
# with Unix permissions kept (a lost execute bit is a known "permission denied" failure on the host).
#
#   infra/package.sh                         self-contained single-file publish (the default, see docs/operations.md)
#   infra/package.sh --aot                   Native AOT publish (needs clang + zlib1g-dev; installed if missing and root)
#   infra/package.sh --auto                  try Native AOT, fall back to single-file if it does not build
#   infra/package.sh --from DIR              skip publishing: lay out and zip an already-published folder DIR
#   infra/package.sh ... --out FILE          the zip to write (default artifacts/app.zip)
#
# Prints the zip's path on the last line of stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode=single-file
from=""
out="$root/artifacts/app.zip"
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) mode=aot ;;
    --single-file) mode=single-file ;;
    --auto) mode=auto ;;
    --from) from="${2:?--from needs a folder}"; shift ;;
    --out) out="${2:?--out needs a file name}"; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "package.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "package.sh: $*" >&2; }

# Installs Debian packages when missing; only root can, anyone else gets told what to install.
require_debian_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    log "missing packages: ${missing[*]} (install them: sudo apt-get install -y ${missing[*]})"
    return 1
  fi
  log "installing ${missing[*]} ..."
  apt-get install -y -qq "${missing[@]}" >&2 || { apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2; }
}

# The executable host.json names (customHandler.description.defaultExecutablePath).
executable_name() {
  local name
  name="$(tr -d '\n' < "$1/host.json" | sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
  [ -n "$name" ] || { log "$1/host.json has no customHandler.description.defaultExecutablePath"; return 1; }
  echo "$name"
}

publish() {
  local kind="$1" dir="$root/artifacts/publish-$1"
  local args=(publish "$root/functions/MiniQuantDesk.Functions.csproj" -c Release -r linux-x64 -o "$dir" -nologo -v quiet
              -p:DebugType=none -p:DebugSymbols=false)
  if [ "$kind" = aot ]; then
    require_debian_packages clang zlib1g-dev || return 1
    args+=(-p:PublishAot=true -p:StripSymbols=true)
  else
    args+=(--self-contained true -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true)
  fi
  rm -rf "$dir"
  log "dotnet ${args[*]}"
  dotnet "${args[@]}" >&2 || return 1
  echo "$dir"
}

# Copies what the Functions host needs from a published folder into a clean app root: host.json, every
# folder holding a function.json (only that file), and the top-level files (the executable and any native
# library it loads). Never symbols, never local settings.
lay_out() {
  local published="$1" app="$2" exe entry name
  [ -f "$published/host.json" ] || { log "$published has no host.json"; return 1; }
  exe="$(executable_name "$published")"
  [ -f "$published/$exe" ] || { log "$published has no '$exe' (host.json's defaultExecutablePath)"; return 1; }
  rm -rf "$app"
  mkdir -p "$app"
  for entry in "$published"/*; do
    name="$(basename "$entry")"
    if [ -d "$entry" ]; then
      if [ -f "$entry/function.json" ]; then
        mkdir -p "$app/$name"
        cp "$entry/function.json" "$app/$name/function.json"
      fi
      continue
    fi
    case "$name" in
      local.settings.json*|appsettings.Development.json|*.pdb|*.dbg|*.staticwebassets.*) continue ;;
    esac
    cp -p "$entry" "$app/$name"
  done
  chmod 0755 "$app/$exe"
  find "$app" -type d -exec chmod 0755 {} +
  find "$app" -type f ! -name "$exe" -exec chmod 0644 {} +
  chmod 0755 "$app/$exe"
  ls "$app"/*/function.json >/dev/null 2>&1 || { log "$published has no function folders (*/function.json)"; return 1; }
}

make_zip() {
  local app="$1" zipfile="$2" exe
  command -v zip >/dev/null || require_debian_packages zip
  exe="$(executable_name "$app")"
  mkdir -p "$(dirname "$zipfile")"
  rm -f "$zipfile"
  # From inside the app root so host.json sits at the zip root; -X drops extra attributes, modes stay.
  (cd "$app" && zip -q -r -X "$zipfile" .)
  if command -v zipinfo >/dev/null && ! zipinfo "$zipfile" "$exe" | grep -q '^-rwxr-xr-x'; then
    log "$exe lost its execute bit in $zipfile"
    return 1
  fi
}

case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
if [ -n "$from" ]; then
  published="$(cd "$from" && pwd)"
elif [ "$mode" = auto ]; then
  if ! published="$(publish aot)"; then
    log "Native AOT publish failed; falling back to self-contained single-file"
    published="$(publish single-file)"
  fi
else
  published="$(publish "$mode")"
fi

app="$(mktemp -d "${TMPDIR:-/tmp}/mqd-app.XXXXXX")"
trap 'rm -rf "$app"' EXIT
lay_out "$published" "$app"
make_zip "$app" "$out"
log "$(du -h "$out" | cut -f1) $out (from $published)"
echo "$out"
