#!/usr/bin/env bash
# Deploys MiniQuantDesk to Azure with the Azure CLI: infrastructure (azure.bicep), Key Vault secrets,
# the function package, Discord command registration, then waits for /api/health to answer 200.
#
#   infra/deploy.sh --resource-group RG [options]
#
# Options:
#   --resource-group RG          resource group (created in --location if missing)      (required)
#   --location REGION            region for a new resource group (default: eastus)
#   --name-prefix P              short lowercase prefix of every resource name (default: mqd)
#   --trading-mode paper|live    default paper; live also needs --i-understand-live-trading
#   --i-understand-live-trading  confirms that live mode sends real orders with real money
#   --hosting-plan flex|premium  flex (default) = Flex Consumption; premium = Elastic Premium EP1
#   --param NAME=VALUE           any other azure.bicep parameter (repeatable), e.g. symbols='["SPY","QQQ"]'
#   --package FILE               deploy this zip instead of building one with infra/package.sh
#   --what-if                    show what the deployment would change (az deployment group what-if), change nothing
#   --skip-secrets               leave Key Vault secrets as they are
#   --health-timeout SECONDS     how long to wait for /api/health to answer 200 (default 600)
#
# Secrets come from these environment variables; a missing one is asked for when a terminal is attached,
# otherwise left as it is in the vault (see docs/operations.md, "Rotating keys").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Key Vault secret name = environment variable. azure.bicep references exactly these names.
SECRETS=(
  "alpaca-key-id=ALPACA_KEY_ID"
  "alpaca-secret-key=ALPACA_SECRET_KEY"
  "discord-bot-token=DISCORD_BOT_TOKEN"
  "discord-public-key=DISCORD_PUBLIC_KEY"
  "discord-webhook-trading=DISCORD_WEBHOOK_TRADING"
  "discord-webhook-risk=DISCORD_WEBHOOK_RISK"
  "discord-webhook-daily=DISCORD_WEBHOOK_DAILY"
  "discord-webhook-system=DISCORD_WEBHOOK_SYSTEM"
)

die() { echo "deploy.sh: $*" >&2; exit 1; }
say() { echo "deploy.sh: $*" >&2; }
usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

group="" location="eastus" prefix="mqd" mode="paper" live_ok=false plan="flex" package="" what_if=false
skip_secrets=false health_timeout=600
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --resource-group|-g) group="${2:?}"; shift ;;
    --location|-l) location="${2:?}"; shift ;;
    --name-prefix) prefix="${2:?}"; shift ;;
    --trading-mode) mode="${2:?}"; shift ;;
    --i-understand-live-trading) live_ok=true ;;
    --hosting-plan) plan="${2:?}"; shift ;;
    --param|-p) extra+=("${2:?}"); shift ;;
    --package) package="${2:?}"; shift ;;
    --what-if) what_if=true ;;
    --skip-secrets) skip_secrets=true ;;
    --health-timeout) health_timeout="${2:?}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
  shift
done

# Refusals come first, before anything touches Azure.
[ -n "$group" ] || { usage >&2; die "--resource-group is required"; }
case "$mode" in paper|live) ;; *) die "--trading-mode must be paper or live, was '$mode'" ;; esac
case "$plan" in flex|premium) ;; *) die "--hosting-plan must be flex or premium, was '$plan'" ;; esac
for p in "${extra[@]+"${extra[@]}"}"; do
  case "$p" in
    tradingMode=*|hostingPlan=*|namePrefix=*|location=*|deployerPrincipalId=*)
      die "set ${p%%=*} with its own option (--trading-mode, --hosting-plan, --name-prefix, --location), not --param" ;;
    *=*) ;;
    *) die "--param needs NAME=VALUE, was '$p'" ;;
  esac
done
if [ "$mode" = live ] && [ "$live_ok" != true ]; then
  die "refusing --trading-mode live without --i-understand-live-trading: live mode sends real orders with real money through api.alpaca.markets (see docs/operations.md, 'Moving from paper to live')"
fi
case "$health_timeout" in ''|*[!0-9]*) die "--health-timeout must be whole seconds, was '$health_timeout'" ;; esac

command -v az >/dev/null || die "the Azure CLI (az) is required: https://learn.microsoft.com/cli/azure/install-azure-cli"
command -v curl >/dev/null || die "curl is required"
az account show >/dev/null 2>&1 || die "not logged in to Azure: run 'az login' (and 'az account set -s <subscription>')"
say "subscription: $(az account show --query '[name, id]' -o tsv | tr '\t' ' ')"

# Who runs this gets Key Vault Secrets Officer and Storage Blob Data Contributor (azure.bicep).
deployer_type=User
deployer_id="$(az ad signed-in-user show --query id -o tsv 2>/dev/null || true)"
if [ -z "$deployer_id" ]; then
  deployer_type=ServicePrincipal
  deployer_id="$(az ad sp show --id "$(az account show --query user.name -o tsv)" --query id -o tsv 2>/dev/null || true)"
fi
[ -n "$deployer_id" ] || say "could not find your object id: secrets and package upload need roles you must grant yourself"

