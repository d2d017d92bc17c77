"""The analyst's day in the TUI, as a part of the app: the theme remembered, a finished index
run noticed (live data), a cluster's sources, what changed, followed dyads, copying a link.

TalkwatchApp inherits it; handlers are named ``on_<message>`` (``@on`` is for the app's own
class), workers post back through ``App.ask`` and ``call_from_thread`` like the app's.
"""
from __future__ import annotations

from textual import work

from talkwatch.tui.messages import DataChanged, DyadExplainRequested, DyadsReady, FollowToggled
from talkwatch.tui.safe import clean
from talkwatch.tui.widgets.articles import ArticleList
from talkwatch.tui.widgets.reader import Reader


class AnalystFeatures:
    """Mixed into TalkwatchApp (which provides library, ask, q, main and the loaders)."""

    # ------------------------------------------------------------------ settings (the theme)

    def _restore_theme(self) -> None:
        saved = self._load_settings().get("theme")
        if saved and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _load_settings(self) -> dict:
        import json

        if self.settings_path is None:
            return {}
        try:
            data = json.loads(self.settings_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _theme_changed(self, theme) -> None:
        import json

        if self.settings_path is None:
            return
        data = self._load_settings()
        data["theme"] = getattr(theme, "name", str(theme))
        try:
            self.settings_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.settings_path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
            tmp.replace(self.settings_path)
        except OSError as exc:
            self.notify(f"could not remember the theme: {exc.strerror or exc}", severity="warning", markup=False)

    # ------------------------------------------------------------------ live data

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def check_for_changes(self) -> None:
        """Look whether an index run has finished since the last look; if so, say what came in
        and refresh the panes (keeping what is selected)."""
        stamp = self.ask("the database state", self.library.data_stamp)
        if stamp is None:
            return                                   # a run is still writing: look again later
        counts = self.ask("the counts", self.library.counts)
        if self._stamp is None:
            self._stamp, self._counts = stamp, counts
            return
        if stamp != self._stamp:
            before = self._counts
            self._stamp, self._counts = stamp, counts
            self.post_message(DataChanged(before, counts))

    def on_data_changed(self, message: DataChanged) -> None:
        before, after = message.before, message.after
        if before is not None and after is not None:
            bits = []
            for name in ("articles", "events", "dyads"):
                d = getattr(after, name) - getattr(before, name)
                if d:
                    bits.append(f"{d:+,} {name if abs(d) != 1 else name[:-1]}")
            text = "new data: " + (", ".join(bits) if bits else "summaries updated")
            self.notify(text, title="Index run finished", markup=False, timeout=6)
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read everything again, keeping the query, the article under the cursor, the chosen dyad."""
        row = self.q("#articles", ArticleList).current
        self._keep_uid = row.uid if row else None
        self.start_search(self.query_text)
        self.load_dyads()
        if self.dyad:
            self.load_timeline(self.dyad)
        if self.current_uid:
            reader = self.q("#reader", Reader)
            self.load_article(self.current_uid, reader.focus_id, False)

    # ------------------------------------------------------------------ copy a link

    def action_copy_link(self) -> None:
        """Copy the open article's URL (or its file's path) to the clipboard through the terminal
        (OSC 52: it works over SSH, in terminals that allow it)."""
        view = self.q("#reader", Reader).view
        if view is None:
            self.notify("open an article first", severity="warning", timeout=3)
            return
        art = view.article
        text, what = (art.url, "URL") if art.url else (art.file, "path")
        self.copy_to_clipboard(text)
        self.notify(f"copied the article's {what} to the clipboard: {clean(text)}", markup=False, timeout=4)

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def show_sources(self, row: dict) -> None:
        """The reports of a cluster, to choose one to read (enter on a timeline or changes line)."""
        from talkwatch.tui.screens.sources import SourcesScreen

        reports = self.ask("the cluster's reports", lambda: self.library.cluster_mentions(
            row.get("event_ids") or [row.get("event_id")], row.get("cluster")))
        if not reports:
            if row.get("uid"):
                self.call_from_thread(self.open_report, {"uid": row["uid"], "id": row.get("event_id")})
            return
        title = row.get("title")
        if not title:
            n_art, n_src = row.get("articles") or len(reports), row.get("sources") or 0
            title = (f"{row.get('date') or row.get('first_seen') or 'undated'} {row.get('type')} {row.get('status')}"
                     f"{' ' + row['location'] if row.get('location') else ''} · {n_art} article"
                     f"{'s' if n_art != 1 else ''}, {n_src} source{'s' if n_src != 1 else ''}")
        self.call_from_thread(self.push_screen, SourcesScreen(title, reports), self.open_report)

    def open_report(self, report: dict | None) -> None:
        """Open a report of a cluster in the reader, at its sentence."""
        if report and report.get("uid"):
            self.load_article(report["uid"], report.get("id") or report.get("event_id"), False)
            self.main.show_pane("reader")

    # ------------------------------------------------------------------ what changed, followed dyads

    def action_changes(self) -> None:
        from talkwatch.tui.screens.changes import ChangesScreen

        if isinstance(self.screen, ChangesScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(ChangesScreen(), self._change_chosen)

    def _change_chosen(self, line: dict | None) -> None:
        if line:
            self.show_sources({"cluster": line.get("cluster"), "event_id": line.get("event_id"),
                               "uid": line.get("uid"), "dyad": line.get("dyad"),
                               "title": f"{line.get('dyad')} · {line.get('text')}"})

    def on_dyad_explain_requested(self, message: DyadExplainRequested) -> None:
        self.explain_dyad(message.dyad)

    @work(thread=True, exclusive=True, group="explain", exit_on_error=False)
    def explain_dyad(self, dyad: str) -> None:
        """x in the dyads pane: the clusters and reports behind talks, ceasefire, next, last."""
        from rich.text import Text

        from talkwatch.library import explain_lines
        from talkwatch.tui.screens.explain import ExplainScreen

        got = self.ask("the dyad", lambda: self.library.dyad(dyad, explain=True))
        if got is None:
            return
        body = Text(end="")
        for line in explain_lines(got.summary, got.why or {}):
            body.append(clean(line) + "\n", style="" if line.startswith(" ") else "bold")
        status = got.summary.get("status") or "no summary yet"
        self.call_from_thread(self.push_screen, ExplainScreen(f"Why {dyad}: {status}", body))

    def on_follow_toggled(self, message: FollowToggled) -> None:
        self.toggle_follow(message.dyad, message.follow)

    @work(thread=True, exclusive=True, group="follow", exit_on_error=False)
    def toggle_follow(self, dyad: str, follow: bool) -> None:
        done = self.ask("the followed dyads", lambda: self.library.follow(dyad, follow))
        if done is not None:
            self.call_from_thread(self.notify, f"{'following' if follow else 'no longer following'} {dyad}",
                                  timeout=3, markup=False)
            summaries = self.ask("the dyads", self.library.dyads)
            if summaries is not None:
                self.post_message(DyadsReady(summaries))
