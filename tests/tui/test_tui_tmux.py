"""The real program in a real terminal (tmux): search with a typo, open an article, quit.

Textual draws on stderr, so the program's stderr is left alone. The test polls the screen
until what it waits for appears (with a deadline); it runs on its own tmux server socket.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from tui_support import UIDS, build_db
from tw_support import ROOT

pytestmark = pytest.mark.slow


class Terminal:
    """A program in a detached tmux session of a given size."""

    def __init__(self, width: int, height: int):
        self.socket = f"twtest-{uuid.uuid4().hex[:8]}"
        self.session = "tw"
        self.width, self.height = width, height

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check,
                              timeout=30)

    def start(self, argv: list[str], env: dict[str, str]) -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        command = f"env {exports} {shlex.join(argv)}; echo \"[exited with status $?]\"; sleep 60"
        # no status line: the program gets the whole width x height
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", self.session, "-x", str(self.width), "-y",
                  str(self.height), "sleep 60")
        self.tmux("set-option", "-g", "status", "off")
        self.tmux("resize-window", "-t", self.session, "-x", str(self.width), "-y", str(self.height))
        self.tmux("respawn-pane", "-k", "-t", self.session, command)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session, check=False).stdout

    def wait(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on screen after {timeout} s:\n{screen}")

    def wait_stable(self, quiet: float = 1.0, timeout: float = 30.0) -> str:
        """Wait until the screen has not changed for ``quiet`` seconds (start-up is over).

        Keys sent in the first moments after the first paint can be lost while the terminal
        and Textual finish their start-up exchange; a person never types that fast.
        """
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        return last

    def stop(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def terminal():
    if not shutil.which("tmux"):
        pytest.skip("tmux is missing")
    t = Terminal(80, 24)
    yield t
    t.stop()


def test_search_with_a_typo_open_an_article_and_quit(terminal, tmp_path):
    db, _ids = build_db(tmp_path)
    env = {
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
    }
    terminal.start([sys.executable, "-m", "talkwatch", "--db", str(db), "tui"], env)
    terminal.wait("newest first")
    terminal.wait_stable()
    for _attempt in range(3):         # on a loaded machine a key can still be lost: type again
        terminal.keys("/")
        terminal.type("istambul")
        try:
            terminal.wait("istambul", timeout=5)
            break
        except AssertionError:
            terminal.keys("Escape")
    screen = terminal.wait("showing istanbul")
    assert "2 articles" in screen
    assert "Afghan-Pakistani talks" in screen or "envoys meet again" in screen
    terminal.keys("Enter")            # from the search bar to the list
    terminal.keys("Enter")            # open the first article
    screen = terminal.wait("Reader · afpak/")
    assert "event" in screen          # the reader's metadata line counts the events
    assert UIDS["round3"] in screen or UIDS["round2"] in screen
    terminal.keys("C-q")
    screen = terminal.wait("[exited with status 0]")
    assert "Traceback" not in screen
