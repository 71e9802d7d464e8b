#!/usr/bin/env bash
# Brings the graph-reader benchmark's real files into a cache folder, from Debian source packages:
#   NotreDame_www.mtx                   suitesparse 5.12.0  (SuiteSparse Matrix Collection, CC-BY 4.0)
#   liechtenstein-2013-08-03.osm.pbf    osm2pgsql 1.8.0     (OpenStreetMap data, ODbL 1.0)
#   liechtenstein-2013-08-03.osm.bz2    osm2pgsql 1.8.0     (the same extract as XML)
#   benchmarks/fetch-graph-data.sh [DEST]      (default: ${LATHE_DATA:-$HOME/.lathe/data}/graphs)
# Needs apt-get on a Debian bookworm machine (root, or sudo) and ~42 MB of downloads. It leaves
# /etc/apt alone: the source packages are fetched through a private deb-src list inside DEST.
# Files already present with the right SHA-256 are kept; a file is moved into place only once
# it is complete and verified.
set -euo pipefail
dest="$(realpath -m "${1:-${LATHE_DATA:-$HOME/.lathe/data}/graphs}")"
mkdir -p "$dest"

declare -A sha256=(
  [NotreDame_www.mtx]=c54fddc40f0638ecd9fbb0cbc37b56b49f163777a6729d72546015fb96dbf497
  [liechtenstein-2013-08-03.osm.pbf]=edb2b075be057662691fc343abed4ed58f139dd7c501c243197640fcb3ea82d4
  [liechtenstein-2013-08-03.osm.bz2]=62d9890af4eb9312d9d509ee2255dc2a171e09ced42339ee6e13898980747611
)

present() { [ -f "$dest/$1" ] && echo "${sha256[$1]}  $dest/$1" | sha256sum --quiet -c - 2>/dev/null; }

missing=()
for f in "${!sha256[@]}"; do present "$f" || missing+=("$f"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "graph data ready under $dest"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
work="$dest/.fetch"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src"
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
printf 'deb-src %s bookworm main\n' "$mirror" > "$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache")
$sudo apt-get "${apt_opts[@]}" update -qq
(cd "$work/src" && $sudo apt-get "${apt_opts[@]}" source --download-only -qq suitesparse osm2pgsql)

extract() { # tarball, member pattern, file name
  local tmp="$work/extract"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar xJf "$1" -C "$tmp" --wildcards "$2"
  local found
  found=$(find "$tmp" -name "$3" -type f | head -1)
  echo "${sha256[$3]}  $found" | sha256sum --quiet -c - || { echo "checksum of $3 differs" >&2; exit 1; }
  mv "$found" "$dest/$3.part" && mv "$dest/$3.part" "$dest/$3"
}
for f in "${missing[@]}"; do
  case "$f" in
    NotreDame_www.mtx) extract "$work"/src/suitesparse_*.orig.tar.xz '*/NotreDame_www.mtx' "$f";;
    liechtenstein-*) extract "$work"/src/osm2pgsql_*.orig.tar.xz "*/tests/data/$f" "$f";;
  esac
done
$sudo rm -rf "$work"
echo "graph data ready under $dest"
