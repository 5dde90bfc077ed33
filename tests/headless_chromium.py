"""Drive the distribution's headless Chromium through the DevTools protocol over a pipe
(--remote-debugging-pipe: JSON messages ended by NUL on file descriptors 3 and 4), so the
tests need no websocket client, no Playwright and no network port."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 60


def find_chromium() -> str | None:
    return next((path for path in map(shutil.which, NAMES) if path), None)


class Chromium:
    def __init__(self, executable: str, profile: str):
        ours_read, theirs_write = os.pipe()
        theirs_read, ours_write = os.pipe()
        # Move the child's ends well above 4 first, so putting them on 3 and 4 clobbers nothing.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (theirs_read, theirs_write)]
        for fd in (theirs_read, theirs_write):
            os.close(fd)

        def on_3_and_4():
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--metrics-recording-only",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=on_3_and_4,
            pass_fds=(3, 4),
        )
        for fd in high:
            os.close(fd)
        self.reader, self.writer = ours_read, ours_write
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.reader)
        os.close(self.writer)

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.writer, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._receive()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def _receive(self) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.reader], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.reader, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)


def load_page(executable: str, url: str, profile: str, papers: dict[str, tuple[float, float]]) -> dict:
    """Open `url` in a fresh tab and report what happened: the requests it made, console
    errors and exceptions, the text and height it rendered, a screenshot, and a PDF per paper
    size (inches)."""
    browser = Chromium(executable, profile)
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            browser.call(f"{domain}.enable", session)
        browser.call("Page.navigate", session, url=url)
        browser.wait_for("Page.loadEventFired")
        rendered = browser.call(
            "Runtime.evaluate",
            session,
            expression="JSON.stringify({text: document.body.innerText, height: document.body.scrollHeight, "
            "charts: [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().height)})",
            returnByValue=True,
        )["result"]["value"]
        screenshot = base64.b64decode(browser.call("Page.captureScreenshot", session, format="png")["data"])
        pdfs = {
            name: base64.b64decode(
                browser.call(
                    "Page.printToPDF", session, paperWidth=width, paperHeight=height, printBackground=True
                )["data"]
            )
            for name, (width, height) in papers.items()
        }
        events = [e for e in browser.events if e.get("sessionId") == session]
    finally:
        browser.close()
    requests = [
        e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"
    ]
    errors = [
        e["params"]
        for e in events
        if e.get("method") == "Runtime.exceptionThrown"
        or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert"))
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
    ]
    return {
        "requests": requests,
        "errors": errors,
        "page": json.loads(rendered),
        "screenshot": screenshot,
        "pdfs": pdfs,
    }


def pdf_pages(pdf: bytes, folder: str) -> int:
    """Pages in a PDF: pdfinfo's count when poppler-utils is there, else the page objects."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        path = os.path.join(folder, "count.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        out = subprocess.run([pdfinfo, path], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
    import re

    return len(re.findall(rb"/Type\s*/Page\b", pdf))


# axe-core, the accessibility engine, is fetched from the npm registry by `.ci/run` (never
# committed: 650 kB of minified code) into .cache/, or named by IPT_AXE_CORE.
AXE_VERSION = "4.14.1"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def find_axe() -> str | None:
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for path in (os.environ.get("IPT_AXE_CORE"), os.path.join(here, ".cache", "axe-core", "axe.min.js")):
        if path and os.path.isfile(path):
            return path
    return None


def run_axe(executable: str, url: str, profile: str, axe_path: str) -> dict:
    """axe-core's WCAG 2.1 A and AA rules on the page at `url`: its violations, and how many
    rules passed. axe is put into the page by DevTools (the page's own policy forbids
    scripts, and bypassing it here changes nothing the person's browser does)."""
    with open(axe_path, encoding="utf-8") as handle:
        source = handle.read()
    browser = Chromium(executable, profile)
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        browser.call("Page.enable", session)
        browser.call("Page.setBypassCSP", session, enabled=True)
        browser.call("Page.navigate", session, url=url)
        browser.wait_for("Page.loadEventFired")
        browser.call("Runtime.evaluate", session, expression=source)
        options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}})
        result = browser.call(
            "Runtime.evaluate",
            session,
            expression=f"axe.run(document, {options}).then(r => JSON.stringify("
            "{violations: r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.html)})), "
            "passes: r.passes.map(p => p.id), version: axe.version}))",
            awaitPromise=True,
            returnByValue=True,
        )["result"]["value"]
    finally:
        browser.close()
    return json.loads(result)


def page_fullness(pdf: bytes, folder: str) -> list[float]:
    """Per page of a PDF, how far down its text reaches, as a share of the page's height
    (pdftotext's word boxes; charts count, as their axis labels are text)."""
    import re

    path = os.path.join(folder, "fullness.pdf")
    with open(path, "wb") as handle:
        handle.write(pdf)
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    shares = []
    for page in out.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page)]
        shares.append(max(bottoms, default=0.0) / height)
    return shares


def page_texts(pdf: bytes, folder: str) -> list[str]:
    """The text of each page of a PDF, words separated by single spaces."""
    path = os.path.join(folder, "pages.pdf")
    with open(path, "wb") as handle:
        handle.write(pdf)
    out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")]
