#!/usr/bin/env bash
# The viberbot template, checked as a user meets it: packs every src/* project (each must give a .nupkg and a .snupkg,
# warnings are errors) into artifacts/packages with a version of this run's own, installs the template from this
# folder into a private template hive, creates a bot in a temporary directory, restores it from those packages (the
# rest from the usual NuGet sources), builds it with warnings as errors and runs its tests.
#
# Usage: templates/check.sh RESULTS_DIR
# The generated tests write a JUnit report into RESULTS_DIR/template/; a step that fails before they ran writes a
# report with one failed test naming the step, so .ci/run counts the failure either way.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
results="$1/template"
rm -rf "$results"
mkdir -p "$results"

# A version of this run's own: NuGet caches packages by id and version, so a fixed one could restore a stale build.
suffix="ci.$(date -u +%Y%m%d%H%M%S).$$"
packages="$root/artifacts/packages"
work="$(mktemp -d)"
global_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
version=""

cleanup() {
  rm -rf "$work"
  # Only this run's own entries leave the global packages folder (a unique version per run would pile up there).
  if [ -n "$version" ]; then
    for project in "$root"/src/*/*.csproj; do
      id="$(basename "$project" .csproj)"
      rm -rf "$global_packages/${id,,}/$version"
    done
  fi
}
trap cleanup EXIT

fail() { # step, log file
  local step="$1" log="$2" message
  message="$(tail -c 4000 "$log" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')"
  tail -40 "$log" >&2
  echo "error: template check failed: $step" >&2
  cat > "$results/template-check.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<testsuite name="templates/check.sh" tests="1" failures="1" skipped="0">
  <testcase classname="templates.viberbot" name="$step"><failure message="$step failed">$message</failure></testcase>
</testsuite>
XML
  exit 1
}

started=$SECONDS
rm -rf "$packages"
mkdir -p "$packages"
# One Release build of the leaf projects (they reference all the others), then each project packed without building.
log="$work/build-src.log"
for leaf in Viber.AspNetCore.Redis Viber.Testing; do
  dotnet build "$root/src/$leaf" -c Release -p:VersionSuffix="$suffix" -p:TreatWarningsAsErrors=true >>"$log" 2>&1 \
    || fail "dotnet build -c Release src/$leaf" "$log"
done
for project in "$root"/src/*/*.csproj; do
  id="$(basename "$project" .csproj)"
  log="$work/pack-$id.log"
  dotnet pack "$project" -c Release --no-build -o "$packages" -p:VersionSuffix="$suffix" -p:TreatWarningsAsErrors=true >"$log" 2>&1 \
    || fail "dotnet pack $id" "$log"
  nupkg="$(find "$packages" -maxdepth 1 -name "$id.[0-9]*.nupkg" -print -quit)"
  [ -n "$nupkg" ] && [ -f "${nupkg%.nupkg}.snupkg" ] || { echo "no .nupkg and .snupkg for $id in $packages" >>"$log"; fail "dotnet pack $id gives .nupkg + .snupkg" "$log"; }
  ! grep -E ': warning [A-Z]+[0-9]+' "$log" >/dev/null || fail "dotnet pack $id without warnings" "$log"
  version="${nupkg##*/$id.}"
  version="${version%.nupkg}"
done
# The packages share internals (InternalsVisibleTo), so each must depend on the others at exactly its own version: a
# build target pins them, hooked on a NuGet step that a NuGet update could rename. Checked in the packed .nuspec files.
log="$work/version-pins.log"
python3 - "$packages" "$version" >"$log" 2>&1 <<'PY' || fail "Viber.* dependencies pinned to [$version] in every .nuspec" "$log"
import re, sys, zipfile, pathlib
folder, version = sys.argv[1], sys.argv[2]
bad = []
for nupkg in sorted(pathlib.Path(folder).glob("Viber.*.nupkg")):
    with zipfile.ZipFile(nupkg) as z:
        nuspec = next(z.read(n).decode() for n in z.namelist() if n.endswith(".nuspec"))
    for dep, ver in re.findall(r'<dependency id="(Viber\.[^"]+)" version="([^"]+)"', nuspec):
        if ver != f"[{version}]":
            bad.append(f"{nupkg.name}: {dep} {ver} (expected [{version}])")
print("\n".join(bad) or "all pinned")
sys.exit(1 if bad else 0)
PY
echo "template check: packed $(ls "$packages"/*.nupkg | wc -l) packages, version $version, Viber.* dependencies pinned ($((SECONDS - started)) s)"

log="$work/new.log"
dotnet new install "$root/templates/Viber.Templates" --debug:custom-hive "$work/hive" >"$log" 2>&1 || fail "dotnet new install" "$log"
dotnet new viberbot -n CiBot -o "$work/CiBot" --viber-version "$version" --debug:custom-hive "$work/hive" >>"$log" 2>&1 \
  || fail "dotnet new viberbot" "$log"
# The local packages first; nuget.org (or whatever the machine's NuGet.Config names) for everything else.
cat > "$work/CiBot/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="viber-local" value="$packages" />
  </packageSources>
</configuration>
XML

cd "$work/CiBot"
log="$work/build.log"
timeout 600 dotnet build -warnaserror >"$log" 2>&1 || fail "dotnet build (the generated bot)" "$log"
log="$work/test.log"
timeout 300 dotnet test --no-build --report-xunit-junit --results-directory "$results" >"$log" 2>&1 \
  || fail "dotnet test (the generated bot's tests)" "$log"
ls "$results"/*.xml >/dev/null 2>&1 || fail "the generated tests wrote a JUnit report" "$log"
echo "template check: the generated bot builds and its tests pass ($((SECONDS - started)) s)"
