"""Link safety shared by the views and the exporters (pure, no Qt)."""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def is_web_url(url: str) -> bool:
    """Only http(s) links with a host may be opened or turned into links."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def url_host(url: str) -> str:
    try:
        return urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""


def web_link(url: str) -> str:
    """The link an exporter may write for `url`: the URL itself if it is http(s), else ""."""
    return url if url and is_web_url(url) else ""
