# Sourced by src/test/azcli/run.sh and src/test/bench/az-times.sh: the real az CLI against the built-in simulator,
# isolated. Run from the repository root with JAR, AZ_PY and work set; the caller traps cleanup (it kills $sim_pid).

# azsim_netns "$@": re-runs the calling script in a new network namespace with only loopback up (unshare -n), so
# neither az nor the simulator can reach anything but 127.0.0.1 (az 2.45 otherwise phones home). Needs root.
azsim_netns() {
  if [ -z "${GW_IN_NETNS:-}" ]; then
    exec unshare -n env GW_IN_NETNS=1 bash "$0" "$@"
  fi
  ip link set lo up
}

# azsim_start SPEED: starts the simulator over TLS (az refuses plain http); sets sim_pid, B (its URL) and CA.
azsim_start() {
  java -jar "$JAR" simulator --tls --port 0 --speed "$1" >"$work/sim.out" 2>"$work/sim.err" &
  sim_pid=$!
  for _ in $(seq 1 150); do grep -q '^CA certificate: ' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
  B=$(sed -n 's/^ARM simulator listening on \(https:[^ ]*\).*/\1/p' "$work/sim.out")
  CA=$(sed -n 's/^CA certificate: //p' "$work/sim.out")
  [ -n "$B" ] && [ -n "$CA" ] || { echo "simulator did not start:" >&2; cat "$work/sim.out" "$work/sim.err" >&2; exit 1; }
}

# azsim_isolate_az: az with its own config dir, no telemetry, recommendations, extension installs or version
# check, trusting the simulator's CA only; defines az() on Debian's python (not a pyenv one earlier on PATH).
azsim_isolate_az() {
  export AZURE_CONFIG_DIR=$work/azcfg AZURE_CORE_COLLECT_TELEMETRY=false AZURE_EXTENSION_USE_DYNAMIC_INSTALL=no \
         AZURE_CORE_ERROR_RECOMMENDATION=off AZURE_CORE_SURVEY_MESSAGE=false AZURE_CORE_NO_COLOR=true \
         REQUESTS_CA_BUNDLE=$CA
  mkdir -p "$AZURE_CONFIG_DIR"
  local ver
  ver=$("$AZ_PY" -c 'from azure.cli.core import __version__; print(__version__)')
  cat >"$AZURE_CONFIG_DIR/versionCheck.json" <<JSON
{"versions": {"core": {"local": "$ver", "pypi": "$ver"}, "cli": {"local": "$ver", "pypi": "$ver"}},
 "update_time": "2099-01-01 00:00:00.000000", "check_time": "2099-01-01 00:00:00.000000"}
JSON
  az() { "$AZ_PY" -m azure.cli "$@"; }
}

SUB=11111111-1111-1111-1111-111111111111
RG=rg-keeper
SUBNET=/subscriptions/$SUB/resourceGroups/$RG/providers/Microsoft.Network/virtualNetworks/vnet-keeper/subnets/aci-gateways

# azsim_secrets: a fresh Docker Hub-shaped PAT in $work/pat and a well-formed gateway config in $work/config.
azsim_secrets() {
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
}
