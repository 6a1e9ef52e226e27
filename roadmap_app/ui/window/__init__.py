"""The main window and what frames it: actions, status bar, start-up, splash, theme, screenshots."""
