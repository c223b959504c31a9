"""Screenshots of `volte serve`'s pages on a store: search, speaker, target and statement pages, in Chromium.

    .venv/bin/python scripts/shoot_serve.py STORE.db OUT_DIR [--query WORDS] [--prefix NAME]

Starts the app behind uvicorn on a free localhost port, picks the speaker with the most statements, their most
frequent target and their latest statement about it, and writes PREFIX-{search,speaker,target,statement,statement-top}.png (the statement page where its script
scrolled, at the highlighted words, and its top).
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from volte.api import create_app

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--query", default="NATO")
    parser.add_argument("--prefix", default="volte")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_app(args.db)
    db = sqlite3.connect(args.db)
    speaker = db.execute("SELECT speaker_id FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id"
                         " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    target, statement = db.execute(
        "SELECT t.entity_id, max(s.id) FROM statements s JOIN statement_targets t ON t.statement_id = s.id"
        " WHERE s.speaker_id = ? GROUP BY t.entity_id ORDER BY count(*) DESC LIMIT 1", (speaker,)).fetchone()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    pages = {"search": f"/search?q={args.query}", "speaker": f"/speakers/{speaker}", "target": f"/targets/{target}",
             "statement": f"/statements/{statement}"}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            for name, url in pages.items():
                page.goto(base + url)
                page.wait_for_load_state("load")
                height = page.evaluate("document.documentElement.scrollHeight")
                path = args.out / f"{args.prefix}-{name}.png"
                # Long pages (a whole article) are shot whole up to 8,000 px; the statement page is shot where it scrolled to.
                page.screenshot(path=str(path), full_page=name != "statement" and height <= 8000)
                print(f"{path}: {url} ({height} px tall)")
                if name == "statement":  # and its top: the words, facts, other reports (the form is further down)
                    page.evaluate("window.scrollTo(0, 0)")
                    page.screenshot(path=str(args.out / f"{args.prefix}-statement-top.png"))
            browser.close()
            print("console errors:", errors)
    finally:
        server.should_exit = True
        thread.join()


if __name__ == "__main__":
    main()
