"""`talkwatch serve` in a real headless browser (issue 14, item 8): the page loads, a search is
typed, results appear.

Chromium is driven through its DevTools protocol with aiohttp (which textual-serve brings), so
no driver package is needed. The terminal in the page draws on a canvas: what the app sent is
read from the page's WebSocket (a hook installed before the page's own script runs), the text
between escape sequences. Skipped, with the reason, when Chromium or textual-serve is missing
(.ci/run installs Debian's chromium).
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)

HOOK = r"""
(() => {
  window.__tw = [];
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.binaryType = "arraybuffer";
    ws.addEventListener("message", (ev) => {
      if (typeof ev.data === "string") { window.__tw.push(ev.data); }
      else { window.__tw.push(decoder.decode(new Uint8Array(ev.data), {stream: true})); }
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""
_ESC = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P_][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"talkwatch serve exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


class Page:
    """A page of the browser, driven over the DevTools protocol."""

    def __init__(self, ws):
        self.ws = ws
        self.n = 0

    async def call(self, method: str, **params):
        self.n += 1
        await self.ws.send_json({"id": self.n, "method": method, "params": params})
        while True:
            msg = await self.ws.receive_json(timeout=30)
            if msg.get("id") == self.n:
                if "error" in msg:
                    raise AssertionError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    async def js(self, expr: str):
        res = await self.call("Runtime.evaluate", expression=expr, returnByValue=True)
        return res.get("result", {}).get("value")

    async def screen_text(self) -> str:
        raw = await self.js("window.__tw ? window.__tw.join('') : ''") or ""
        return _ESC.sub("", raw)

    async def wait_for(self, what, seconds: float = 40) -> str:
        end = time.monotonic() + seconds
        text = ""
        while time.monotonic() < end:
            text = await self.screen_text()
            if what(text):
                return text
            await asyncio.sleep(0.2)
        raise AssertionError(f"not seen in the page after {seconds} s; its text ends: {text[-1500:]!r}")


async def drive(url: str, devtools_port: int) -> dict:
    import aiohttp

    out: dict = {}
    async with aiohttp.ClientSession() as http:
        async with http.put(f"http://127.0.0.1:{devtools_port}/json/new?about:blank") as r:
            target = json.loads(await r.text())
        async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            page = Page(ws)
            await page.call("Page.enable")
            await page.call("Page.addScriptToEvaluateOnNewDocument", source=HOOK)
            await page.call("Page.navigate", url=url)
            # the page loads and the app draws its first screen (the newest articles)
            text = await page.wait_for(lambda t: "newest first" in t)
            out["title"] = await page.js("document.title")
            out["terminal"] = await page.js("!!document.querySelector('.textual-terminal')")
            out["first"] = text
            # a search typed in the browser: / then a word with a typo
            await page.js("document.querySelector('.xterm-helper-textarea').focus()")
            await page.call("Input.insertText", text="/")
            await asyncio.sleep(0.3)
            for ch in "istambul":
                await page.call("Input.insertText", text=ch)
            text = await page.wait_for(lambda t: "2 articles" in t and "istambul" in t)
            out["after"] = text
    return out


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium; "
                                             ".ci/run installs it)")
def test_serve_in_a_headless_browser(tui_db, tmp_path):
    pytest.importorskip("textual_serve", reason="the serve extra (textual-serve) is not installed")
    pytest.importorskip("aiohttp", reason="aiohttp (with textual-serve) is not installed")
    port = free_port()
    env = dict(os.environ, TALKWATCH_DB="", XDG_CONFIG_HOME=str(tmp_path / "config"), TERM="xterm-256color")
    server = subprocess.Popen([sys.executable, "-m", "talkwatch", "--db", str(tui_db), "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                              start_new_session=True)
    profile = tmp_path / "chromium"
    browser = None
    try:
        wait_for_port(port, server)
        browser = subprocess.Popen([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
                                    "--disable-dev-shm-usage", "--no-first-run", "--window-size=1400,900",
                                    f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        active = profile / "DevToolsActivePort"
        end = time.monotonic() + 30
        while not active.exists() or not active.read_text().strip():
            if time.monotonic() > end or browser.poll() is not None:
                pytest.fail("Chromium did not open its DevTools port")
            time.sleep(0.1)
        devtools_port = int(active.read_text().split()[0])
        got = asyncio.run(asyncio.wait_for(drive(f"http://127.0.0.1:{port}/", devtools_port), 120))
    finally:
        for proc in (browser, server):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, 15)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, 9)
    assert got["terminal"]                       # the page has the terminal element
    assert "6 articles, newest first" in got["first"]
    # the search ran in the served app: the corrected query's two articles
    assert "2 articles" in got["after"] and "istanbul" in got["after"]


def test_serve_defaults_to_this_machine_only(tw_run, tmp_path):
    res = tw_run("serve", "--help")
    assert res.exit_code == 0 and "127.0.0.1" in res.stdout and "--port" in res.stdout
    res = tw_run("--db", tmp_path / "none.db", "serve")
    assert res.exit_code == 1 and "no database" in res.stderr
