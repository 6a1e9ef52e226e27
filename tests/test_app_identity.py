"""Qt's application identity comes from the app id: desktop file name, names, organisation, icon."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from roadmap_app import APP_ID, APP_NAME, __version__


def test_create_application_sets_the_identity_from_the_app_id(qapp):
    from roadmap_app.ui.window.startup import create_application

    assert create_application([]) is qapp
    assert QGuiApplication.desktopFileName() == APP_ID  # Wayland/X11 match the window to our .desktop
    assert QGuiApplication.applicationName() == APP_NAME
    assert QGuiApplication.applicationVersion() == __version__
    assert QGuiApplication.organizationName()
    # The reverse-DNS id is the organisation domain reversed (Flatpak's "-" to "_" rule).
    domain = QGuiApplication.organizationDomain()
    assert APP_ID.startswith(".".join(reversed(domain.replace("-", "_").split("."))) + ".")
    icon = QGuiApplication.windowIcon()
    assert not icon.isNull() and not icon.pixmap(64, 64).isNull()
