"""Untrusted text made safe to draw: never markup, never a live escape sequence.

Every string that comes from an article, a feed or the user reaches a widget through here,
as a ``rich.text.Text`` (which Textual never parses for markup or ``@click`` actions).
Control characters are swapped one for one with visible stand-ins, so character offsets
into a body (events, matches, parties) stay valid.
"""
from __future__ import annotations

from rich.text import Text

_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}   # C0 -> Control Pictures
_TABLE[0x09] = " "          # a tab: one space (offsets stay put)
_TABLE[0x0D] = " "
_TABLE[0x7F] = "\u2421"     # DEL
for _c in range(0x80, 0xA0):                 # C1 controls (0x9b is a one-byte CSI)
    _TABLE[_c] = "\ufffd"
for _c in (0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069):
    _TABLE[_c] = "\ufffd"   # bidirectional overrides would reorder what is drawn
_LINE = dict(_TABLE)
_LINE[0x0A] = " "
_BODY = dict(_TABLE)
del _BODY[0x0A]


def clean(value: object, *, newlines: bool = False) -> str:
    """``value`` as a string with every control character made visible and inert.

    With ``newlines`` line breaks are kept (for bodies); otherwise they become spaces.
    """
    if value is None:
        return ""
    s = value if isinstance(value, str) else str(value)
    return s.translate(_BODY if newlines else _LINE)


def text(value: object, style: str = "", *, newlines: bool = False) -> Text:
    """A ``Text`` holding ``value`` literally (markup characters are just characters)."""
    return Text(clean(value, newlines=newlines), style=style, end="")


def short(value: object, width: int) -> str:
    """One line, cut to ``width`` characters with an ellipsis."""
    s = " ".join(clean(value).split())
    if width <= 0:
        return ""
    return s if len(s) <= width else s[: max(0, width - 1)] + "…"


def component_style(widget, name: str):
    """A component class's own attributes as a Rich style, with colours blended like Textual does.

    The partial style keeps only what the class sets (so it layers over other highlights), but
    its colours would ignore alpha ("$primary 20%" would come out solid); take those from the
    full, blended style.
    """
    from rich.style import Style

    partial = widget.get_component_rich_style(name, partial=True)
    if partial.color is None and partial.bgcolor is None:
        return partial
    full = widget.get_component_rich_style(name)
    return partial + Style(color=full.color if partial.color is not None else None,
                           bgcolor=full.bgcolor if partial.bgcolor is not None else None)
