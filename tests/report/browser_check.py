#!/usr/bin/python3
"""Renders divrisk's HTML reports in headless Chromium (Selenium and
chromedriver, DevTools protocol) and checks what a reader would see.

For every page: no console error, no request other than the file itself
(every Network.requestWillBeSent is recorded), no horizontal overflow at
desktop width and in A4 print layout, full-page screenshots at both and an
A4 PDF written into the work directory as artefacts, and the expected text
in the DOM that `chromium --dump-dom` serialises. The hostile case's
strings must read as text and nothing may run. A control page that leaks a
request, logs an error and runs an injected handler must be caught by each
of these detectors, so that a blind detector fails the test instead of
passing it.

Usage: browser_check.py WORK_DIR CASE_FILE
WORK_DIR holds the pages (case.html, hostile.html, summary.html,
diff.html, calibration.html) and what divrisk said (case.json: assess --format json of
CASE_FILE; results.summary.json: the batch's --summary; diff.json; calibration.json:
calibrate --format json of the same fit).
"""

import base64
import json
import os
import subprocess
import sys
import tempfile

import yaml

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM = "/usr/bin/chromium"
DESKTOP = (1280, 900)
A4_CONTENT_WIDTH = 703  # 210 mm less 2 x 12 mm margins, at 96 px per inch
FAILURES = []


def fail(page, what):
    FAILURES.append(f"{page}: {what}")
    print(f"FAIL {page}: {what}", flush=True)


def browser_flags(profile):
    flags = ["--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--hide-scrollbars",
             "--force-device-scale-factor=1", f"--user-data-dir={profile}"]
    if os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses root without it
    return flags


def start(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in browser_flags(profile):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs",
                           {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"),
                              options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


def drain(driver):
    driver.get_log("browser")
    driver.get_log("performance")


def requests_and_errors(driver, url):
    """The requests the page made beyond itself, and its console errors."""
    leaks = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.requestWillBeSent":
            continue
        requested = message["params"]["request"]["url"]
        if requested != url and not requested.startswith("data:"):
            leaks.append(requested)
    errors = [e["message"] for e in driver.get_log("browser")
              if e["level"] == "SEVERE"]
    return leaks, errors


def set_width(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1,
        "mobile": False})


def overflow(driver):
    return driver.execute_script(
        "const e = document.documentElement;"
        "return e.scrollWidth - e.clientWidth;")


def full_page_png(driver, width, path):
    set_width(driver, width, 800)
    height = driver.execute_script(
        "return document.documentElement.scrollHeight")
    set_width(driver, width, min(height, 16000))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def render(driver, work, name):
    """Loads WORK/NAME.html; returns (url, leaks, errors) after the layout
    checks and the artefacts."""
    path = os.path.join(work, name + ".html")
    url = "file://" + path
    drain(driver)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "screen"})
    set_width(driver, *DESKTOP)
    driver.get(url)
    if overflow(driver) > 0:
        fail(name, f"overflows horizontally at {DESKTOP[0]} px by "
                   f"{overflow(driver)} px")
    full_page_png(driver, DESKTOP[0], os.path.join(work, name + ".desktop.png"))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    set_width(driver, A4_CONTENT_WIDTH, 1000)
    if overflow(driver) > 0:
        fail(name, f"overflows the A4 print width by {overflow(driver)} px")
    full_page_png(driver, A4_CONTENT_WIDTH, os.path.join(work, name + ".a4.png"))
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True,
        "preferCSSPageSize": True})
    data = base64.b64decode(pdf["data"])
    with open(os.path.join(work, name + ".a4.pdf"), "wb") as f:
        f.write(data)
    if not data.startswith(b"%PDF"):
        fail(name, "printing to A4 gave no PDF")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "screen"})
    set_width(driver, *DESKTOP)
    leaks, errors = requests_and_errors(driver, url)
    return url, leaks, errors


def dump_dom(url, profile):
    out = subprocess.run([CHROMIUM, *browser_flags(profile), "--dump-dom", url],
                         capture_output=True, text=True, timeout=120)
    return out.stdout


