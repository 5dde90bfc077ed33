"""Keeping the journal safe on disk: backups and restore, the health check (doctor), private
files and folders, export files, the passphrase keyring (keychain) and the portable JSON
export/import."""
