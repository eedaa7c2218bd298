#!/usr/bin/env bash
# Makes the README's screenshots from the app itself: the wizard on the in-process training simulator, rendered
# headless (Monocle, software pipeline) and snapshotted step by step, light and dark, into src/site/*.png.
# Secrets are never on screen: token and config fields are masked, the YAML preview is masked, the config is a
# made-up training config.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(realpath -m "${1:-src/site}")"
for dark in false true; do
  mvn -B -o -q test -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false \
      -Dscreenshots="$out" -Dscreenshots.dark="$dark" ${EXTRA_MVN_ARGS:-}
done
ls -1 "$out"/*.png
