#!/usr/bin/env bash
# Build the one-folder bundle (two executables) and, on Debian/Ubuntu, the .deb:
#   bash resources/packaging/build.sh
# Installs what it needs into its own virtual environment under build/ (like .ci/run) and the
# project itself NOT editable, so the bundle cannot depend on anything in the source tree.
# Output: build/dist/exchange-visit-planner/ (the bundle), build/exchange-visit-planner_*.deb.
# Environment: PYTHON (default python3, 3.11+ built with a shared libpython), NO_DEB=1 to skip
# the .deb.
set -euo pipefail
# The analysis must see the installed copy only, never a source tree on a developer's path.
unset PYTHONPATH PYTHONHOME
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
build="$root/build"
venv="$build/venv"
started=$(date +%s)

if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --upgrade pip
# The project with its PostgreSQL driver (a team server works too) and, from its "bundle"
# extra, PyInstaller from PyPI. Reinstalled every time: the version may have changed.
"$venv/bin/python" -m pip install -q --force-reinstall --no-deps "$root"
"$venv/bin/python" -m pip install -q "$root[postgres,bundle]"

version=$("$venv/bin/python" -c 'import planner; print(planner.__version__)')
echo "build: Exchange Visit Planner $version"

# The licences of everything that goes into the bundle, gathered from the installed packages.
rm -rf "$build/licences"
(cd "$build" && "$venv/bin/python" -c \
  'import sys; from pathlib import Path; from planner.domain.licences import write_licences
write_licences(Path(sys.argv[1]))' "$build/licences")

# Run from build/ so that the source tree's planner/ is never importable by the analysis.
(cd "$build" && "$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$build/dist" --workpath "$build/work" "$here/planner.spec")
bundle="$build/dist/exchange-visit-planner"
# The system libraries PyInstaller copied from this host: their Debian copyright files too.
"$venv/bin/python" "$here/system_licences.py" "$bundle"
echo "build: bundle $bundle ($(du -sh "$bundle" | cut -f1))"

if [ "${NO_DEB:-0}" != 1 ] && command -v dpkg-deb >/dev/null; then
  bash "$here/linux/build-deb.sh" "$bundle" "$version" "$build"
fi
echo "build: done in $(( $(date +%s) - started )) s"
