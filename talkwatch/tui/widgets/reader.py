"""The reader: one article, its metadata, the query's words, the event sentences and parties.

A line-API view over a document we wrap ourselves, so that a character offset in the body
(an event's sentence) maps to a line and can be scrolled to.
"""
from __future__ import annotations

import bisect
import re

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from talkwatch.library import ArticleView, word_spans
from talkwatch.tui import messages
from talkwatch.tui.safe import clean, component_style

_TOKEN = re.compile(r"\s+|\S+")


def wrap(plain: str, width: int, *, gap: bool = False, base: int = 0) -> list[tuple[int, int]]:
    """Greedy word wrap of ``plain`` to ``width`` cells: a list of (start, end) offsets.

    Lines break at newlines; with ``gap`` an empty line follows every paragraph. Offsets are
    shifted by ``base``. A word wider than the line is cut.
    """
    width = max(1, width)
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(plain)
    while True:
        nl = plain.find("\n", pos)
        end = n if nl == -1 else nl
        _wrap_para(plain, pos, end, width, out, base)
        if gap and end > pos:
            out.append((base + end, base + end))
        if nl == -1:
            break
        pos = nl + 1
    while gap and len(out) > 1 and out[-1][0] == out[-1][1] and out[-2][0] == out[-2][1]:
        out.pop()
    return out


def _wrap_para(plain: str, a: int, b: int, width: int, out: list, base: int) -> None:
    if a == b:
        out.append((base + a, base + a))
        return
    start, used, content = a, 0, False
    for m in _TOKEN.finditer(plain, a, b):
        tok = m.group(0)
        w = cell_len(tok)
        if tok[0].isspace():
            used += w
            continue
        if used + w <= width:
            used += w
            content = True
            continue
        t0 = m.start()
        if content or used:
            out.append((base + start, base + t0))
            start, used = t0, 0
        # a word longer than the line: cut it
        while cell_len(plain[start:m.end()]) > width:
            k, cw = start, 0
            while k < m.end() and cw + cell_len(plain[k]) <= width:
                cw += cell_len(plain[k])
                k += 1
            k = max(k, start + 1)
            out.append((base + start, base + k))
            start = k
        used = cell_len(plain[start:m.end()])
        content = True
    out.append((base + start, base + b))


