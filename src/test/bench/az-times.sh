#!/usr/bin/env bash
# Times the real az CLI's status / restart / logs as whole processes against the built-in simulator (zero delays),
# for the bench (AzCliBench). Set-up as in src/test/azcli/run.sh: a loopback-only network namespace (unshare -n, so
# az cannot phone home), a throw-away AZURE_CONFIG_DIR, the simulator's CA, a gateway created with our rendered
# manifest. Prints "AZ_MS <op> <ms> <ms> ..." per operation. Needs root, az, python3-cryptography, the built jar.
# Usage: src/test/bench/az-times.sh RUNS
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
if [ -z "${GW_IN_NETNS:-}" ]; then
  exec unshare -n env GW_IN_NETNS=1 bash "$0" "$@"
fi
ip link set lo up
JAR=target/gateway-wizard.jar
AZ_PY=/usr/bin/python3
work=$(mktemp -d)
sim_pid=
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

java -jar "$JAR" simulator --tls --port 0 --speed 0 >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 150); do grep -q '^CA certificate: ' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
B=$(sed -n 's/^ARM simulator listening on \(https:[^ ]*\).*/\1/p' "$work/sim.out")
CA=$(sed -n 's/^CA certificate: //p' "$work/sim.out")
[ -n "$B" ] && [ -n "$CA" ] || { echo "simulator did not start" >&2; cat "$work/sim.out" "$work/sim.err" >&2; exit 1; }

export AZURE_CONFIG_DIR=$work/azcfg AZURE_CORE_COLLECT_TELEMETRY=false AZURE_EXTENSION_USE_DYNAMIC_INSTALL=no \
       AZURE_CORE_ERROR_RECOMMENDATION=off AZURE_CORE_SURVEY_MESSAGE=false AZURE_CORE_NO_COLOR=true \
       REQUESTS_CA_BUNDLE=$CA
mkdir -p "$AZURE_CONFIG_DIR"
ver=$("$AZ_PY" -c 'from azure.cli.core import __version__; print(__version__)')
cat >"$AZURE_CONFIG_DIR/versionCheck.json" <<JSON
{"versions": {"core": {"local": "$ver", "pypi": "$ver"}, "cli": {"local": "$ver", "pypi": "$ver"}},
 "update_time": "2099-01-01 00:00:00.000000", "check_time": "2099-01-01 00:00:00.000000"}
JSON
az() { "$AZ_PY" -m azure.cli "$@"; }
SUB=11111111-1111-1111-1111-111111111111
RG=rg-keeper
NAME=kgw-bench
SUBNET=/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.Network/virtualNetworks/vnet-keeper/subnets/aci-gateways
{
  az cloud register --name GatewayWizardSim --endpoint-resource-manager "$B/" \
    --endpoint-active-directory "$B/adfs" --endpoint-active-directory-resource-id "$B/" \
    --endpoint-active-directory-graph-resource-id "$B/graph/"
  az cloud set --name GatewayWizardSim
  az login --service-principal -u sim-client -p sim-secret --tenant 99999999-9999-9999-9999-999999999999
  az account set --subscription "$SUB"
} >"$work/setup.log" 2>&1 || { echo "az set-up failed" >&2; tail -20 "$work/setup.log" >&2; exit 1; }

printf 'dckr_pat_%s\n' "$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 27)" >"$work/pat"
"$AZ_PY" - "$work/config" <<'PY'
import base64, json, os, sys
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives import serialization
key = ec.generate_private_key(ec.SECP256R1()).private_bytes(
    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
cfg = {"hostname": "keepersecurity.eu", "clientId": base64.b64encode(os.urandom(64)).decode(),
       "privateKey": base64.b64encode(key).decode(), "serverPublicKeyId": "10",
       "appKey": base64.b64encode(os.urandom(32)).decode()}
open(sys.argv[1], "w").write(base64.b64encode(json.dumps(cfg).encode()).decode())
PY
java -jar "$JAR" render --name "$NAME" --location westeurope --subscription "$SUB" --subnet-id "$SUBNET" \
  --docker-user trainer01 --docker-pat-file "$work/pat" --gateway-config-file "$work/config" \
  --out "$work/keeper-gateway.yml" >/dev/null
az container create --resource-group "$RG" --file "$work/keeper-gateway.yml" >/dev/null 2>"$work/create.err" \
  || { echo "az container create failed" >&2; cat "$work/create.err" >&2; exit 1; }

now() { date +%s%N; }
time_op() { # time_op NAME command...
  local name=$1; shift
  local out="AZ_MS $name"
  "$@" >/dev/null 2>&1 || true   # warm-up (disk cache)
  for _ in $(seq 1 "$runs"); do
    local t0; t0=$(now)
    "$@" >/dev/null 2>"$work/op.err" || { echo "az $name failed" >&2; cat "$work/op.err" >&2; exit 1; }
    out="$out $(( ($(now) - t0) / 1000000 ))"
  done
  echo "$out"
}
time_op status az container show -g "$RG" -n "$NAME"
time_op logs az container logs -g "$RG" -n "$NAME"
time_op restart az container restart -g "$RG" -n "$NAME"

# Our CLI, the same operations as whole processes: the installed one (with its AppCDS archive, made by the
# warm-up run) when the .deb is installed, else the built jar. It trusts the simulator's CA from the app's data
# folder, where `simulator --tls` wrote it.
if [ -x /usr/bin/gateway-wizard ] && [ "$(readlink -f /usr/bin/gateway-wizard)" = /opt/gateway-wizard/lib/gateway-wizard-launch ]; then
  gw() { /usr/bin/gateway-wizard "$@"; }; echo "OURS_FORM installed"
else
  gw() { java -jar "$JAR" "$@"; }; echo "OURS_FORM java -jar"
fi
where=(--resource-group "$RG" --subscription "$SUB" --cloud "simulator=$B")
ours_op() { local name=$1; shift; time_op "$name" "$@" | sed 's/^AZ_MS /OURS_MS /'; }
ours_op status gw status "$NAME" "${where[@]}"
ours_op logs gw logs "$NAME" "${where[@]}"
ours_op restart gw restart "$NAME" "${where[@]}"
