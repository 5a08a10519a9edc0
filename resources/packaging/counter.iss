; Inno Setup 6 script: a per-machine installer for Counter, built on Windows by build-windows.ps1
; (ISCC.exe /DAppVersion=0.1.0 counter.iss). Installs dist\Counter\ into Program Files, a Start-menu entry,
; and the shared data folder %ProgramData%\Counter, readable and writable by the PC's users (Modify for the
; Users group, inherited), full control for Administrators and SYSTEM. The uninstaller removes the program
; and leaves %ProgramData%\Counter (the database and scans) in place.

#ifndef AppVersion
  #define AppVersion "0.1.0"
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

[Files]
Source: "..\..\dist\Counter\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

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
; The installed build checks itself once (hidden; the Start-menu «Counter self-test» entry shows its lines).
Filename: "{app}\counter-cli.exe"; Parameters: "--self-test"; StatusMsg: "Self-test…"; \
  Flags: runhidden waituntilterminated
Filename: "{app}\Counter.exe"; Description: "Start Counter"; Flags: nowait postinstall skipifsilent
