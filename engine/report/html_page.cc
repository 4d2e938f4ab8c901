#include "engine/report/html_page.h"

#include "absl/strings/str_cat.h"
#include "engine/doc/html_text.h"

namespace divrisk {
namespace {

// No script may run and nothing may be fetched: the page holds everything
// it shows. Styles are inline (one <style> element and SVG attributes).
constexpr char kPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "font-src 'none'; connect-src 'none'; script-src 'none'; "
    "object-src 'none'; form-action 'none'; base-uri 'none'";

constexpr char kStyle[] = R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --adverse: #b3261e;
  --mitigating: #1b6e3a; --warn-bg: #fff4ce; --stop-bg: #fde7e5; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); background: #fff; font-size: 15px; line-height: 1.45; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem;
  overflow-wrap: anywhere; word-break: break-word; }
h1 { font-size: 1.5rem; margin: 0 0 .6rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr;
  gap: .15rem 1rem; margin: 0; }
dl.facts dt { font-weight: bold; color: var(--muted); }
dl.facts dd { margin: 0; }
.sha { font-family: "DejaVu Sans Mono", monospace; font-size: .8rem; }
.warning { background: var(--warn-bg); border: 2px solid #8a6d00;
  padding: .6rem .8rem; margin: .8rem 0; font-weight: bold; }
.verdict { border: 3px solid var(--ink); padding: .8rem 1rem; margin: 1rem 0; }
.verdict .rec { font-size: 2.2rem; font-weight: bold; margin: 0; }
.verdict .reason { font-size: 1.3rem; margin: .3rem 0; }
.rec-refuse { border-color: var(--adverse); }
.rec-refuse .rec { color: var(--adverse); }
.stop { background: var(--stop-bg); border-left: 6px solid var(--adverse);
  padding: .5rem .8rem; margin: .5rem 0; }
.stop .action { text-transform: uppercase; font-weight: bold; color: var(--adverse); }
.none { color: var(--muted); }
svg.chart { width: 100%; height: auto; display: block; }
.legend span { display: inline-block; margin-right: 1.2rem; }
.swatch { display: inline-block; width: 1.4em; height: .9em; vertical-align: middle;
  margin-right: .3em; border: 1px solid var(--ink); }
ol.route { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
ol.route li { border: 1px solid var(--rule); padding: .4rem .6rem; flex: 1 1 11rem;
  max-width: 100%; position: relative; }
ol.route li .via { color: var(--muted); font-size: .85rem; }
.tag { display: inline-block; border: 1px solid var(--ink); border-radius: .2rem;
  padding: 0 .3rem; margin: .1rem .2rem .1rem 0; font-size: .8rem; }
.embargo { color: var(--adverse); font-weight: bold; }
.party { border: 1px solid var(--rule); padding: .4rem .7rem; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--rule); padding: .25rem .4rem; vertical-align: top;
  text-align: left; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td ul, .party ul { margin: 0; padding-left: 1.1rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
footer { margin-top: 2rem; border-top: 2px solid var(--ink); padding-top: .6rem;
  font-size: .9rem; }
.heat td { text-align: right; }
.heat td.dark { color: #fff; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .verdict, .stop, .party, tr, svg.chart, ol.route li { break-inside: avoid; }
  thead { display: table-header-group; }
}
)css";

}  // namespace

void AppendHtmlPageStart(std::string_view title, std::string* out) {
  absl::StrAppend(out,
                  "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                  "<meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"",
                  kPolicy,
                  "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, "
                  "initial-scale=1\">\n<title>");
  AppendHtml(title, out);
  absl::StrAppend(out, "</title>\n<style>", kStyle, "</style>\n</head>\n<body>\n");
}

void AppendHtmlPageEnd(std::string_view footer_note, std::string* out) {
  absl::StrAppend(out, "<footer><p>");
  AppendHtml(footer_note, out);
  absl::StrAppend(out, "</p></footer>\n</body>\n</html>\n");
}

}  // namespace divrisk
