#!/usr/bin/env bash
# Debian packages the deployment checks and tests need: promtool and prometheus (prometheus), kubectl
# (kubernetes-client; its `kubectl kustomize` renders deploy/kubernetes: the overlays need kubectl 1.21 or later, so a
# kubectl already on the machine, e.g. the `kubectl` package, is kept), headless Chromium (chromium) and PostgreSQL
# (postgresql; the gateway's store tests start a throwaway cluster with its initdb and pg_ctl).
# Idempotent: installs only what is missing, so a machine that has them does not touch the network.
set -euo pipefail

declare -A package_of=([promtool]=prometheus [prometheus]=prometheus [kubectl]=kubernetes-client [chromium]=chromium)
missing=()
for binary in promtool prometheus kubectl chromium; do
  command -v "$binary" >/dev/null 2>&1 || missing+=("${package_of[$binary]}")
done
# Debian keeps initdb off PATH, under /usr/lib/postgresql/<major>/bin.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-ci-packages: promtool, prometheus, kubectl, chromium and postgresql are present"
  exit 0
fi

packages="$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')"
echo "install-ci-packages: installing $packages"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-ci-packages: must run as root to install $packages" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086 # one word per package
apt-get install -y -q $packages
