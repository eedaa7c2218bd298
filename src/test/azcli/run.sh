#!/usr/bin/env bash
# Contract test: the real Azure CLI (Debian package azure-cli 2.45) deploys OUR rendered manifest to the built-in
# simulator and manages it: create --file, show, logs, restart, stop, start, delete. Then the PUT body the simulator
# received from az is compared with the body our own deployer sends for the same spec (ArmBody).
#
# It runs inside a new network namespace with only loopback up (unshare -n), so neither az nor the simulator can
# reach anything but 127.0.0.1 — az 2.45 otherwise phones home (telemetry, version checks; reference/azcli.md §4).
# Needs root (for unshare), az, python3 and a built target/gateway-wizard.jar.
#
# Usage: src/test/azcli/run.sh            exit 0 = every step passed; prints one line per step.
set -euo pipefail
cd "$(dirname "$0")/../../.."

source src/test/azcli/az-sim.sh
azsim_netns "$@"

JAR=target/gateway-wizard.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
AZ_PY=/usr/bin/python3   # az must run on Debian's python, not a pyenv one earlier on PATH
work=$(mktemp -d)
sim_pid=
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

pass=0; fail=0
step() { # step NAME command...
  local name=$1; shift
  if "$@" >"$work/out" 2>"$work/err"; then
    pass=$((pass+1)); echo "ok   $name"
  else
    fail=$((fail+1)); echo "FAIL $name"; sed 's/^/     /' "$work/err" | tail -15; sed 's/^/     /' "$work/out" | tail -5
  fi
}

# 1. the simulator, over TLS (az refuses plain http), demo pace so az's own polling is exercised
azsim_start 5
echo "simulator at $B"

# 2. az, isolated: own config dir, no telemetry/recommendations/extension installs, our CA only
azsim_isolate_az
NAME=kgw-azcli

step "az cloud register" az cloud register --name GatewayWizardSim --endpoint-resource-manager "$B/" \
  --endpoint-active-directory "$B/adfs" --endpoint-active-directory-resource-id "$B/" \
  --endpoint-active-directory-graph-resource-id "$B/graph/"
step "az cloud set" az cloud set --name GatewayWizardSim
step "az login (service principal)" az login --service-principal -u sim-client -p sim-secret \
  --tenant 99999999-9999-9999-9999-999999999999
step "az account set" az account set --subscription "$SUB"

# 3. our manifest, full form (secrets from files, owner-only output)
azsim_secrets
step "render manifest" java -jar "$JAR" render --name "$NAME" --location westeurope --subscription "$SUB" \
  --subnet-id "$SUBNET" --docker-user trainer01 --docker-pat-file "$work/pat" \
  --gateway-config-file "$work/config" --out "$work/keeper-gateway.yml"

# 4. the seed's commands
step "az container create --file" az container create --resource-group "$RG" --file "$work/keeper-gateway.yml"
wait_state() { # wait_state STATE
  for _ in $(seq 1 60); do
    s=$(az container show -g "$RG" -n "$NAME" --query instanceView.state -o tsv 2>/dev/null || true)
    [ "$s" = "$1" ] && return 0
    sleep 0.5
  done
  echo "state is '$s', wanted '$1'" >&2; return 1
}
step "az container show → Running" wait_state Running
step "az container logs" bash -c "az container logs -g $RG -n $NAME | grep -q ."
step "az container restart" az container restart -g "$RG" -n "$NAME"
step "running again after restart" wait_state Running
step "az container stop" az container stop -g "$RG" -n "$NAME"
step "az container show → Stopped" wait_state Stopped
step "az container start" az container start -g "$RG" -n "$NAME"
step "running again after start" wait_state Running

# 5. what az sent == what our deployer sends (the same ArmBody, minus what ARM takes from the URL)
fetch() { /usr/bin/python3 -c 'import ssl, sys, urllib.request
ctx = ssl.create_default_context(cafile=sys.argv[2])
print(urllib.request.urlopen(sys.argv[1], context=ctx).read().decode())' "$@"; }
step "fetch the PUT body az sent" bash -c "$(declare -f fetch); fetch '$B/_simulator/last-put/$SUB/$RG/$NAME' '$CA' >'$work/az-put.json'"
step "render the request body our deployer sends" java -jar "$JAR" render --format json --name "$NAME" \
  --location westeurope --subscription "$SUB" --subnet-id "$SUBNET" --docker-user trainer01 \
  --docker-pat-file "$work/pat" --gateway-config-file "$work/config" --out "$work/ours.json"
step "az's body equals ours" "$AZ_PY" - "$work/az-put.json" "$work/ours.json" <<'PY'
import hashlib, json, sys
az, ours = (json.load(open(p)) for p in sys.argv[1:3])
# The simulator's admin API shows each secret as sha256:<hex>; ours (rendered) has them in clear: digest them alike.
def digested(n):
    if isinstance(n, dict):
        return {k: ("sha256:" + hashlib.sha256(v.encode()).hexdigest() if k in ("password", "secureValue", "storageAccountKey")
                    and isinstance(v, str) else digested(v)) for k, v in n.items()}
    if isinstance(n, list):
        return [digested(x) for x in n]
    return n
ours = digested(ours)
# az stringifies tag values and sends location + properties (+ tags); we send the same keys.
if az != ours:
    def diff(a, b, path=""):
        if isinstance(a, dict) and isinstance(b, dict):
            for k in sorted(set(a) | set(b)):
                diff(a.get(k), b.get(k), f"{path}.{k}")
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b)):
                diff(x, y, f"{path}[{i}]")
        elif a != b:
            print(f"differs at {path or '.'}", file=sys.stderr)  # values withheld: they may be secrets
    diff(az, ours)
    sys.exit(1)
PY
step "az container delete" az container delete -g "$RG" -n "$NAME" --yes
step "az container show → not found (exit 3)" bash -c "az container show -g $RG -n $NAME >/dev/null 2>&1; test \$? -eq 3"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
