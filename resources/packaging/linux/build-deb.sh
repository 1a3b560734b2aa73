#!/usr/bin/env bash
# Build the .deb from a finished bundle:  build-deb.sh BUNDLE_DIR VERSION OUT_DIR
# (build.sh calls it). The bundle goes to /opt/exchange-visit-planner; /usr/bin gets relative
# links to both executables, so the package also runs from a scratch root (dpkg -x).
# Depends: the Debian packages of every library the bundle's ELF files need but do not carry,
# found with objdump and dpkg -S, plus the X11/Wayland libraries Qt's platform plugins open.
set -euo pipefail
bundle=$(cd "$1" && pwd); version=$2; out=$(mkdir -p "$3" && cd "$3" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
icons="$here/../../icons/app"
name=exchange-visit-planner
arch=$(dpkg --print-architecture)
stage=$(mktemp -d "$out/deb-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT

install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/mime/packages" "$stage/usr/share/doc/$name" \
  "$stage/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$stage/opt/$name"
ln -s "../../opt/$name/$name" "$stage/usr/bin/$name"
ln -s "../../opt/$name/planner" "$stage/usr/bin/planner"
install -m 0644 "$here/$name.desktop" "$stage/usr/share/applications/$name.desktop"
install -m 0644 "$here/$name-mime.xml" "$stage/usr/share/mime/packages/$name.xml"
install -m 0644 "$icons/planner.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$name.svg"
for size in 16 24 32 48 64 128 256; do
  install -D -m 0644 "$icons/planner-$size.png" \
    "$stage/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
cat > "$stage/usr/share/doc/$name/copyright" <<COPY
Exchange Visit Planner $version

The licences of everything bundled (Python, Qt under the LGPL v3, the IPAex font, the icon
set and every Python package) are in /opt/$name/_internal/licences/ and shown in
Help > About.
COPY

# Libraries the bundle needs from the system: NEEDED entries of every ELF file that no file of
# the bundle provides.
provided=$(find "$bundle" -type f -name '*.so*' -printf '%f\n' | sort -u)
# objdump fails on the files that are not ELF (scripts, data marked executable): ignored.
elf_dump() { find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
  | { xargs -0 objdump "$1" 2>/dev/null || true; }; }
needed=$(elf_dump -p | awk '/NEEDED/ {print $2}' | sort -u)
declare -A deps=()
missing=()
for lib in $needed; do
  grep -qxF "$lib" <<<"$provided" && continue
  pkg=$(dpkg -S "*/$lib" 2>/dev/null | grep -v '^diversion' | head -1 | cut -d: -f1 || true)
  if [ -n "$pkg" ]; then deps[$pkg]=1; else missing+=("$lib"); fi
done
# The X11 desktop's platform plugin (xcb) and the libraries it opens at run time; the offscreen
# platform needs none of them, so the build host need not have them installed.
for pkg in libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
           libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 \
           libx11-xcb1 libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0; do
  deps[$pkg]=1
done
# Debian 13 renamed some libraries for 64-bit time; accept either name.
depends=$(for pkg in "${!deps[@]}"; do
  case "$pkg" in
    libc6|libc-bin) ;;
    libglib2.0-0|libglib2.0-0t64) echo "libglib2.0-0t64 | libglib2.0-0" ;;
    *) echo "$pkg" ;;
  esac
done | sort -u | paste -sd, - | sed 's/,/, /g')
# The newest glibc symbol version any bundled file needs: the oldest system it runs on.
glibc=$(elf_dump -T | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
if [ ${#missing[@]} -gt 0 ]; then
  echo "deb: no Debian package found for: ${missing[*]} (left out of Depends)" >&2
fi

size=$(du -sk "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: $name
Version: $version
Architecture: $arch
Maintainer: Exchange Visit Planner maintainers <planner@invalid>
Installed-Size: $size
Depends: libc6 (>= $glibc), $depends
Conflicts: planner
Section: misc
Priority: optional
Description: plan exchange visits between partner research institutions
 Exchange Visit Planner keeps researcher, staff and student exchange visits between partner
 institutions: paperwork checklists with due dates, bilingual (English/Japanese) itineraries
 in every local time zone, reports by fiscal year and exchange packages between partners.
 .
 This package carries its own Python and Qt (a PyInstaller bundle in /opt/$name).
CONTROL
deb="$out/${name}_${version}_${arch}.deb"
# gzip by default: ~25 s and 89 MB here, where xz takes over 5 minutes for 69 MB; a release
# build can choose DEB_COMPRESSION=xz.
dpkg-deb --root-owner-group "-Z${DEB_COMPRESSION:-gzip}" --build "$stage" "$deb" >/dev/null
echo "deb: $deb ($(du -h "$deb" | cut -f1); needs glibc $glibc or newer)"
echo "deb: Depends: libc6 (>= $glibc), $depends"
