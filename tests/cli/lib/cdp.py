"""A small Chrome DevTools Protocol client (Python 3 standard library only).

Starts headless Chromium with --remote-debugging-pipe: the protocol goes over
file descriptors 3 (to the browser) and 4 (from it) as NUL-terminated JSON
messages, so there is no port, no websocket and no network involved.

    with Browser(scratch_dir) as b:
        page = b.new_page(1400, 900)
        page.navigate("file:///tmp/x.html")
        page.wait("document.body.dataset.state === 'ready'")
        page.eval("window.__viewer.state()")
        page.click(100, 200); page.type_text("abc"); page.key("Enter")
        page.screenshot("/tmp/x.png")
"""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
    "--no-default-browser-check", "--disable-extensions", "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-pipe",
]


class CDPError(Exception):
    pass


def find_browser():
    for name in ("chromium", "chromium-browser"):
        p = shutil.which(name)
        if p:
            return p
    return None


class Browser:
    def __init__(self, scratch, browser=None, log=None):
        self.path = browser or find_browser()
        if not self.path:
            raise CDPError("chromium not installed")
        os.makedirs(scratch, exist_ok=True)
        self.profile = tempfile.mkdtemp(prefix="profile.", dir=scratch)
        self.log = open(log or os.path.join(scratch, "chromium.log"), "ab")
        to_r, to_w = os.pipe()      # we write commands, the browser reads fd 3
        from_r, from_w = os.pipe()  # the browser writes fd 4, we read

        def child():
            a, b = os.dup(to_r), os.dup(from_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [self.path] + FLAGS + ["--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            preexec_fn=child, close_fds=False)
        os.close(to_r)
        os.close(from_w)
        self.wfd, self.rfd = to_w, from_r
        self.next_id = 0
        self.lock = threading.Lock()
        self.cond = threading.Condition(self.lock)
        self.replies = {}
        self.events = []
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self.rfd, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                with self.cond:
                    self.closed = True
                    self.cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                msg, buf = buf.split(b"\0", 1)
                m = json.loads(msg.decode("utf-8"))
                with self.cond:
                    if "id" in m:
                        self.replies[m["id"]] = m
                    else:
                        self.events.append(m)
                    self.cond.notify_all()

    def send(self, method, params=None, session=None, timeout=60):
        with self.lock:
            self.next_id += 1
            mid = self.next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode("utf-8") + b"\0"
        while data:
            n = os.write(self.wfd, data)
            data = data[n:]
        deadline = time.monotonic() + timeout
        with self.cond:
            while mid not in self.replies:
                if self.closed:
                    raise CDPError(f"{method}: the browser went away")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CDPError(f"{method}: no answer in {timeout} s")
                self.cond.wait(left)
            m = self.replies.pop(mid)
        if "error" in m:
            raise CDPError(f"{method}: {m['error'].get('message')} {m['error'].get('data', '')}")
        return m.get("result", {})

    def new_page(self, width=1400, height=900):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Network", "Log"):
            page.call(domain + ".enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page

    def close(self):
        try:
            if not self.closed:
                self.send("Browser.close", timeout=10)
        except CDPError:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.wfd, self.rfd):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Page:
    def __init__(self, browser, session):
        self.b, self.session = browser, session

    def call(self, method, params=None, timeout=60):
        return self.b.send(method, params, self.session, timeout)

    def events(self, method):
        with self.b.lock:
            return [e["params"] for e in self.b.events
                    if e.get("method") == method and e.get("sessionId") == self.session]

    def navigate(self, url):
        r = self.call("Page.navigate", {"url": url})
        if r.get("errorText"):
            raise CDPError(f"navigate {url}: {r['errorText']}")

    def eval(self, expr, timeout=60):
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True,
                                           "awaitPromise": True}, timeout)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise CDPError(f"{expr}: {d.get('exception', {}).get('description') or d.get('text')}")
        return r["result"].get("value")

    def wait(self, expr, timeout=30, poll=0.02):
        deadline = time.monotonic() + timeout
        while True:
            v = self.eval(expr)
            if v:
                return v
            if time.monotonic() > deadline:
                raise CDPError(f"timed out waiting for {expr}")
            time.sleep(poll)

    def frame(self):
        """Wait until the page has drawn what it was asked to (two animation frames)."""
        self.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(1))))")

    def mouse(self, kind, x, y, **kw):
        p = {"type": kind, "x": x, "y": y}
        p.update(kw)
        self.call("Input.dispatchMouseEvent", p)

    def click(self, x, y):
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
        self.mouse("mouseReleased", x, y, button="left", buttons=0, clickCount=1)

    def drag(self, x0, y0, x1, y1, steps=8):
        self.mouse("mouseMoved", x0, y0)
        self.mouse("mousePressed", x0, y0, button="left", buttons=1, clickCount=1)
        for s in range(1, steps + 1):
            self.mouse("mouseMoved", x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps,
                       button="left", buttons=1)
        self.mouse("mouseReleased", x1, y1, button="left", buttons=0, clickCount=1)

    def wheel(self, x, y, dy):
        self.mouse("mouseWheel", x, y, deltaX=0, deltaY=dy)

    def click_selector(self, css):
        box = self.eval("(() => { const e = document.querySelector(%s); if (!e) return null; "
                        "const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
                        % json.dumps(css))
        if not box:
            raise CDPError(f"no element {css}")
        self.click(box[0], box[1])

    def type_text(self, text):
        self.call("Input.insertText", {"text": text})

    KEYS = {"Enter": 13, "Escape": 27, "ArrowLeft": 37, "ArrowRight": 39, "Home": 36, "End": 35}

    def key(self, name):
        code = self.KEYS[name]
        p = {"key": name, "code": name, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
        self.call("Input.dispatchKeyEvent", dict(p, type="rawKeyDown"))
        if name == "Enter":
            self.call("Input.dispatchKeyEvent", dict(p, type="char", text="\r"))
        self.call("Input.dispatchKeyEvent", dict(p, type="keyUp"))

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def problems(self):
        """Uncaught exceptions, console errors and requests to anything but file: or data:."""
        out = []
        for e in self.events("Runtime.exceptionThrown"):
            d = e.get("exceptionDetails", {})
            out.append("exception: " + str(d.get("exception", {}).get("description") or d.get("text")))
        for e in self.events("Runtime.consoleAPICalled"):
            if e.get("type") in ("error", "assert"):
                out.append("console.error: " + " ".join(str(a.get("value", a.get("description")))
                                                        for a in e.get("args", [])))
        for e in self.events("Log.entryAdded"):
            entry = e.get("entry", {})
            if entry.get("level") == "error":
                out.append("log: " + str(entry.get("text")))
        for e in self.events("Network.requestWillBeSent"):
            url = e.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:", "about:")):
                out.append("network request: " + url)
        return out
