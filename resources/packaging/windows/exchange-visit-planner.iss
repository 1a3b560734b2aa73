; Inno Setup 6 script: a per-user installer of the Windows bundle (no administrator rights).
; NOT built or tested in this project's CI (which runs on Linux); see README "Install".
; Build on Windows after build.ps1 made build\dist\exchange-visit-planner:
;   iscc /DAppVersion=X.Y.Z resources\packaging\windows\exchange-visit-planner.iss
; (build.ps1 passes the version from pyproject.toml). Output: build\installer\.
#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z ...
#endif
#define AppName "Exchange Visit Planner"
#define Bundle "..\..\..\build\dist\exchange-visit-planner"

[Setup]
AppId={{6E0B7F0C-3C52-4C8B-9B1E-2D6C3F1E8A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppName}
; Per user: installs under %LOCALAPPDATA%\Programs, writes only HKCU, asks for no elevation.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\..\build\installer
OutputBaseFilename=exchange-visit-planner-{#AppVersion}-setup
SetupIconFile=..\..\..\build\work\icons\planner.ico
UninstallDisplayIcon={app}\exchange-visit-planner.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes
; Signing (optional): define a sign tool in the IDE or with /S, e.g.
;   iscc /Ssigntool="signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f" ...
; and uncomment:
; SignTool=signtool

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the planner command line to PATH"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\exchange-visit-planner.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\exchange-visit-planner.exe"; Tasks: desktopicon

[Registry]
; Exchange packages are JSON files (*.visit.json). Windows associates by the last extension
; only, so the planner offers itself in "Open with" for .json without taking JSON files over.
Root: HKA; Subkey: "Software\Classes\ExchangeVisitPlanner.Package"; ValueType: string; ValueData: "Exchange visit package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ExchangeVisitPlanner.Package\DefaultIcon"; ValueType: string; ValueData: "{app}\exchange-visit-planner.exe,0"
Root: HKA; Subkey: "Software\Classes\ExchangeVisitPlanner.Package\shell\open\command"; ValueType: string; ValueData: """{app}\exchange-visit-planner.exe"" ""--import-package=%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "ExchangeVisitPlanner.Package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\exchange-visit-planner.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
