#!/usr/bin/env bash
# Builds ReconRules and runs its tests in a scratch package that holds nothing else: no libpq, no
# libxlsxwriter, no database, no other package — the proof that the rules need only the toolchain.
#   scripts/check-rules-standalone.sh
# The scratch package links to this project's Sources/ReconRules, Tests/ReconRulesTests, the
# embedding plugin and tool, and data/calendar (nothing is copied), in a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# 1. In the project's own package graph, ReconRules reaches no system library and no package.
(cd "$root" && swift package dump-package) | python3 -c '
import json, sys
package = json.load(sys.stdin)
targets = {t["name"]: t for t in package["targets"]}
def deps(name):
    out = []
    for d in targets[name]["dependencies"]:
        kind, value = next(iter(d.items()))
        out.append((kind, value[0]))
    return out
seen, stack = set(), ["ReconRules"]
while stack:
    name = stack.pop()
    if name in seen: continue
    seen.add(name)
    for kind, dep in deps(name):
        if kind == "product": sys.exit(f"ReconRules reaches the package product {dep}")
        stack.append(dep)
c = [n for n in seen if targets[n]["type"] == "system"]
if c: sys.exit(f"ReconRules reaches the system library target(s) {c}")
print("check-rules-standalone: ReconRules depends on", sorted(seen - {"ReconRules"}) or "nothing", "- no C library, no package")
'

scratch=$(mktemp -d "${TMPDIR:-/tmp}/recon-rules-standalone.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/Sources" "$scratch/Tests" "$scratch/Plugins"
ln -s "$root/Sources/ReconRules" "$scratch/Sources/ReconRules"
ln -s "$root/Sources/embed-files" "$scratch/Sources/embed-files"
ln -s "$root/Plugins/EmbedFilesPlugin" "$scratch/Plugins/EmbedFilesPlugin"
ln -s "$root/Tests/ReconRulesTests" "$scratch/Tests/ReconRulesTests"
ln -s "$root/data" "$scratch/data"
cat > "$scratch/Package.swift" <<'SWIFT'
// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "recon-rules-standalone",
    targets: [
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedFilesPlugin", capability: .buildTool(), dependencies: ["embed-files"]),
        .target(name: "ReconRules", plugins: ["EmbedFilesPlugin"]),
        .testTarget(name: "ReconRulesTests", dependencies: ["ReconRules"]),
    ]
)
SWIFT
cd "$scratch"
echo "check-rules-standalone: building ReconRules alone in $scratch" >&2
# No pkg-config search path: a C library reached for by mistake fails the build here.
PKG_CONFIG_PATH=/nonexistent PKG_CONFIG_LIBDIR=/nonexistent swift test --filter ReconRulesTests 2>&1 | tail -n 3
