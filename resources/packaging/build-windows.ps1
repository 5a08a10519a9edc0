# Builds the Windows package on a Windows PC (it cannot be built on Linux): the one-folder app with PyInstaller
# from counter.spec and its self-test, the launcher from launcher.spec, the install folder (install_layout.py, as
# on Linux), the per-machine installer with Inno Setup, and the update package to sign (README "Updates").
# Needs: Python 3.11 (64-bit) on PATH, Inno Setup 6 (ISCC.exe). Run from the repository root:
#   powershell -ExecutionPolicy Bypass -File resources\packaging\build-windows.ps1
$ErrorActionPreference = "Stop"
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $root
if (-not (Test-Path ".venv\Scripts\python.exe")) { python -m venv .venv }
& .venv\Scripts\python.exe -m pip install --quiet -e ".[dist]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
& .venv\Scripts\pyinstaller.exe --noconfirm --distpath dist --workpath build\pyinstaller resources\packaging\counter.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
& dist\Counter\counter-cli.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "the frozen self-test failed (lines above)" }
& .venv\Scripts\pyinstaller.exe --noconfirm --distpath dist --workpath build\launcher resources\packaging\launcher.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller (launcher) failed" }
$version = (& .venv\Scripts\python.exe -c "import counter_app; print(counter_app.__version__)").Trim()
& .venv\Scripts\python.exe resources\packaging\install_layout.py install --version $version --out dist\install
if ($LASTEXITCODE -ne 0) { throw "the install folder failed" }
& .venv\Scripts\python.exe resources\packaging\install_layout.py package --version $version --out dist
if ($LASTEXITCODE -ne 0) { throw "the update package failed" }
$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe") |
  Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) is not installed" }
& $iscc "/DAppVersion=$version" resources\packaging\counter.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
$size = (Get-ChildItem dist\Counter -Recurse -File | Measure-Object -Sum Length).Sum / 1MB
$made = "dist\Counter: {0:N0} MB; installer: dist\counter-{1}-windows-x64-setup.exe; update package: "
Write-Host (($made + "dist\Counter-{1}-windows-x86_64.tar.gz") -f $size, $version)
