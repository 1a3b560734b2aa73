#!/usr/bin/env bash
# macOS build (NOT run in this project's CI): the .app with PyInstaller (build.sh runs the same
# spec, which makes "Exchange Visit Planner.app" on macOS), then a signed, notarised .dmg.
#   NO_DEB=1 bash resources/packaging/build.sh
#   SIGN_ID="Developer ID Application: Your Lab (TEAMID)" NOTARY_PROFILE=planner \
#     bash resources/packaging/macos/build-dmg.sh
# Needs Python 3.11+ from python.org (universal2 or the Mac's architecture), Xcode command line
# tools (codesign, hdiutil, xcrun notarytool). Without SIGN_ID the .dmg is unsigned: Gatekeeper
# then asks the user to confirm in System Settings > Privacy & Security.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
app="$root/build/dist/Exchange Visit Planner.app"
version=$("$root/build/venv/bin/python" -c 'import planner; print(planner.__version__)')
dmg="$root/build/Exchange-Visit-Planner-$version.dmg"
[ -d "$app" ] || { echo "build the .app first: NO_DEB=1 bash resources/packaging/build.sh" >&2; exit 1; }

if [ -n "${SIGN_ID:-}" ]; then
  # Hardened runtime (required for notarisation); sign inside out, the app last.
  codesign --force --deep --options runtime --timestamp --sign "$SIGN_ID" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Exchange Visit Planner $version" -srcfolder "$stage" -ov -format UDZO "$dmg"

if [ -n "${SIGN_ID:-}" ]; then
  codesign --force --timestamp --sign "$SIGN_ID" "$dmg"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    # A profile stored once with: xcrun notarytool store-credentials planner --apple-id ... --team-id ...
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
  fi
fi
echo "dmg: $dmg"
