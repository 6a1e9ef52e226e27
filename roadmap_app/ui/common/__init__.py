"""Pieces every room of the UI shares: messages, links, plan cache, career API, text limits, route menu."""
