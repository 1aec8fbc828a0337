#!/usr/bin/env bash
# Compiles and lints azure.bicep (and every infra/*.bicep module) with the real Bicep CLI, treating any
# warning or error as a failure, and leaves the ARM template at artifacts/azure.json for the Infra tests.
#
# The CLI is the official NuGet package Azure.Bicep.CommandLine.linux-x64, restored by infra/bicep-tool
# (~115 MB once, then cached in the NuGet folder; later runs take about 3 s). Set BICEP to use another binary.
#
#   infra/bicep-check.sh [--out FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=0.49.2
out="$root/artifacts/azure.json"
[ "${1:-}" = "--out" ] && out="${2:?--out needs a file}"
config="$root/infra/bicepconfig.json"

bicep="${BICEP:-}"
if [ -z "$bicep" ]; then
  packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  if [ ! -x "$bicep" ]; then
    echo "bicep-check: restoring the Bicep CLI $version (infra/bicep-tool) ..." >&2
    dotnet restore "$root/infra/bicep-tool/bicep-tool.csproj" -v quiet -nologo >&2
  fi
  if [ ! -x "$bicep" ] && [ -f "$bicep" ]; then chmod +x "$bicep"; fi
fi
[ -x "$bicep" ] || { echo "bicep-check: no Bicep CLI at $bicep after restore" >&2; exit 3; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
mkdir -p "$(dirname "$out")"
status=0
"$bicep" build "$root/azure.bicep" --config "$config" --outfile "$out" >"$log" 2>&1 || status=1
# build reports the linter's findings for azure.bicep and the modules it uses; lint catches unused modules too.
(cd "$root" && "$bicep" lint --pattern 'infra/*.bicep' --config "$config") >>"$log" 2>&1 || status=1

# bicep exits 0 on warnings: any diagnostic line is a failure here.
if grep -Eq ': (Warning|Error) ' "$log"; then status=1; fi
sed "s#$root/##" "$log" | sort -u >&2
if [ "$status" -ne 0 ]; then
  echo "bicep-check: FAILED (warnings count as failures)" >&2
  exit 1
fi
echo "bicep-check: azure.bicep and infra/*.bicep compile and lint clean ($("$bicep" --version)); ARM template: $out" >&2
