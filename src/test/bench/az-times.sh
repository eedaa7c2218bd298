#!/usr/bin/env bash
# Times the real az CLI's status / restart / logs as whole processes against the built-in simulator (zero delays),
# for the bench (AzCliBench). Set-up as in src/test/azcli/run.sh: a loopback-only network namespace (unshare -n, so
# az cannot phone home), a throw-away AZURE_CONFIG_DIR, the simulator's CA, a gateway created with our rendered
# manifest; then each operation by az and by our CLI, by turns (so a change of machine speed hits both alike). Prints
# "AZ_MS <op> <ms> ..." and "OURS_MS <op> <ms> ..." per operation. Needs root, az, python3-cryptography, the built jar.
# Usage: src/test/bench/az-times.sh RUNS
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
source src/test/azcli/az-sim.sh
azsim_netns "$@"
JAR=target/gateway-wizard.jar
AZ_PY=/usr/bin/python3
work=$(mktemp -d)
sim_pid=
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

azsim_start 0
azsim_isolate_az
NAME=kgw-bench
{
  az cloud register --name GatewayWizardSim --endpoint-resource-manager "$B/" \
    --endpoint-active-directory "$B/adfs" --endpoint-active-directory-resource-id "$B/" \
    --endpoint-active-directory-graph-resource-id "$B/graph/"
  az cloud set --name GatewayWizardSim
  az login --service-principal -u sim-client -p sim-secret --tenant 99999999-9999-9999-9999-999999999999
  az account set --subscription "$SUB"
} >"$work/setup.log" 2>&1 || { echo "az set-up failed" >&2; tail -20 "$work/setup.log" >&2; exit 1; }

azsim_secrets
java -jar "$JAR" render --name "$NAME" --location westeurope --subscription "$SUB" --subnet-id "$SUBNET" \
  --docker-user trainer01 --docker-pat-file "$work/pat" --gateway-config-file "$work/config" \
  --out "$work/keeper-gateway.yml" >/dev/null
az container create --resource-group "$RG" --file "$work/keeper-gateway.yml" >/dev/null 2>"$work/create.err" \
  || { echo "az container create failed" >&2; cat "$work/create.err" >&2; exit 1; }

now() { date +%s%N; }
ms_of() { # ms_of LABEL command...: one timed run, its milliseconds on stdout
  local t0; t0=$(now)
  "${@:2}" >/dev/null 2>"$work/op.err" || { echo "$1 failed" >&2; cat "$work/op.err" >&2; exit 1; }
  echo $(( ($(now) - t0) / 1000000 ))
}

# Our CLI, the same operations as whole processes: the installed one (with its AppCDS archive, made by the
# warm-up run) when the .deb is installed, else the built jar. It trusts the simulator's CA from the app's data
# folder, where `simulator --tls` wrote it.
if [ -x /usr/bin/gateway-wizard ] && [ "$(readlink -f /usr/bin/gateway-wizard)" = /opt/gateway-wizard/lib/gateway-wizard-launch ]; then
  gw() { /usr/bin/gateway-wizard "$@"; }; echo "OURS_FORM installed"; installed=1
else
  gw() { java -jar "$JAR" "$@"; }; echo "OURS_FORM java -jar"; installed=
fi
where=(--resource-group "$RG" --subscription "$SUB" --cloud "simulator=$B")
# The installed launcher builds a command's AppCDS archive in the background after its first run; the timed runs
# start once it exists (up to 2 minutes), so they measure every later run, not one racing the archive's dump.
cds_dir="${XDG_CACHE_HOME:-$HOME/.cache}/gateway-wizard/cds"
warm_ours() { # warm_ours COMMAND args...
  gw "$@" >/dev/null 2>&1 || true
  if [ -n "$installed" ]; then
    for _ in $(seq 1 240); do ls "$cds_dir"/cli-"$1"-*.jsa >/dev/null 2>&1 && break; sleep 0.5; done
  fi
}

# pair LABEL "az args" "our args": after a warm-up of each, the two run by turns, so both see the same machine.
pair() {
  local name=$1 t; local -a azargs ourargs
  read -r -a azargs <<<"$2"; read -r -a ourargs <<<"$3"
  az container "${azargs[@]}" -g "$RG" -n "$NAME" >/dev/null 2>&1 || true   # warm-up (disk cache)
  warm_ours "${ourargs[@]}" "$NAME" "${where[@]}"
  local a="AZ_MS $name" o="OURS_MS $name"
  for _ in $(seq 1 "$runs"); do
    t=$(ms_of "az $name" az container "${azargs[@]}" -g "$RG" -n "$NAME") || exit 1; a="$a $t"
    t=$(ms_of "gateway-wizard $name" gw "${ourargs[@]}" "$NAME" "${where[@]}") || exit 1; o="$o $t"
  done
  echo "$a"
  echo "$o"
}
pair status "show" "status"
pair logs "logs" "logs"
# az container restart returns once Azure accepted the restart (ACI answers at once): ours with --no-wait does that;
# ours without it also follows the gateway until it is Running again (timed after, against the same az runs).
pair restart "restart" "restart --no-wait"
o="OURS_MS restart-until-running"
for _ in $(seq 1 "$runs"); do t=$(ms_of "gateway-wizard restart" gw restart "$NAME" "${where[@]}") || exit 1; o="$o $t"; done
echo "$o"
