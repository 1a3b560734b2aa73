"""Where bundled resources (fonts, icons, translations, rules) live at run time.

The search itself is the domain's (it needs no Qt); the interface imports it from here.
"""

from __future__ import annotations

from planner.domain.resources import resource_path, resource_roots

__all__ = ["resource_path", "resource_roots"]