class Reader(ScrollView, can_focus=True):
    """One article with its title, metadata, highlights and a scroll-to-sentence."""

    BINDINGS = [
        Binding("up", "scroll_up", "Up", show=False, id="reader.scroll-up"),
        Binding("k", "scroll_up", "Up", show=False, id="reader.scroll-up-vim"),
        Binding("down", "scroll_down", "Down", show=False, id="reader.scroll-down"),
        Binding("j", "scroll_down", "Down", show=False, id="reader.scroll-down-vim"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page-down"),
        Binding("home", "scroll_home", "Top", show=False, id="reader.scroll-home"),
        Binding("g", "scroll_home", "Top", show=False, id="reader.scroll-home-vim"),
        Binding("end", "scroll_end", "Bottom", show=False, id="reader.scroll-end"),
        Binding("G", "scroll_end", "Bottom", show=False, id="reader.scroll-end-vim"),
        Binding("slash", "find", "Find", id="reader.find"),
        Binding("n", "next_match", "Next match", id="reader.next-match"),
        Binding("N", "previous_match", "Prev match", show=False, id="reader.previous-match"),
        Binding("right_square_bracket", "next_event", "Next event", id="reader.next-event"),
        Binding("left_square_bracket", "previous_event", "Prev event", show=False, id="reader.previous-event"),
    ]

    COMPONENT_CLASSES = {
        "reader--title",
        "reader--meta",
        "reader--match",
        "reader--event",
        "reader--event-focus",
        "reader--trigger",
        "reader--party",
        "reader--hint",
        "reader--find",
        "reader--find-focus",
    }

    DEFAULT_CSS = """
    Reader {
        background: $surface;
        padding: 0 1;
        overflow-x: hidden;
        & > .reader--title { text-style: bold; color: $text; }
        & > .reader--meta { color: $text-muted; }
        & > .reader--match { background: $warning 40%; text-style: bold; }
        & > .reader--event { background: $primary 18%; }
        & > .reader--event-focus { background: $primary 45%; }
        & > .reader--trigger { text-style: bold underline; }
        & > .reader--party { color: $text-accent; text-style: underline; }
        & > .reader--hint { color: $text-muted; text-style: italic; }
        & > .reader--find { background: $accent 35%; }
        & > .reader--find-focus { background: $accent 80%; color: $text; text-style: bold; }
    }
    """

    # the messages it posts (talkwatch/tui/messages.py)
    EventFocused = messages.EventFocused
    FindRequested = messages.FindRequested

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.view: ArticleView | None = None
        self.words: list[str] = []
        self.focus_id: str | None = None
        self.hint = "Choose an article in the list (enter) to read it here."
        self._doc: Text | None = None
        self._body_at = 0
        self._lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._width = -1
        self._cache: dict[int, Strip] = {}
        self.marks: list[tuple[int, int, str]] = []
        self.find_text = ""
        self.found: list[tuple[int, int]] = []      # (start, end) in the body of each find match
        self.found_at: int | None = None          # the match the cursor is on

    # ------------------------------------------------------------------ content

    @property
    def uid(self) -> str | None:
        return self.view.article.uid if self.view else None

    def show(self, view: ArticleView, words: list[str] | None = None) -> None:
        same = self.view is not None and self.view.article.uid == view.article.uid
        self.view = view
        self.words = list(words or [])
        self.focus_id = view.focus_event
        if not same:
            self.find_text, self.found, self.found_at = "", [], None
        self._rebuild()
        if self.focus_id:
            self.scroll_to_event(self.focus_id)
        elif not same:
            self.scroll_to(0, 0, animate=False, immediate=True)

    def clear(self, hint: str | None = None) -> None:
        self.view = None
        if hint:
            self.hint = hint
        self._rebuild()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_words(self, words: list[str]) -> None:
        if list(words) != self.words:
            self.words = list(words)
            self._rebuild()

    def scroll_to_event(self, event_id: str | None) -> bool:
        """Mark the event's sentence and bring it into view; False when the event is not here."""
        self.focus_id = event_id
        ev = self._event(event_id)
        self._rebuild()
        if ev is None or ev.get("start") is None:
            return False
        self.scroll_to_offset(int(ev["start"]))
        return True

    def scroll_to_offset(self, body_offset: int) -> None:
        line = self.line_of(body_offset)
        self.scroll_to(y=max(0, line - 2), animate=False, immediate=True)

    def line_of(self, body_offset: int) -> int:
        self._ensure_lines()
        pos = self._body_at + body_offset
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def _event(self, event_id: str | None) -> dict | None:
        if not event_id or self.view is None:
            return None
        for ev in self.view.events:
            if ev.get("id") == event_id:
                return ev
        return None

    def _sorted_events(self) -> list[dict]:
        if self.view is None:
            return []
        return sorted((e for e in self.view.events if e.get("start") is not None), key=lambda e: (e["start"], e["id"]))

    # ------------------------------------------------------------------ find in the article

    def action_find(self) -> None:
        if self.view is None:
            self.app.bell()
            return
        self.post_message(self.FindRequested(self.find_text))

    def find(self, text: str) -> int:
        """Mark every occurrence of ``text`` in the body (any case) and go to the first one at or
        after the top of the view; returns how many there are."""
        self.find_text = text
        self.found, self.found_at = [], None
        if self.view is not None and text.strip():
            body = clean(self.view.article.body or "", newlines=True)
            self.found = [(m.start(), m.end()) for m in re.finditer(re.escape(text.strip()), body, re.IGNORECASE)]
        if self.found:
            top = int(self.scroll_offset.y)
            after = [i for i, (s, _) in enumerate(self.found) if self.line_of(s) >= top]
            self.found_at = after[0] if after else 0
        self._rebuild()
        if self.found_at is not None:
            self.scroll_to_offset(self.found[self.found_at][0])
        self._describe_find()
        return len(self.found)

    def _describe_find(self) -> None:
        if not self.find_text:
            self.border_subtitle = None
        elif not self.found:
            self.border_subtitle = Text(f"find {clean(self.find_text)}: no match")
        else:
            self.border_subtitle = Text(f"find {clean(self.find_text)}: {self.found_at + 1}/{len(self.found)} · n/N")

    def _match_spans(self) -> list[tuple[int, int]]:
        """What n / N move between: the find's matches, else the query's words marked."""
        if self.found:
            return self.found
        return sorted((s, e) for s, e, kind in self.marks if kind == "match")

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        spans = self._match_spans()
        if not spans:
            self.app.notify("no match to go to: / finds in the article", timeout=3)
            return
        if self.found:
            cur = self.found_at if self.found_at is not None else -step
            self.found_at = (cur + step) % len(self.found)
            self._rebuild()
            self.scroll_to_offset(self.found[self.found_at][0])
            self._describe_find()
            return
        top = int(self.scroll_offset.y)
        lines = [self.line_of(s) for s, _ in spans]
        if step > 0:
            target = next((s for (s, _), ln in zip(spans, lines) if ln > top + 2), spans[0][0])
        else:
            target = next((s for (s, _), ln in reversed(list(zip(spans, lines))) if ln < top + 2), spans[-1][0])
        self.scroll_to_offset(target)

    def action_next_event(self) -> None:
        self._step_event(1)

    def action_previous_event(self) -> None:
        self._step_event(-1)

    def _step_event(self, step: int) -> None:
        evs = self._sorted_events()
        if not evs:
            return
        ids = [e["id"] for e in evs]
        if self.focus_id in ids:
            i = (ids.index(self.focus_id) + step) % len(ids)
        else:
            i = 0 if step > 0 else len(ids) - 1
        self.scroll_to_event(ids[i])
        self.post_message(self.EventFocused(ids[i]))

    # ------------------------------------------------------------------ the document

    def _style(self, name: str) -> Style:
        return component_style(self, name)

    def _rebuild(self) -> None:
        self._doc = self._build()
        self._width = -1
        self._cache.clear()
        self._ensure_lines()
        self.refresh()

    def _build(self) -> Text:
        doc = Text(end="", no_wrap=True)
        self.marks = []
        if self.view is None:
            doc.append(clean(self.hint), style=self._style("reader--hint"))
            self._body_at = len(doc.plain)
            return doc
        art = self.view.article
        doc.append(clean(art.title or art.uid), style=self._style("reader--title"))
        doc.append("\n")
        meta = []
        published = art.published
        if published:
            how = art.published_source
            meta.append(clean(published) + (f" ({clean(how)})" if how and how not in ("metadata", "header", "field", "meta", "published") else ""))
        else:
            meta.append("date unknown")
        if art.source:
            meta.append(clean(art.source))
        meta.append(clean(art.uid))
        doc.append(" · ".join(meta), style=self._style("reader--meta"))
        doc.append("\n")
        if art.url:
            doc.append(clean(art.url), style=self._style("reader--meta"))
            doc.append("\n")
        if art.dup_of:
            doc.append("near-duplicate of " + clean(art.dup_of), style=self._style("reader--meta"))
            doc.append("\n")
        n = len(self.view.events)
        if n:
            doc.append(f"{n} event{'s' if n != 1 else ''} · ]: next event sentence · /: find · o: copy link",
                       style=self._style("reader--meta"))
            doc.append("\n")
        doc.append("\n")
        self._body_at = at = len(doc.plain)
        body = clean(art.body or "", newlines=True)
        doc.append(body)
        size = len(body)

        marks = self.marks = []

        def span(start, end, kind):
            if start is None or end is None:
                return
            s, e = max(0, int(start)), min(size, int(end))
            if s < e:
                doc.stylize(self._style(f"reader--{kind}"), at + s, at + e)
                marks.append((s, e, kind))

        for ev in self.view.events:
            kind = "event-focus" if ev.get("id") == self.focus_id else "event"
            span(ev.get("start"), ev.get("end"), kind)
            for m in ev.get("mentions") or []:     # the other sentences that tell the same event
                if isinstance(m, dict):
                    span(m.get("start"), m.get("end"), kind)
        for ev in self.view.events:
            span(ev.get("trigger_start"), ev.get("trigger_end"), "trigger")
        for s, e, _code in self.view.parties:
            span(s, e, "party")
        for s, e in word_spans(body, self.words):
            span(s, e, "match")
        for i, (s, e) in enumerate(self.found):
            span(s, e, "find-focus" if i == self.found_at else "find")
        return doc

    def marks_at(self, body_offset: int) -> set[str]:
        """The kinds of highlight on a body character: match, event, event-focus, trigger, party."""
        return {kind for s, e, kind in self.marks if s <= body_offset < e}

    def visible_lines(self) -> tuple[int, int]:
        top = int(self.scroll_offset.y)
        return top, top + self.size.height

    def _ensure_lines(self) -> None:
        width = max(1, (self.size.width or 80) - self.styles.scrollbar_size_vertical)
        if width == self._width and self._lines:
            return
        self._width = width
        self._cache.clear()
        doc = self._doc if self._doc is not None else Text()
        plain = doc.plain
        head = wrap(plain[: self._body_at], width)
        if head and head[-1][0] == head[-1][1] == self._body_at:
            head.pop()   # the header ends with a newline: no phantom line
        body = wrap(plain[self._body_at:], width, gap=True, base=self._body_at) if self.view else []
        self._lines = head + body
        self._starts = [s for s, _ in self._lines]
        self.virtual_size = Size(0, len(self._lines))

    # ------------------------------------------------------------------ drawing

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_lines()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._rebuild()

    def render_line(self, y: int) -> Strip:
        self._ensure_lines()
        width = self.size.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if index >= len(self._lines) or self._doc is None:
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            s, e = self._lines[index]
            line = self._doc[s:e] if e > s else Text("")
            line.rstrip()
            line.no_wrap = True
            strip = Strip(list(line.render(self.app.console))).apply_style(base)
            self._cache[index] = strip
        return strip.crop_extend(0, width, base)


__all__ = ["Reader", "wrap"]
