"""Dialogs and prompts: export, import, update, backups, recovery, locks, resources, where-now."""
