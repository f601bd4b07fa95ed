#!/usr/bin/env python3
"""End-to-end test of the portal in a real browser: headless Chromium (Debian's `chromium`) driven
through WebDriver (Debian's `chromium-driver`, selenium from PyPI). Run by
scripts/portal-browser-test.sh, which starts the test server (scripts/portal-test-server.sh) with
its clock pretended inside the public notice of 2026Q3.

The test only types and clicks: no request header, no cookie is set by hand. It reads the browser's
own cookie jar once, to replay the session cookie after logout (it must then be refused).

Journeys:
  province — log in, open the official list, search by the key as shown, filter, open an item,
    download what it sees as CSV and XLSX (the files arrive and open), raise two objections during
    公示 (one of 1,000 Chinese characters), see them listed, log out (the old cookie gets 401);
  ministry — log in, overview, drill down to the province, accept one objection with corrected
    counts and reject the other with a reason (each confirmed in the browser's dialog), see the
    correction version; after publication (recon due), log in again and see the published ranking.

Every step is saved as a screenshot at 1366 px and at 390 px wide in OUT_DIR, and at 390 px the
page must not scroll sideways (document.scrollWidth <= window.innerWidth).

    portal-browser-test.py URL PROVINCE_TOKEN MINISTRY_TOKEN OUT_DIR SERVER_NAME
Exit 0 when every check passed; 1 and the failing step otherwise.
"""
import csv
import io
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

url, province_token, ministry_token, out, server = sys.argv[1:6]
downloads = os.path.join(out, "downloads")
os.makedirs(downloads, exist_ok=True)
checks = 0


def check(condition, message):
    global checks
    if not condition:
        raise AssertionError(message)
    checks += 1


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--window-size=1366,900", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": os.path.abspath(downloads),
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": os.path.abspath(downloads)})
    driver.set_page_load_timeout(30)
    return driver


step_number = 0


def viewport(driver, width, height):
    """The page as a screen `width` CSS px wide (390: a phone, with its viewport meta applied)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    time.sleep(0.15)


def shot(driver, name):
    """Screenshots of the whole page at 1366 and 390 px wide; at 390 px nothing scrolls sideways,
    at 1366 px no button is cut off."""
    global step_number
    step_number += 1
    for width in (1366, 390):
        viewport(driver, width, 900)
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 8000)")
        viewport(driver, width, max(600, height))
        path = os.path.join(out, f"{step_number:02d}-{name}-{width}.png")
        driver.save_screenshot(path)
        if width == 390:
            scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            check(scroll <= inner, f"{name}: at 390 px the page scrolls sideways ({scroll} > {inner})")
        else:
            # Nothing of the download buttons is cut off: each lies inside the window.
            for button in driver.find_elements(By.CSS_SELECTOR, "a.button"):
                right = driver.execute_script("var r=arguments[0].getBoundingClientRect();return r.right", button)
                check(right <= driver.execute_script("return document.documentElement.clientWidth") + 0.5,
                      f"{name}: button {button.text} is clipped at 1366 px")
                # … nor hidden by the scroll box of its table.
                box = driver.execute_script(
                    "var b=arguments[0].closest('div.wide');return b?b.getBoundingClientRect().right:1e9", button)
                check(right <= box + 0.5, f"{name}: button {button.text} is cut off by its table's box at 1366 px")
    viewport(driver, 1366, 900)


def navigate(driver, element):
    """Clicks `element` and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(old))