params=(namePrefix="$prefix" tradingMode="$mode" hostingPlan="$plan" deployerPrincipalId="$deployer_id" deployerPrincipalType="$deployer_type")
params+=("${extra[@]+"${extra[@]}"}")

if ! az group show -n "$group" >/dev/null 2>&1; then
  [ "$what_if" = true ] && die "resource group $group does not exist; what-if needs it (az group create -n $group -l $location)"
  say "creating resource group $group in $location"
  az group create -n "$group" -l "$location" -o none
fi
region="$(az group show -n "$group" --query location -o tsv)"

if [ "$plan" = flex ]; then
  # The custom runtime on Flex is recent; some regions or subscriptions refuse it.
  if runtimes="$(az functionapp list-flexconsumption-runtimes --location "$region" --runtime custom -o tsv 2>/dev/null)" && [ -z "$runtimes" ]; then
    die "Flex Consumption in $region lists no 'custom' runtime: use another region or --hosting-plan premium"
  fi
fi

deployment=miniquantdesk
if [ "$what_if" = true ]; then
  say "what-if (nothing is changed):"
  exec az deployment group what-if -g "$group" -n "$deployment" -f "$root/azure.bicep" -p "${params[@]}"
fi

say "deploying azure.bicep to $group ($mode, $plan) ..."
az deployment group create -g "$group" -n "$deployment" -f "$root/azure.bicep" -p "${params[@]}" -o none
output() { az deployment group show -g "$group" -n "$deployment" --query "properties.outputs.$1.value" -o tsv; }
app="$(output functionAppName)"
vault="$(output keyVaultName)"
account="$(output storageAccountName)"
container="$(output deploymentContainerName)"
interactions_url="$(output interactionsEndpointUrl)"
health_url="$(output healthUrl)"
say "function app $app, vault $vault, storage $account"

# Secrets go through a private temporary file, never the command line (visible in the process list).
set_secret() {
  local name="$1" value="$2" file attempt
  file="$(umask 077 && mktemp)"
  printf '%s' "$value" > "$file"
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if az keyvault secret set --vault-name "$vault" -n "$name" --file "$file" --encoding utf-8 -o none 2>/dev/null; then
      rm -f "$file"
      return 0
    fi
    say "  $name: not allowed yet (role assignments take a few minutes), retry $attempt/10 in 30 s"
    sleep 30
  done
  rm -f "$file"
  die "could not set secret $name in $vault (do you hold Key Vault Secrets Officer on it?)"
}

if [ "$skip_secrets" != true ]; then
  for entry in "${SECRETS[@]}"; do
    name="${entry%%=*}" variable="${entry#*=}"
    value="${!variable:-}"
    if [ -z "$value" ] && [ -t 0 ]; then
      read -r -s -p "$name ($variable, empty = keep the vault's): " value; echo >&2
    fi
    if [ -n "$value" ]; then
      set_secret "$name" "$value"
      say "  set $name"
    elif az keyvault secret show --vault-name "$vault" -n "$name" -o none 2>/dev/null; then
      say "  kept $name"
    else
      say "  $name is not set ($variable): the app cannot resolve Key Vault reference '$name' until it is"
    fi
  done
fi

if [ -z "$package" ]; then
  package="$("$root/infra/package.sh")"
fi
[ -f "$package" ] || die "package $package not found"
if [ "$plan" = flex ]; then
  say "uploading $package (one deploy) ..."
  az functionapp deployment source config-zip -g "$group" -n "$app" --src "$package" -o none
else
  # Elastic Premium runs from the blob WEBSITE_RUN_FROM_PACKAGE names, read with the app identity.
  say "uploading $package to $account/$container/app.zip ..."
  az storage blob upload --auth-mode login --account-name "$account" -c "$container" -n app.zip -f "$package" --overwrite -o none
  az functionapp restart -g "$group" -n "$app" -o none
fi

# Slash commands: `./desk discord register` (issue 6). Until it exists, say what to do by hand.
if "$root/desk" discord register --help >/dev/null 2>&1; then
  DISCORD_BOT_TOKEN="${DISCORD_BOT_TOKEN:-}" "$root/desk" discord register || say "Discord command registration failed (see above); rerun: ./desk discord register"
else
  say "Discord command registration is not available in this build ('./desk discord register' is missing): register the slash commands later with it."
fi
say "Discord: set the application's Interactions Endpoint URL to $interactions_url"

say "waiting for $health_url to answer 200 (up to $health_timeout s) ..."
deadline=$(( $(date +%s) + health_timeout ))
code=000
while [ "$(date +%s)" -lt "$deadline" ]; do
  code="$(curl -s -o /dev/null -m 20 -w '%{http_code}' "$health_url" || true)"
  [ "$code" = 200 ] && break
  sleep 15
done
if [ "$code" != 200 ]; then
  curl -s -m 20 "$health_url" >&2 || true
  die "health answered $code, not 200, within $health_timeout s (first start after role assignments can take minutes; see docs/operations.md, 'Reading logs')"
fi
say "healthy: $health_url"
say "interactions endpoint: $interactions_url"
