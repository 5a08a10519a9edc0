#!/bin/sh
# Installs Counter for every user of this PC from this unpacked setup tarball (run as root):
#   sudo ./install.sh           -> /opt/counter (the launcher and versions/<X>/), the menu entry, the icon,
#                                  /usr/local/bin/counter-cli; then the self-test through the launcher
#   sudo ./install.sh --remove  -> the program (all its versions) removed; every user's data is kept
# Over an earlier install it adds this version beside the ones already there (updates the PC downloaded too):
# the launcher self-tests it at the next start and switches to it, or keeps the old one if it fails. An older
# tarball never replaces a newer version. Data (~/.local/share/Counter or COUNTER_DATA_DIR) is never touched.
# The install folder belongs to the group `counter` (made here; the user who ran sudo joins it): the app its
# members run downloads updates into it (README "Updates"). COUNTER_PREFIX, COUNTER_APPLICATIONS_DIR,
# COUNTER_ICONS_DIR, COUNTER_BIN_DIR and COUNTER_GROUP put it elsewhere (tests); with COUNTER_PREFIX, no root.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${COUNTER_PREFIX:-/opt/counter}
APPS=${COUNTER_APPLICATIONS_DIR:-/usr/share/applications}
ICONS=${COUNTER_ICONS_DIR:-/usr/share/icons/hicolor}
BIN=${COUNTER_BIN_DIR:-/usr/local/bin}
GROUP=${COUNTER_GROUP:-counter}
ROOT=$([ "$(id -u)" = 0 ] && echo yes || echo no)
if [ "$ROOT" = no ] && [ -z "${COUNTER_PREFIX:-}" ]; then echo "Cần quyền root: sudo $0 (run as root)" >&2; exit 1; fi

if [ "${1:-}" = "--remove" ]; then
  [ ! -d "$PREFIX/versions" ] || rm -rf "$PREFIX"  # only a Counter install folder
  rm -f "$APPS/counter.desktop" "$ICONS/256x256/apps/counter.png" "$BIN/counter-cli"
  echo "Đã gỡ Counter, dữ liệu vẫn giữ nguyên. Counter removed (data folders kept)."; exit 0
fi

NEW=$(cat "$HERE/current" 2>/dev/null || true)
case "$NEW" in ""|*[!0-9.]*) NEW=none ;; esac
if [ ! -x "$HERE/Counter" ] || [ ! -x "$HERE/versions/$NEW/Counter" ]; then
  echo "Thư mục này không phải bộ cài Counter. Not an unpacked Counter setup tarball: $HERE" >&2; exit 1
fi
if [ "$HERE" = "$PREFIX" ]; then echo "Chạy install.sh từ thư mục giải nén. Run it from the unpacked tarball." >&2; exit 1; fi

newer() {  # is version $1 newer than $2?
  [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$1" ]
}
point() {  # write pointer file $1 naming version $2 in one step
  printf '%s\n' "$2" > "$PREFIX/.$1.new" && chmod 644 "$PREFIX/.$1.new" && mv -f "$PREFIX/.$1.new" "$PREFIX/$1"
}
replace() {  # put $HERE/$1 in place of $PREFIX/$1 by one rename (a running launcher keeps its old files)
  rm -rf "$PREFIX/.$1.new" "$PREFIX/.$1.old" && cp -a "$HERE/$1" "$PREFIX/.$1.new"
  if [ -d "$PREFIX/$1" ] && [ ! -L "$PREFIX/$1" ]; then mv "$PREFIX/$1" "$PREFIX/.$1.old"; fi
  mv -f "$PREFIX/.$1.new" "$PREFIX/$1" && rm -rf "$PREFIX/.$1.old"
}

mkdir -p "$PREFIX/versions" "$PREFIX/downloads" "$PREFIX/reports"
rm -rf "$PREFIX/_internal"  # an install made before the launcher (the plain one-folder app at the top)
# This version, unless a sound copy of it is already there (it may be running now).
if [ ! -x "$PREFIX/versions/$NEW/Counter" ] || [ -e "$PREFIX/versions/$NEW/self-test-failed.json" ]; then
  rm -rf "$PREFIX/versions/.install-$NEW" && cp -a "$HERE/versions/$NEW" "$PREFIX/versions/.install-$NEW"
  rm -rf "$PREFIX/versions/$NEW" && mv "$PREFIX/versions/.install-$NEW" "$PREFIX/versions/$NEW"
fi
for name in _launcher Counter counter.desktop counter.png install.sh; do replace "$name"; done
ln -sfn Counter "$PREFIX/counter-cli"

OLD=$(cat "$PREFIX/current" 2>/dev/null || true)
WAITING=$(cat "$PREFIX/pending" 2>/dev/null || true)
if [ -z "$OLD" ] || [ ! -x "$PREFIX/versions/$OLD/Counter" ]; then
  point current "$NEW"  # a first install: nothing to go back to
elif newer "$NEW" "$OLD"; then
  if [ -z "$WAITING" ] || ! newer "$WAITING" "$NEW"; then point pending "$NEW"; fi
elif [ "$NEW" != "$OLD" ]; then
  echo "Phiên bản $OLD (mới hơn, đã tự cập nhật) vẫn được dùng; $NEW để dự phòng. Version $OLD (newer) stays in use."
fi

# Who may write: the members of $GROUP (the app they run stages updates here, the launcher switches versions).
[ -e "$PREFIX/launcher.lock" ] || : > "$PREFIX/launcher.lock"
chmod 666 "$PREFIX/launcher.lock"
if [ "$ROOT" = yes ]; then
  getent group "$GROUP" >/dev/null || groupadd --system "$GROUP"
  if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then usermod -a -G "$GROUP" "$SUDO_USER"; fi
  chown -R root:"$GROUP" "$PREFIX"
fi
chmod 2775 "$PREFIX" "$PREFIX/versions" "$PREFIX/downloads" "$PREFIX/reports"

mkdir -p "$APPS" "$BIN"
sed "s|^Exec=.*|Exec=$PREFIX/Counter|" "$PREFIX/counter.desktop" > "$APPS/counter.desktop"
chmod 644 "$APPS/counter.desktop"
install -D -m 644 "$PREFIX/counter.png" "$ICONS/256x256/apps/counter.png"
ln -sfn "$PREFIX/counter-cli" "$BIN/counter-cli"
if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$APPS" || true; fi
if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q "$ICONS" 2>/dev/null || true; fi

# Through the launcher, as a clerk starts it: a waiting version is self-tested first and becomes current if it
# passes; then the version in use checks itself.
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || export QT_QPA_PLATFORM=offscreen  # no screen in this shell
"$PREFIX/counter-cli" --self-test || { echo "Tự kiểm tra không đạt (xem các dòng trên). Self-test failed." >&2; exit 1; }
NOW=$(cat "$PREFIX/current")
if newer "$NEW" "$NOW"; then
  echo "Phiên bản $NEW không qua tự kiểm tra; vẫn dùng $NOW. Version $NEW failed its self-test:" >&2
  cat "$PREFIX/versions/$NEW/self-test-failed.json" >&2 || true
  exit 1
fi
[ -z "${SUDO_USER:-}" ] || [ "$SUDO_USER" = root ] || [ "$ROOT" = no ] || \
  echo "Người dùng $SUDO_USER đã vào nhóm $GROUP (đăng nhập lại để có hiệu lực); thêm người khác: sudo usermod -aG $GROUP TÊN"
echo "Counter $NOW đã cài vào $PREFIX. Counter $NOW installed in $PREFIX."
