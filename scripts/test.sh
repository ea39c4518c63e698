#!/usr/bin/env bash
# The README's test command: installs the Debian packages the tests drive (headless Chromium for Swagger UI, a real
# Prometheus and promtool, kubectl for the manifests), then runs every test. Arguments go to `dotnet test`.
# A machine with only the .NET SDK needs root (or sudo) once, for apt; later runs install nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$(id -u)" -eq 0 ] || ! command -v sudo >/dev/null 2>&1; then
  scripts/install-ci-packages.sh
else
  sudo scripts/install-ci-packages.sh
fi

exec dotnet test HybridAgent.sln "$@"
