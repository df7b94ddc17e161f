#!/usr/bin/env bash
# Provides Neovim 0.10 (Debian trixie) and the newest (Debian sid) in .deps/nvim-<suite>/, with
# wrappers .deps/bin/nvim-0.10 and .deps/bin/nvim-latest. Debian 12's own neovim (0.7) is too old,
# and the newer .debs need a newer libc: both are unpacked (dpkg -x) and run through their own loader.
# Usage: scripts/nvim.sh [trixie|sid ...]   (default: both)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/.deps"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(trixie sid)

wrapper_name() { case "$1" in trixie) echo nvim-0.10 ;; sid) echo nvim-latest ;; *) echo "nvim-$1" ;; esac; }

# Writes the wrapper. Neovim finds its tree-sitter parsers (usr/lib/nvim/parser) relative to its
# binary, which through the loader is the wrong place: they are offered as a site directory of
# XDG_DATA_DIRS instead (kept even by --clean, which drops only the user's own directories).
write_wrapper() {
  local suite=$1 dir=$2 name=$3
  local ver; ver=$(cat "$dir/.version")
  mkdir -p "$deps/bin" "$dir/site-data/nvim/site"
  ln -sfn "$dir/usr/lib/nvim/parser" "$dir/site-data/nvim/site/parser"
  cat > "$deps/bin/$name" <<WRAP
#!/bin/sh
# Neovim $ver from Debian $suite, unpacked by scripts/nvim.sh and run through its own loader.
d="$dir"
export VIMRUNTIME="\$d/usr/share/nvim/runtime"
export XDG_DATA_DIRS="\$d/site-data:\${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
exec "\$d/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "\$d/usr/lib/x86_64-linux-gnu:\$d/lib/x86_64-linux-gnu" "\$d/usr/bin/nvim" "\$@"
WRAP
  chmod +x "$deps/bin/$name"
}

fetch_suite() {
  local suite=$1; local dir="$deps/nvim-$1" apt="$deps/apt-$1"
  local name; name=$(wrapper_name "$suite")
  if [ -x "$dir/usr/bin/nvim" ] && [ -f "$dir/.version" ]; then
    write_wrapper "$suite" "$dir" "$name"
    "$deps/bin/$name" --headless --clean +q >/dev/null 2>&1 && return 0
  fi
  echo "scripts/nvim.sh: fetching neovim from Debian $suite into $dir" >&2
  rm -rf "$apt" "$dir"
  mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/etc/preferences.d" "$dir"
  echo "deb [trusted=yes] $mirror $suite main" > "$apt/etc/sources.list"
  : > "$apt/status"
  local opts=(-o "Dir::Etc::SourceList=$apt/etc/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$apt/etc/preferences.d"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::State::Status=$apt/status"
    -o "Dir::Cache=$apt" -o "Dir::Cache::archives=$apt/archives" -o "APT::Architecture=amd64"
    -o "APT::Architectures=amd64" -o "Acquire::Languages=none" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
  apt-get "${opts[@]}" -qq update
  # The closure of neovim's dependencies (libc6 included), real packages only.
  local pkgs
  pkgs=$(apt-cache "${opts[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances --no-pre-depends neovim 2>/dev/null |
    awk '/^[a-z0-9]/ { print $1 }' | sort -u)
  pkgs="$pkgs $(apt-cache "${opts[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances libc6 2>/dev/null | awk '/^[a-z0-9]/ { print $1 }' | sort -u)"
  local real=()
  for p in $(echo "$pkgs" | tr ' ' '\n' | sort -u); do
    case "$p" in debconf|perl-base|dpkg|debianutils|base-files|tar|install-info|sensible-utils|libpam*|passwd|login*|util-linux*|libaudit*|libselinux*|libcrypt*|libtinfo*|ncurses*|mawk|coreutils|sed|grep|bash|zlib1g|libbz2*|liblzma*|libzstd*|libmd0|libacl1|libattr1|libpcre*|libgmp*|libsemanage*|libsepol*|libcap*|libdb*|init-system-helpers|usr-is-merged|media-types|mime-support|readline-common|netbase|tzdata|libsystemd*|libgcrypt*|libgpg*|liblz4*|xxd|libsmartcols*|libblkid*|libmount*|libuuid*|gcc-*-base) continue ;; esac
    if apt-cache "${opts[@]}" show "$p" >/dev/null 2>&1; then real+=("$p"); fi
  done
  (cd "$apt/archives" && apt-get "${opts[@]}" -qq download "${real[@]}")
  for deb in "$apt"/archives/*.deb; do dpkg -x "$deb" "$dir"; done
  dpkg-deb -f "$apt"/archives/neovim_*.deb Version > "$dir/.version"
  write_wrapper "$suite" "$dir" "$name"
  "$deps/bin/$name" --headless --clean +q || { echo "scripts/nvim.sh: $name does not start" >&2; exit 1; }
  rm -rf "$apt/archives"
}

for s in "${suites[@]}"; do fetch_suite "$s"; done
for s in "${suites[@]}"; do n=$(wrapper_name "$s"); printf '%s: %s\n' "$n" "$("$deps/bin/$n" --version | head -1)"; done
