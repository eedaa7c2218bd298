#!/usr/bin/env bash
# Renders gateway-wizard.svg to every PNG size the stage and the installers use, plus .ico (Windows) and
# .icns (macOS). Needs Debian packages librsvg2-bin, imagemagick, icnsutils.
set -euo pipefail
cd "$(dirname "$0")"
src=gateway-wizard.svg
convert=/usr/bin/convert   # ImageMagick's own, not a wrapper earlier on PATH
sizes=(16 24 32 48 64 128 256 512 1024)
mkdir -p png
for s in "${sizes[@]}"; do
  rsvg-convert -w "$s" -h "$s" "$src" -o "png/gateway-wizard-$s.png"
done
"$convert" png/gateway-wizard-{16,24,32,48,64,128,256}.png gateway-wizard.ico
png2icns gateway-wizard.icns png/gateway-wizard-{16,32,48,128,256,512,1024}.png >/dev/null
# The app loads its stage icons (every size) from the class path.
res=../src/main/resources/com/gatewaywizard/ui/icons
mkdir -p "$res"
for s in "${sizes[@]}"; do cp "png/gateway-wizard-$s.png" "$res/"; done
echo "icons written: png/ (${sizes[*]}), gateway-wizard.ico, gateway-wizard.icns, $res"
