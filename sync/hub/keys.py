"""The hub's own keys, kept in its data folder: Ed25519 to sign acknowledgement files, X25519 to open the
sealed USB bundles counters write for it. Counters learn both public halves when they enrol."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from nacl.encoding import Base64Encoder
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from sync.keys import write_private

KEY_FILE = "hub-keys.json"


@dataclass(frozen=True)
class HubKeys:
    signing: SigningKey
    sealing: PrivateKey

    @property
    def public_signing(self) -> str:
        return self.signing.verify_key.encode(Base64Encoder).decode()

    @property
    def public_sealing(self) -> str:
        return self.sealing.public_key.encode(Base64Encoder).decode()


def hub_keys(data_dir: Path) -> HubKeys:
    """The keys in `data_dir`, made (readable by the owner only) on first use."""
    path = data_dir / KEY_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fresh = {"signing": SigningKey.generate().encode(Base64Encoder).decode(),
                 "sealing": PrivateKey.generate().encode(Base64Encoder).decode()}
        write_private(path, json.dumps(fresh).encode())
    stored = json.loads(path.read_bytes())
    return HubKeys(SigningKey(stored["signing"].encode(), Base64Encoder),
                   PrivateKey(stored["sealing"].encode(), Base64Encoder))
