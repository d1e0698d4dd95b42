#!/bin/sh
# The kiosk's graphical session: cage shows one full-screen foot (foot.ini beside this script),
# and foot runs the kiosk. Run it as the kiosk's own account (cage refuses root), from
# kiosk-session@.service on a virtual terminal; see the README, "Deploying on a kiosk".
#
#   KIOSK_DIR     the kiosk's folder, set up by the kiosk account (default /opt/kiosk)
#   CAGE_OPTIONS  cage's options (default -d: no window decorations; add -r to turn the
#                 picture 90 degrees clockwise for a portrait screen, up to -r -r -r)
#
# When the kiosk stops (staff leave it with the PIN), foot and cage stop too and systemd
# starts the session again (Restart=always).
set -eu
KIOSK_DIR="${KIOSK_DIR:-/opt/kiosk}"
CAGE_OPTIONS="${CAGE_OPTIONS:--d}"
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$KIOSK_DIR"
# shellcheck disable=SC2086  # CAGE_OPTIONS is a list of options
exec cage $CAGE_OPTIONS -- foot --config "$HERE/foot.ini" --working-directory "$KIOSK_DIR" \
    "$KIOSK_DIR/.venv/bin/kiosk" --config "$KIOSK_DIR/kiosk.toml"
