#!/usr/bin/env bash
# The Debian package as a user gets it: built with CPack from this build, its desktop entry and
# AppStream metainfo valid, its contents complete, installed with apt-get on this machine, the
# installed console starting and taking a screenshot of live data, then removed again. Needs root
# (or sudo): it installs into the system.
#   package_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "package_install: needs root or sudo to install the package" >&2; exit 1; }
  as_root=(sudo)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

desktop-file-validate "$source/packaging/cn.cpn.console.desktop"
appstreamcli validate --no-net "$source/packaging/cn.cpn.console.metainfo.xml"

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log") || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/cpn-console_*.deb)
contents=$(dpkg-deb -c "$deb")
for path in usr/bin/cpn-console usr/bin/cpn-mock-scheduler usr/bin/cpn-slurm-gateway \
    usr/share/applications/cn.cpn.console.desktop usr/share/icons/hicolor/scalable/apps/cn.cpn.console.svg \
    usr/share/metainfo/cn.cpn.console.metainfo.xml usr/share/man/man1/cpn-console.1 \
    usr/share/man/man1/cpn-mock-scheduler.1 usr/share/man/man1/cpn-slurm-gateway.1 \
    usr/lib/systemd/system/cpn-mock-scheduler.service usr/lib/systemd/system/cpn-slurm-gateway.service \
    etc/default/cpn-mock-scheduler etc/default/cpn-slurm-gateway; do
  grep -q " \./$path\$" <<<"$contents" || { echo "package_install: $path is not in the package" >&2; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q libqt6widgets6 || { echo "package_install: no dependencies found by shlibdeps" >&2; exit 1; }

DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q "$deb" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }
removed=0
remove() { [ $removed -eq 1 ] || DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get purge -y -q cpn-console >/dev/null; removed=1; }
trap 'remove; rm -rf "$work"' EXIT

# The installed programs, not this build's: from /usr/bin, in another directory.
cd "$work"
[ "$(command -v cpn-console)" = /usr/bin/cpn-console ]
/usr/bin/cpn-mock-scheduler --version | grep -q '^cpn-mock-scheduler '
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" /usr/bin/cpn-console --lang zh_CN --screenshot "$work/shot.png" \
  --screenshot-after 2 --journal "$work/journal.sqlite"
[ -s "$work/shot.png" ] || { echo "package_install: the installed console took no screenshot" >&2; exit 1; }

remove
for left in /usr/bin/cpn-console /etc/default/cpn-mock-scheduler; do
  [ ! -e "$left" ] || { echo "package_install: $left is still there after removal" >&2; exit 1; }
done
echo "package_install: $(basename "$deb") built, installed, started and removed"
