#!/usr/bin/env bash
# Builds ReconRules and runs its tests in a scratch package that holds nothing else: no libpq, no
# libxlsxwriter, no database, no other package — the proof that the rules need only the toolchain.
#   scripts/check-rules-standalone.sh
# The scratch package links to this project's Sources/ReconRules, Tests/ReconRulesTests, the
# embedding plugin and tool, and data/calendar (nothing is copied), in a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
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