def confirm_and_wait(driver, button, accept=True):
    """Clicks `button`, answers the confirmation dialog; when accepted, waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    button.click()
    alert = WebDriverWait(driver, 5).until(EC.alert_is_present())
    text = alert.text
    if accept:
        alert.accept()
        WebDriverWait(driver, 15).until(EC.staleness_of(old))
    else:
        alert.dismiss()
    return text


def body(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def login(driver, token, who):
    driver.get(url + "/")
    field = driver.find_element(By.NAME, "token")
    field.send_keys(token)
    shot(driver, f"{who}-login")
    navigate(driver, driver.find_element(By.XPATH, "//button[normalize-space()='进入']"))
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.XPATH, "//button[normalize-space()='退出登录']")))
    check("请求来源校验失败" not in body(driver), f"{who}: login refused by the CSRF check")


def wait_for_download(suffix, before):
    for _ in range(100):
        found = [f for f in os.listdir(downloads) if f.endswith(suffix) and f not in before]
        if found and not any(f.endswith(".crdownload") for f in os.listdir(downloads)):
            return os.path.join(downloads, found[0])
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} file arrived in {downloads}")


def status_with_cookie(path, cookie):
    request = urllib.request.Request(url + path, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def province_journey():
    driver = browser()
    try:
        login(driver, province_token, "province")
        check("河南" in body(driver), "province page: no 河南")
        shot(driver, "province-home")

        # The official list's items.
        navigate(driver, driver.find_element(By.XPATH, "//tr[.//span[contains(@class,'official')]]//a[normalize-space()='查看条目']"))
        WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.items")))
        shot(driver, "province-items")

        # Search by the key exactly as the page shows it (e.g. 豫HBV258 / 1), then in lower case.
        shown = driver.find_element(By.CSS_SELECTOR, "table.items td.key").text.strip()
        for query in (shown, shown.lower().replace(" ", "")):
            box = driver.find_element(By.NAME, "q")
            box.clear()
            box.send_keys(query)
            navigate(driver, driver.find_element(By.XPATH, "//form[contains(@class,'filters')]//button[normalize-space()='筛选']"))
            keys = [cell.text.strip() for cell in driver.find_elements(By.CSS_SELECTOR, "table.items td.key")]
            check(shown in keys, f"search {query!r}: the item {shown!r} was not found (found {keys[:5]})")
        shot(driver, "province-search")

        # Filter: every outstanding item (the search cleared).
        driver.find_element(By.NAME, "q").clear()
        Select(driver.find_element(By.NAME, "status")).select_by_value("outstanding")
        navigate(driver, driver.find_element(By.XPATH, "//form[contains(@class,'filters')]//button[normalize-space()='筛选']"))
        check("status=outstanding" in driver.current_url, "the filter is not in the URL")
        summary = re.search(r"共 (\d+) 条", body(driver))
        check(summary is not None and int(summary.group(1)) > 0, "filter: no outstanding item")
        outstanding = int(summary.group(1))
        tags = {t.text for t in driver.find_elements(By.CSS_SELECTOR, "table.items span.tag")}
        check("已一致" not in tags, f"filter outstanding shows consistent items: {tags}")

        # Open an item: its records or fields become visible.
        details = driver.find_element(By.CSS_SELECTOR, "table.items details")
        details.find_element(By.TAG_NAME, "summary").click()
        check(details.get_attribute("open") is not None, "the item did not open")
        check(details.find_element(By.TAG_NAME, "table").is_displayed(), "the item's records are not shown")
        shot(driver, "province-item-open")

        # Download what I see: CSV and XLSX with the same filter; they arrive and open.
        before = set(os.listdir(downloads))
        driver.find_element(By.XPATH, "//p[contains(.,'下载当前筛选结果')]/a[normalize-space()='CSV']").click()
        csv_path = wait_for_download(".csv", before)
        raw = open(csv_path, "rb").read()
        text = raw.decode("utf-8-sig")
        rows = [r for r in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in r)]
        header_index = next((i for i, r in enumerate(rows) if "序号" in r), None)
        check(header_index is not None, f"CSV: no header row with 序号 in {rows[:3]}")
        numbers = {r[0].strip() for r in rows[header_index + 1:] if r and r[0].strip().isdigit()}
        check(len(numbers) == outstanding, f"CSV: {len(numbers)} items, the page shows {outstanding}")
        before = set(os.listdir(downloads))
        driver.find_element(By.XPATH, "//p[contains(.,'下载当前筛选结果')]/a[normalize-space()='XLSX']").click()
        xlsx_path = wait_for_download(".xlsx", before)
        check(open(xlsx_path, "rb").read(2) == b"PK", "XLSX: not a zip file")
        converted = subprocess.run(["xlsx2csv", "--all", xlsx_path], capture_output=True, text=True, check=True).stdout
        check("序号" in converted, "XLSX: no header row with 序号")

        # Printing shows the records of every item, not collapsed <details> (all items: 清除).
        navigate(driver, driver.find_element(By.XPATH, "//form[contains(@class,'filters')]//a[normalize-space()='清除']"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        closed = driver.find_elements(By.CSS_SELECTOR, "table.items details:not([open]) table")
        check(closed, "no closed item to print")
        heights = [driver.execute_script("return arguments[0].getBoundingClientRect().height", t) for t in closed[:5]]
        check(all(h > 0 for h in heights), f"printing hides the records of closed items: heights {heights}")
        shot(driver, "province-items-print")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        # Back to the province page: raise two objections during 公示, one of 1,000 characters.
        navigate(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "← 返回"))
        long_text = ("本省对该指标的计算有异议，" * 80)[:1000]
        check(len(long_text) == 1000, "the long objection is not 1,000 characters")
        for indicator, text in ((10, long_text), (11, "指标11：重新上传的记录漏计，请核对。")):
            form = driver.find_element(By.XPATH, f"//form[@action='/objections'][.//input[@name='indicator' and @value='{indicator}']]")
            form.find_element(By.NAME, "text").send_keys(text)
            if indicator == 10:
                shot(driver, "province-objection-typed")
            navigate(driver, form.find_element(By.XPATH, ".//button[normalize-space()='提出异议']"))
            WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.XPATH, "//button[normalize-space()='退出登录']")))
            page = body(driver)
            check("出错了" not in driver.title, f"objection {indicator} refused: {page[:300]}")
            check(text[:30] in page, f"objection {indicator} is not listed")
        check(page.count("待处理") >= 2, "the two objections are not listed as 待处理")
        shot(driver, "province-objections")

        # Log out; the old session cookie, read from the browser's jar and replayed, is refused.
        cookie = next(c for c in driver.get_cookies() if c["name"] == "recon_session")
        old = f"recon_session={cookie['value']}"
        check(status_with_cookie("/api/lists", old) == 200, "the live session cookie does not open the API")
        navigate(driver, driver.find_element(By.XPATH, "//button[normalize-space()='退出登录']"))
        WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.NAME, "token")))
        check("请求来源校验失败" not in body(driver), "logout refused by the CSRF check")
        check(not any(c["name"] == "recon_session" and c["value"] for c in driver.get_cookies()), "the session cookie is still set")
        check(status_with_cookie("/api/lists", old) == 401, "the old cookie still opens the API after logout")
        shot(driver, "province-logged-out")
    finally:
        driver.quit()


def ministry_journey():
    driver = browser()
    try:
        login(driver, ministry_token, "ministry")
        check("各省整改进度" in body(driver), "ministry overview missing")
        shot(driver, "ministry-overview")

        navigate(driver, driver.find_element(By.XPATH, "//a[starts-with(@href,'/provinces/410000')]"))
        check("/provinces/410000" in driver.current_url, "drill-down: wrong URL")
        check("以 河南" in body(driver), "drill-down: not 河南's page")
        shot(driver, "ministry-drilldown")
        navigate(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "返回部级总览"))

        # Accept the objection on indicator 10 with corrected counts.
        accept = driver.find_element(By.XPATH, "//tr[contains(.,'指标10')]//form[contains(@action,'/accept')]")
        objection_id = re.search(r"/objections/(\d+)/accept", accept.get_attribute("action")).group(1)
        check("当前分子" in accept.text, "the accept form does not show the current counts")
        for name, value in (("numerator", "5"), ("denominator", "1000"), ("reason", "经核对，差异记录重复计数，予以修正")):
            field = accept.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)
        shot(driver, "ministry-accept-typed")
        said = confirm_and_wait(driver, accept.find_element(By.XPATH, ".//button[normalize-space()='采纳并修正']"))
        check("确认采纳" in said, f"accept: the confirmation says {said!r}")
        check("出错了" not in driver.title, f"accept refused: {body(driver)[:300]}")
        row = driver.find_element(By.XPATH, f"//table[contains(@class,'objections')]//tr[td[1][normalize-space()='{objection_id}']]")
        check("已采纳" in row.text and "修正版本" in row.text, f"accepted objection row: {row.text[:200]}")
        check("部级运政" in row.text, f"the decision does not name who decided: {row.text[:200]}")
        check("5/1000" in body(driver), "the corrected counts 5/1000 are not in the scores")
        check("第2版" in body(driver), "the correction version (第2版) is not shown")

        # Reject the one on indicator 11 with a reason; dismissing the dialog first sends nothing.
        reject = driver.find_element(By.XPATH, "//tr[contains(.,'指标11')]//form[contains(@action,'/reject')]")
        reject_id = re.search(r"/objections/(\d+)/reject", reject.get_attribute("action")).group(1)
        reject.find_element(By.NAME, "reason").send_keys("上传时间晚于整改期限，不予采纳")
        confirm_and_wait(driver, reject.find_element(By.XPATH, ".//button[normalize-space()='不予采纳']"), accept=False)
        row_path = f"//table[contains(@class,'objections')]//tr[td[1][normalize-space()='{reject_id}']]"
        check("待处理" in driver.find_element(By.XPATH, row_path).text, "dismissing the confirmation still rejected the objection")
        reject = driver.find_element(By.XPATH, f"//form[@action='/objections/{reject_id}/reject']")
        said = confirm_and_wait(driver, reject.find_element(By.XPATH, ".//button[normalize-space()='不予采纳']"))
        check("确认不予采纳" in said, f"reject: the confirmation says {said!r}")
        row = driver.find_element(By.XPATH, row_path)
        check("未采纳" in row.text and "上传时间晚于整改期限" in row.text, f"rejected objection row: {row.text[:200]}")
        check("公示中" in body(driver), "before publication the ranking is not marked 公示中")
        shot(driver, "ministry-decided")
    finally:
        driver.quit()


def published_journey():
    # After the notice: `recon due` publishes; the portal's clock moves past it.
    subprocess.run(["bash", "scripts/portal-test-server.sh", "due", server, "2026-10-28T07:00:00+08:00"], check=True)
    subprocess.run(["bash", "scripts/portal-test-server.sh", "restart", server, "2026-10-28T10:00:00+08:00"],
                   check=True, stdout=subprocess.DEVNULL)
    driver = browser()
    try:
        login(driver, ministry_token, "ministry-published")
        page = body(driver)
        check("已公布" in page, "after publication the ranking is not marked 已公布")
        ranking = driver.find_element(By.XPATH, "//h2[contains(.,'各省排名')]/following::table[1]")
        check("河南" in ranking.text and "0.50%" in ranking.text, f"the published ranking lacks the correction: {ranking.text[:300]}")
        shot(driver, "ministry-published")
        navigate(driver, driver.find_element(By.XPATH, "//button[normalize-space()='退出登录']"))
        login(driver, province_token, "province-published")
        page = body(driver)
        check("已公布" in page, "the province does not see its published result")
        check(re.search(r"本季度排名：第 \d+ 名", page) is not None, "the province does not see its rank")
        shot(driver, "province-published")
    finally:
        driver.quit()


for journey in (province_journey, ministry_journey, published_journey):
    try:
        journey()
    except Exception as error:  # the failing step, then exit 1
        print(f"portal-browser-test: {journey.__name__} failed: {error}", file=sys.stderr)
        sys.exit(1)
print(f"portal-browser-test: all {checks} checks held (screenshots in {out})")
