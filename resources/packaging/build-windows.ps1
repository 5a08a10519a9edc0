# Builds the Windows package on a Windows PC (it cannot be built on Linux): the one-folder app with PyInstaller
# from counter.spec, its self-test, then the per-machine installer with Inno Setup.
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
$version = (& .venv\Scripts\python.exe -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])").Trim()
$iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe") |
  Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) is not installed" }
& $iscc "/DAppVersion=$version" resources\packaging\counter.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
$size = (Get-ChildItem dist\Counter -Recurse -File | Measure-Object -Sum Length).Sum / 1MB
Write-Host ("dist\Counter: {0:N0} MB; installer: dist\counter-{1}-windows-x64-setup.exe" -f $size, $version)
