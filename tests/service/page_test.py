"""The officer's page in a real browser (Chromium, headless, driven by
Selenium): the page loads with nothing from outside, the keyboard reaches
the file chooser first and every control in order, a case file chosen
there is assessed and its HTML report shows the recommendation the example
declares (chosen, and dropped on the drop area), and a broken file shows
its located errors. Skipped without
python3-selenium or chromium-driver, except under CI=true."""

import os
import re
import shutil
import tempfile
import time

from service_harness import EXAMPLES, Server, check, fail, require

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    have_selenium = True
except ImportError:
    have_selenium = False

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
CASE = "un-embargo-libya-armoured-vehicles.yaml"


def expected_recommendation(path):
    with open(path) as f:
        m = re.search(r"expected:\s*\{recommendation:\s*(\w+)", f.read())
    check(m is not None, "%s declares no expected recommendation" % path)
    return m.group(1)


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ["--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--no-first-run", "--disable-extensions",
                "--disable-breakpad", "--disable-crash-reporter"]:
        options.add_argument(arg)
    return webdriver.Chrome(service=DriverService(executable_path=DRIVER),
                            options=options)


def tab_order(driver):
    """The ids focus visits from the top of the page with Tab alone."""
    driver.refresh()  # focus starts at the top of the page
    seen = []
    for _ in range(6):
        webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
        seen.append(driver.switch_to.active_element.get_attribute("id"))
    return seen


def main():
    require(have_selenium, "python3-selenium", "apt-get install python3-selenium")
    require(os.path.exists(CHROMIUM) and os.path.exists(DRIVER),
            "chromium and chromium-driver", "apt-get install chromium chromium-driver")
    profile = tempfile.mkdtemp(prefix="divrisk-page-")
    try:
        with Server() as server:
            driver = browser(profile)
            try:
                driver.get("http://127.0.0.1:%d/" % server.port)
                check("Assess a licence application" in driver.title + driver.page_source,
                      "the page did not load")
                order = tab_order(driver)
                check(order[:5] == ["file", "drop", "authority", "token", "again"],
                      "keyboard focus order: %s" % order)
                # The drop area answers the keyboard like a button.
                drop = driver.find_element(By.ID, "drop")
                check(drop.get_attribute("role") == "button" and
                      drop.get_attribute("tabindex") == "0", "the drop area is not a button")

                case = os.path.join(EXAMPLES, CASE)
                driver.find_element(By.ID, "file").send_keys(case)
                wait = WebDriverWait(driver, 60)
                wait.until(ec.visibility_of_element_located((By.ID, "report")))
                status = driver.find_element(By.ID, "status").text
                check("Report for" in status, "status after assessing: %r" % status)
                check(driver.switch_to.active_element.get_attribute("id") == "report",
                      "focus did not move to the report")
                driver.switch_to.frame(driver.find_element(By.ID, "report"))
                verdict = driver.find_element(By.ID, "recommendation").text
                want = expected_recommendation(case).replace("_", " ")
                check(want.lower() in verdict.lower(),
                      "the report shows %r, the example expects %s" % (verdict[:200], want))
                driver.switch_to.default_content()

                # A broken file: its errors, located, on the page.
                bad = os.path.join(profile, "broken.yaml")
                with open(bad, "w") as f:
                    f.write("format: divrisk-case/1\nid: B-1\nassessed_on: 2026-02-30\n")
                driver.find_element(By.ID, "file").send_keys(bad)
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#errors li"))
                errors = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#errors li")]
                check(any("request:3:14: assessed_on:" in e for e in errors),
                      "the page does not show the located error: %s" % errors)
                check(not driver.find_element(By.ID, "report").is_displayed(),
                      "a stale report stays visible after an error")
                # A file dropped on the drop area (the browser's drop event
                # with the file in its DataTransfer) is assessed the same way.
                with open(case, encoding="utf-8") as f:
                    text = f.read()
                driver.execute_script("""
                    const file = new File([arguments[0]], arguments[1], {type: "application/yaml"});
                    const data = new DataTransfer();
                    data.items.add(file);
                    const drop = document.getElementById("drop");
                    for (const type of ["dragenter", "dragover", "drop"]) {
                      drop.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
                    }""", text, "dropped.yaml")
                wait.until(lambda d: "dropped.yaml" in d.find_element(By.ID, "status").text
                           and d.find_element(By.ID, "report").is_displayed())
                driver.switch_to.frame(driver.find_element(By.ID, "report"))
                verdict = driver.find_element(By.ID, "recommendation").text
                check(want.lower() in verdict.lower(), "the dropped file's report shows %r" % verdict[:200])
                driver.switch_to.default_content()
                logs = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"
                        and "400" not in e["message"]]
                check(not logs, "browser errors: %s" % logs)
            finally:
                driver.quit()
        print("PASS")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
