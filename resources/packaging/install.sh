#!/bin/sh
# Installs Counter from this unpacked folder for every user of the PC (run as root):
#   sudo ./install.sh            -> /opt/counter, menu entry, icon, /usr/local/bin/counter-cli
# Each user's data stays in ~/.local/share/Counter (or COUNTER_DATA_DIR); uninstall: sudo ./install.sh --remove
# (removes the program only, never the data).
set -eu
PREFIX=/opt/counter
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" != 0 ]; then echo "Cần quyền root: sudo $0 (run as root)" >&2; exit 1; fi
if [ "${1:-}" = "--remove" ]; then
  rm -rf "$PREFIX" /usr/share/applications/counter.desktop /usr/share/icons/hicolor/256x256/apps/counter.png \
    /usr/local/bin/counter-cli
  echo "Counter removed (data folders kept)."; exit 0
fi
if [ "$HERE" != "$PREFIX" ]; then
  rm -rf "$PREFIX.new" && cp -a "$HERE" "$PREFIX.new"
  rm -rf "$PREFIX.old" && { [ ! -d "$PREFIX" ] || mv "$PREFIX" "$PREFIX.old"; }
  mv "$PREFIX.new" "$PREFIX" && rm -rf "$PREFIX.old"
fi
install -D -m 644 "$PREFIX/counter.desktop" /usr/share/applications/counter.desktop
install -D -m 644 "$PREFIX/counter.png" /usr/share/icons/hicolor/256x256/apps/counter.png
ln -sf "$PREFIX/counter-cli" /usr/local/bin/counter-cli
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || export QT_QPA_PLATFORM=offscreen  # no screen in this shell
"$PREFIX/counter-cli" --self-test || { echo "Self-test failed: see the lines above." >&2; exit 1; }
echo "Counter installed in $PREFIX."
