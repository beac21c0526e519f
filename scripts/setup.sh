#!/usr/bin/env bash
# Quick start: install the Debian packages mkdoc needs, build it, and make the 2022 report.
#   scripts/setup.sh     calls sudo for apt-get when packages are missing and you are not root;
#                        under `sudo scripts/setup.sh` it still builds as the calling user.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=$(sed 's/#.*//' scripts/packages.txt | xargs)

missing=$(dpkg-query -W -f='${Package} ${Status}\n' $pkgs 2>/dev/null |
          awk '$NF != "installed" {print $1}' || true)
# dpkg-query prints nothing for packages it has never heard of: add those too
for p in $pkgs; do
  dpkg-query -W "$p" >/dev/null 2>&1 || missing="$missing $p"
done
missing=$(echo $missing | tr ' ' '\n' | sort -u | xargs)

if [ -n "$missing" ]; then
  echo "setup: installing: $missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=
  elif command -v sudo >/dev/null; then sudo=sudo
  else echo "setup: run this as root, or install sudo, to install: $missing" >&2; exit 1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
else
  echo "setup: all packages already installed"
fi

# Build as the user who called sudo, so build/ and out/ stay theirs.
as_user=
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
  as_user="sudo -u $SUDO_USER"
fi
$as_user make -j"$(nproc)"
$as_user env MKDOC_FONTS_CONF="$(pwd)/fonts/fonts.conf" build/mkdoc report 2022
echo "setup: the report is in $(pwd)/out/report-2022.pdf"
