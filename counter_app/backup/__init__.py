"""Backups of one installation: an encrypted, consistent snapshot plus its blobs on a folder the administrator
chooses (a USB stick, a share), N generations kept, a manifest written last; verify and restore."""
