"""Controllers that turn the window's actions into document edits, file work and imports."""
