; Inno Setup 6 script: a per-machine installer for Counter, built on Windows by build-windows.ps1
; (ISCC.exe /DAppVersion=0.1.0 counter.iss). Installs the install folder dist\install\Counter\ (the launcher
; Counter.exe and counter-cli.exe, versions\<X>\, the `current` pointer; install_layout.py, the same layout as the
; Linux tarball) into Program Files, a Start-menu entry that starts the launcher, and the shared data folder
; %ProgramData%\Counter, readable and writable by the PC's users (Modify for the Users group, inherited), full
; control for Administrators and SYSTEM.
; Updates: the app, running as the clerk's own Windows account, downloads a signed update into versions\ and the
; launcher (same account) switches to it after its self-test; so the install folder grants Users Modify too (the
; trade-off: a local user can change the program; the release signature guards what comes over the network).
; Over an earlier install this version waits as `pending` and the launcher switches to it after its self-test
; (never to an older version than the one the PC updated itself to). The uninstaller removes the program with
; every version it holds and leaves %ProgramData%\Counter (the database and scans) in place.

#ifndef AppVersion
  #error Give the version: ISCC /DAppVersion=X counter.iss (build-windows.ps1 reads it from counter_app/__init__.py)
#endif

[Setup]
AppId={{6F2C0C9E-5D0B-4C55-9C57-3B1E4A2D7C11}
AppName=Counter
AppVerName=Counter {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Counter
DefaultDirName={autopf}\Counter
DefaultGroupName=Counter
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=counter-{#AppVersion}-windows-x64-setup
SetupIconFile=counter.ico
UninstallDisplayIcon={app}\Counter.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Dirs]
; The shared data folder: survives uninstalling (uninsneveruninstall); the ACL is set on every install.
Name: "{commonappdata}\Counter"; Permissions: users-modify admins-full system-full; Flags: uninsneveruninstall
; The install folder: the clerk's account stages updates here and the launcher switches versions (see above).
Name: "{app}"; Permissions: users-modify admins-full system-full

[Files]
Source: "..\..\dist\install\Counter\*"; Excludes: "current"; DestDir: "{app}"; \
  Flags: ignoreversion recursesubdirs createallsubdirs
; A first install starts this version; over an earlier one it waits as `pending` for the launcher's self-test.
Source: "..\..\dist\install\Counter\current"; DestDir: "{app}"; Flags: onlyifdoesntexist
Source: "..\..\dist\install\Counter\current"; DestDir: "{app}"; DestName: "pending"; Flags: ignoreversion

[InstallDelete]
; An install made before the launcher (the plain one-folder app at the top): its runtime, now in versions\.
Type: filesandordirs; Name: "{app}\_internal"

[UninstallDelete]
; What the updates added after installing (other versions, downloads, outcomes, pointers): the program, all of it.
Type: filesandordirs; Name: "{app}\versions"
Type: filesandordirs; Name: "{app}\downloads"
Type: filesandordirs; Name: "{app}\reports"
Type: files; Name: "{app}\current"
Type: files; Name: "{app}\previous"
Type: files; Name: "{app}\pending"
Type: files; Name: "{app}\launcher.lock"

[Registry]
; Every user of the PC works in the shared data folder unless COUNTER_DATA_DIR says otherwise.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; \
  ValueName: "COUNTER_DATA_DIR"; ValueData: "{commonappdata}\Counter"; Flags: uninsdeletevalue

[Icons]
Name: "{group}\Counter"; Filename: "{app}\Counter.exe"; WorkingDir: "{commonappdata}\Counter"
Name: "{group}\Counter self-test"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\counter-cli.exe"" --self-test"; WorkingDir: "{commonappdata}\Counter"
Name: "{group}\Uninstall Counter"; Filename: "{uninstallexe}"

[Run]
; Through the launcher, as a clerk starts it: a waiting version self-tests and becomes current if it passes, then
; the version in use checks itself (hidden; the Start-menu «Counter self-test» entry shows its lines).
Filename: "{app}\counter-cli.exe"; Parameters: "--self-test"; StatusMsg: "Self-test…"; \
  Flags: runhidden waituntilterminated
Filename: "{app}\Counter.exe"; Description: "Start Counter"; Flags: nowait postinstall skipifsilent
