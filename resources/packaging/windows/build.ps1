# Windows build (NOT run in this project's CI): the bundle with PyInstaller, then the per-user
# installer with Inno Setup 6. From the repository root, in PowerShell:
#   powershell -ExecutionPolicy Bypass -File resources\packaging\windows\build.ps1
# Needs Python 3.11+ (python.org installer) and Inno Setup 6 (iscc on PATH).
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\..\.."
Set-Location $root
$venv = "build\venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3 -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install -q --upgrade pip
& "$venv\Scripts\python.exe" -m pip install -q --force-reinstall --no-deps .
& "$venv\Scripts\python.exe" -m pip install -q ".[postgres,bundle]"
$version = & "$venv\Scripts\python.exe" -c "import planner; print(planner.__version__)"
Push-Location build
& "$venv\Scripts\python.exe" -c "import sys; from pathlib import Path; from planner.domain.licences import write_licences; write_licences(Path(sys.argv[1]))" "$root\build\licences"
& "$venv\Scripts\python.exe" -m PyInstaller --noconfirm --clean --distpath "$root\build\dist" --workpath "$root\build\work" "$root\resources\packaging\planner.spec"
Pop-Location
# Sign the executables before packing them (optional; needs a code-signing certificate):
#   signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a build\dist\exchange-visit-planner\*.exe
iscc "/DAppVersion=$version" resources\packaging\windows\exchange-visit-planner.iss