def as_dom_text(text):
    """How the DOM serialisation writes `text` inside an element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def check_clean(name, leaks, errors):
    for leak in leaks:
        fail(name, f"request left the file: {leak}")
    for error in errors:
        fail(name, f"console error: {error}")


def check_control(driver, work):
    control = os.path.join(work, "control.html")
    with open(control, "w") as f:
        f.write('<!DOCTYPE html><html><head><title>control</title></head>'
                '<body><p>control</p>'
                '<img src="http://127.0.0.1:9/leak.png" alt="">'
                '<img src="x" alt="" onerror="window.pwned=1">'
                '<script>console.error("control error")</script>'
                '</body></html>')
    drain(driver)
    driver.get("file://" + control)
    driver.execute_script("return document.readyState")
    pwned = driver.execute_script("return window.pwned === 1")
    leaks, errors = requests_and_errors(driver, "file://" + control)
    if not any("127.0.0.1:9" in leak for leak in leaks):
        fail("control", "the request detector missed a request")
    if not any("control error" in e for e in errors):
        fail("control", "the console detector missed console.error")
    if not pwned:
        fail("control", "the script detector missed an onerror handler")


def check_case(driver, work, profile, expect):
    url, leaks, errors = render(driver, work, "case")
    check_clean("case", leaks, errors)
    dom = dump_dom(url, profile)
    wanted = [expect["case_id"], expect["sha256"], expect["recommendation"],
              "Hard stops", "What drives the score", "Transport route",
              "Questions to ask next", "does not take the decision"]
    wanted += expect["indicators"] + expect["gate_reasons"] + expect["route"]
    wanted += expect["sentences"]
    if expect["illustrative"]:
        wanted.append("illustrative reference data in use")
    for text in wanted:
        if as_dom_text(text) not in dom:
            fail("case", f"the DOM dump lacks {text!r}")
    def drawn(selector):  # indicator ids of the bars, from data-line
        return {b.get_attribute("data-line")
                for b in driver.find_elements(By.CSS_SELECTOR, selector)}
    bars = drawn("svg.chart g.bar") - {"category cap"}
    bars = {b for b in bars if not b.startswith("condition")}
    if bars != set(expect["indicators"]):
        fail("case", f"bars drawn for {sorted(bars)}, the assessment has "
                     f"{sorted(expect['indicators'])}")
    hatched = drawn("svg.chart g.bar.unknown")
    if hatched != set(expect["unknown_indicators"]):
        fail("case", f"bars marked not known: {sorted(hatched)}, expected "
                     f"{sorted(expect['unknown_indicators'])}")


def check_hostile(driver, work):
    url, leaks, errors = render(driver, work, "hostile")
    check_clean("hostile", leaks, errors)
    state = driver.execute_script(
        "return {pwned: window.pwned === 1, title: document.title,"
        " scripts: document.scripts.length,"
        " images: document.images.length,"
        " handlers: document.querySelectorAll('[onerror],[onload]').length,"
        " shown: getComputedStyle(document.body).display,"
        " text: document.body.innerText}")
    if state["pwned"] or "PWNED" in state["title"]:
        fail("hostile", "a script from the case ran")
    if state["scripts"] or state["images"] or state["handlers"]:
        fail("hostile", f"case strings became elements: {state['scripts']} "
                        f"scripts, {state['images']} images, "
                        f"{state['handlers']} handlers")
    if state["shown"] == "none":
        fail("hostile", "a case string restyled the page")
    for text in ["<script>document.title='PWNED';window.pwned=1</script>",
                 "<img src=x onerror=\"document.title='PWNED';window.pwned=1\">",
                 "\\nHard stops: none", "[Approved](https://evil.example)",
                 "\\u{202E}", "HOSTILE-<b>1</b>", "<svg onload="]:
        if text not in state["text"]:
            fail("hostile", f"the page does not show {text!r} as text")


def check_dashboard(driver, work, profile, expect):
    url, leaks, errors = render(driver, work, "summary")
    check_clean("summary", leaks, errors)
    dom = dump_dom(url, profile)
    if f"Archive of {expect['scored']} results" not in dom:
        fail("summary", f"the DOM dump lacks 'Archive of {expect['scored']} results'")
    rows = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#recommendations tbody tr"):
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        rows[cells[0]] = int(cells[1])
    for word, n in expect["recommendations"].items():
        if rows.get(word.replace("_", " ")) != n:
            fail("summary", f"{word}: shows {rows.get(word.replace('_', ' '))}, "
                            f"the batch counted {n}")
    for section in ["histogram", "indicators", "destinations", "intermediaries"]:
        if not driver.find_elements(By.ID, section):
            fail("summary", f"no {section} section")
    if not driver.find_elements(By.CSS_SELECTOR, "#destinations tbody tr"):
        fail("summary", "no destination row")


def check_diff(driver, work, profile, expect):
    url, leaks, errors = render(driver, work, "diff")
    check_clean("diff", leaks, errors)
    dom = dump_dom(url, profile)
    if "Cases that moved most" not in dom:
        fail("diff", "the DOM dump lacks 'Cases that moved most'")
    shown = []
    for row in driver.find_elements(By.CSS_SELECTOR, "#transitions tbody tr"):
        shown.append([int(c.text) for c in row.find_elements(By.TAG_NAME, "td")])
    if shown != expect["transitions"]:
        fail("diff", f"transition matrix {shown}, the diff says "
                     f"{expect['transitions']}")
    moves = driver.find_elements(By.CSS_SELECTOR, "#moves tbody tr")
    if len(moves) != expect["top_moves"]:
        fail("diff", f"{len(moves)} moved cases shown, the diff lists "
                     f"{expect['top_moves']}")


def check_calibration(driver, work, profile, expect):
    url, leaks, errors = render(driver, work, "calibration")
    check_clean("calibration", leaks, errors)
    dom = dump_dom(url, profile)
    for text in expect["texts"]:
        if text not in dom:
            fail("calibration", f"the DOM dump lacks {text!r}")
    rows = driver.find_elements(By.CSS_SELECTOR, "#weight-table tbody tr")
    if len(rows) != expect["weights"]:
        fail("calibration", f"{len(rows)} weight rows, the fit has "
                            f"{expect['weights']}")
    for selector, n in [("svg.weights g.weight", expect["learned"]),
                        ("svg.reliability g.bin", expect["bins"]),
                        ("#prior-table tbody tr", expect["priors"])]:
        shown = len(driver.find_elements(By.CSS_SELECTOR, selector))
        if shown != n:
            fail("calibration", f"{shown} of {selector}, the fit has {n}")


def load(work, name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)


def expectations(work, case_file):
    """What the pages must show, from divrisk's own JSON outputs."""
    a = load(work, "case.json")
    with open(case_file) as f:
        legs = yaml.safe_load(f).get("transport", {}).get("legs", [])
    lines = [c for c in a["contributions"]
             if not c["indicator"].startswith("mitigation:")]
    recommendation = a["recommendation"].replace("_", " ")
    case = {
        "case_id": a["case_id"], "sha256": a["rule_set"]["sha256"],
        "recommendation": recommendation[0].upper() + recommendation[1:],
        "indicators": [c["indicator"] for c in lines],
        "gate_reasons": [h["reason"] for h in a["hard_stops"]],
        "route": ([legs[0]["from"]] if legs else []) + [l["to"] for l in legs],
        "illustrative": any(r["illustrative"] for r in a["rule_set"]["reference"]),
        "unknown_indicators": [c["indicator"] for c in lines if c["unknown"]],
        "sentences": [a["reason"]] + [q["text"] for q in a["questions"]],
    }
    batch = load(work, "results.summary.json")
    summary = {"scored": batch["scored"],
               "recommendations": batch["recommendations"]}
    d = load(work, "diff.json")
    order = list(d["transitions"].keys())
    diff = {"transitions": [[d["transitions"][a][b] for b in order]
                            for a in order],
            "top_moves": len(d["top_moves"])}
    cal = load(work, "calibration.json")
    four = lambda v: "n/a" if v is None else f"{v:.4f}"
    calibration = {
        "texts": [cal["rule_set"]["sha256"], cal["proposed_rule_set"]["sha256"],
                  f"{four(cal['auc']['out_of_fold'])}</b> (95% bootstrap "
                  f"interval {four(cal['auc']['low'])} to "
                  f"{four(cal['auc']['high'])}"],
        "weights": len(cal["weights"]),
        "learned": sum(1 for w in cal["weights"] if w["learned"]),
        "bins": sum(1 for b in cal["reliability"] if b["cases"] > 0),
        "priors": len(cal["priors"]),
    }
    return {"case": case, "summary": summary, "diff": diff,
            "calibration": calibration}


def main():
    work = sys.argv[1]
    expect = expectations(work, sys.argv[2])
    with tempfile.TemporaryDirectory() as profile:
        driver = start(os.path.join(profile, "selenium"))
        try:
            check_control(driver, work)
            check_case(driver, work, os.path.join(profile, "dump"), expect["case"])
            check_hostile(driver, work)
            check_dashboard(driver, work, os.path.join(profile, "dump"),
                            expect["summary"])
            check_diff(driver, work, os.path.join(profile, "dump"), expect["diff"])
            check_calibration(driver, work, os.path.join(profile, "dump"),
                              expect["calibration"])
        finally:
            driver.quit()
    if FAILURES:
        print(f"{len(FAILURES)} failures")
        return 1
    print(f"browser checks passed; screenshots and PDFs in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
