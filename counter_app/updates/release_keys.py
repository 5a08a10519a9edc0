"""Counter's release public keys, built into the code (a constant, so every build carries them): the app
installs an update only if one of these signed it; never the hub's key, never a test key.

Ed25519, base64 of the 32 raw bytes. The private halves stay offline with the release manager
(`counter-app release keygen`, README "Updates"). To rotate: add the new key here, ship that release signed
with the old key, then drop the old line in a later release."""

from typing import Final

RELEASE_KEYS: Final[dict[str, str]] = {
    "n6TOvCy4+DgAkboYAawM+m98hWvKMPbtcFYykTBZqA4=": "counter-release-2026-12",
}
