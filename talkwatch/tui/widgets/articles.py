"""The article list: a line-API view over any number of rows, fetched a page at a time.

The list holds only the pages it has seen; a row not yet loaded draws as a dim placeholder
and asks (``NeedPage``) for its page, which a worker fetches. A new query bumps the
generation, so a late page of an old query is dropped.
"""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from talkwatch.library import PAGE, Listing, Row
from talkwatch.tui import messages
from talkwatch.tui.safe import clean, component_style


class ArticleList(ScrollView, can_focus=True):
    """Date, source and title of each article, newest or best first."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="articles.open"),
        Binding("up", "cursor_up", "Up", show=False, id="articles.cursor-up"),
        Binding("k", "cursor_up", "Up", show=False, id="articles.cursor-up-vim"),
        Binding("down", "cursor_down", "Down", show=False, id="articles.cursor-down"),
        Binding("j", "cursor_down", "Down", show=False, id="articles.cursor-down-vim"),
        Binding("pageup", "page_up", "Page up", show=False, id="articles.page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="articles.page-down"),
        Binding("home", "first", "First", show=False, id="articles.first"),
        Binding("g", "first", "First", show=False, id="articles.first-vim"),
        Binding("end", "last", "Last", show=False, id="articles.last"),
        Binding("G", "last", "Last", show=False, id="articles.last-vim"),
    ]

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--date",
        "article-list--source",
        "article-list--pending",
        "article-list--empty",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        overflow-x: hidden;
        & > .article-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .article-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .article-list--date { color: $text-muted; }
        & > .article-list--source { color: $text-accent; }
        & > .article-list--pending { color: $text-disabled; }
        & > .article-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, init=False, always_update=True)

    # the messages it posts (talkwatch/tui/messages.py)
    Highlighted = messages.ArticleHighlighted
    Opened = messages.ArticleOpened
    NeedPage = messages.NeedPage

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.generation = 0
        self.search_text = ""
        self.total = 0
        self.more = False
        self.loaded = False
        self.empty_message = "loading…"
        self._pages: dict[int, list[Row]] = {}
        self._pending: set[int] = set()
        self._announced: str | None = None

    # ------------------------------------------------------------------ data in

    def show(self, listing: Listing, generation: int) -> None:
        """Replace the contents with a new query's first page."""
        self.generation = generation
        self.search_text = listing.query
        self.total = listing.total
        self.more = listing.more
        self.loaded = True
        self._pages = {0: listing.rows}
        self._pending = set()
        self._announced = None
        if listing.error:
            self.empty_message = "the query has a problem: see above"
        elif listing.query:
            self.empty_message = "no articles match"
        else:
            self.empty_message = "no articles yet: run `talkwatch index FOLDER`"
        self.virtual_size = Size(0, self.total)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = 0
        self.refresh()

    def add_page(self, generation: int, page: int, rows: list[Row]) -> None:
        if generation != self.generation:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        if page * PAGE <= self.cursor < (page + 1) * PAGE:
            self._announce()
        self.refresh()

    def page_failed(self, generation: int, page: int) -> None:
        if generation == self.generation:
            self._pending.discard(page)

    def row(self, index: int) -> Row | None:
        rows = self._pages.get(index // PAGE)
        if rows is None:
            return None
        i = index % PAGE
        return rows[i] if i < len(rows) else None

    @property
    def current(self) -> Row | None:
        return self.row(self.cursor) if self.total else None

    # ------------------------------------------------------------------ cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.total - 1)) if self.total else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh_line(old)
        self.refresh_line(new)
        self._announce()

    def refresh_line(self, index: int) -> None:
        y = index - int(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh_lines(y, 1)

    def scroll_to_cursor(self) -> None:
        top = int(self.scroll_offset.y)
        height = max(1, self.size.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def _announce(self) -> None:
        row = self.current
        if row is not None and row.uid != self._announced:
            self._announced = row.uid
            self.post_message(self.Highlighted(row.uid))

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.size.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.size.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.total - 1

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row.uid))

    def _on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y
        if 0 <= index < self.total:
            if index == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(0, self.total)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        # the text stops before the scrollbar (which is drawn over the last column)
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if not self.total:
            if y == 0:
                msg = Text(clean(self.empty_message), style=component_style(self, "article-list--empty"),
                           no_wrap=True, overflow="ellipsis")
                return self._strip(Text(" ") + msg, width, base)
            return Strip.blank(width, base)
        if index >= self.total:
            return Strip.blank(width, base)
        row = self.row(index)
        if row is None:
            self._request(index // PAGE)
            line = Text(" …", style=component_style(self, "article-list--pending"))
        else:
            line = self._format(row, width)
        if index == self.cursor:
            line.stylize(component_style(self, "article-list--cursor"))
            # the cursor runs the full width
            plain = line.cell_len
            if plain < width:
                line.append(" " * (width - plain),
                            style=component_style(self, "article-list--cursor"))
        return self._strip(line, width, base)

    def _strip(self, line: Text, width: int, base: Style) -> Strip:
        line.no_wrap = True
        line.overflow = "ellipsis"
        line.truncate(width, overflow="ellipsis")
        segments = list(line.render(self.app.console))
        strip = Strip(segments).apply_style(base)
        return strip.crop_extend(0, width, base)

    def _format(self, row: Row, width: int) -> Text:
        date = (row.published or "")[:10]
        if date.startswith("--"):
            date = "     " + date[2:]
        src_w = 16 if width >= 90 else 11 if width >= 60 else 0
        line = Text(" ", end="")
        line.append(f"{clean(date):<10}", style=component_style(self, "article-list--date"))
        line.append(" ")
        if src_w:
            src = clean(row.source or "")
            src = src if len(src) <= src_w else src[: src_w - 1] + "…"
            line.append(f"{src:<{src_w}}", style=component_style(self, "article-list--source"))
            line.append(" ")
        line.append(clean(row.title or row.uid))
        return line

    def _request(self, page: int) -> None:
        if page in self._pending or page in self._pages:
            return
        self._pending.add(page)
        # not posted from inside rendering (the compositor is the sender there and the
        # message would not bubble up): post it from our own turn of the message loop
        self.call_later(self._post_need, self.generation, self.search_text, page)

    def _post_need(self, generation: int, query: str, page: int) -> None:
        self.post_message(self.NeedPage(generation, query, page))


__all__ = ["ArticleList"]
