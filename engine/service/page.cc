// The officer's page (GET /): choose or drop a case file, read the HTML
// report. One document: its style and script inline, no font, image or
// request anywhere but this service's /v1/assess. Every control is a native
// one or has a key binding, in reading order, so the keyboard alone works:
// Tab to the file chooser (or the drop area, Enter or Space opens the
// chooser), choose, and the report appears; focus moves to it.

#include "engine/service/documents.h"

namespace divrisk::service {

std::string_view PageHtml() {
  static constexpr std::string_view kPage = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>divrisk: assess a licence application</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; max-width: 70rem; color: #111; }
h1 { font-size: 1.4rem; }
fieldset { border: 1px solid #999; padding: 1rem; margin-bottom: 1rem; }
label { display: block; margin: .5rem 0 .2rem; font-weight: 600; }
input[type=text], input[type=password] { padding: .3rem; font-size: 1rem; }
#drop { border: 2px dashed #555; padding: 1.5rem; text-align: center; margin-top: .8rem; }
#drop.over { background: #eef; }
:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }
#status { margin: .8rem 0; min-height: 1.5rem; }
#status.error { color: #a00; }
#errors li { font-family: monospace; }
iframe { width: 100%; height: 70vh; border: 1px solid #999; }
.hint { color: #444; font-size: .9rem; }
</style>
</head>
<body>
<main>
<h1>Assess a licence application</h1>
<p class="hint">divrisk supports a human decision; it never takes one. The file is sent only to this server.</p>
<form id="form" onsubmit="return false">
<fieldset>
<legend>Case file</legend>
<label for="file">Case file (.yaml, .yml or .json)</label>
<input id="file" type="file" accept=".yaml,.yml,.json,application/json,application/yaml">
<div id="drop" tabindex="0" role="button" aria-describedby="drop-hint">Drop a case file here, or press Enter to choose one</div>
<p id="drop-hint" class="hint">The report appears below as soon as a file is chosen or dropped.</p>
<label for="authority">Deciding state (optional, ISO code such as GB)</label>
<input id="authority" type="text" maxlength="2" size="4" autocomplete="off" pattern="[A-Z]{2}">
<label for="token">Access token (only when the server asks for one)</label>
<input id="token" type="password" autocomplete="off">
<p><button id="again" type="button">Assess the chosen file again</button></p>
</fieldset>
</form>
<div id="status" role="status" aria-live="polite"></div>
<ul id="errors"></ul>
<iframe id="report" title="Assessment report" sandbox="allow-same-origin" tabindex="0" hidden></iframe>
</main>
<script>
"use strict";
const fileInput = document.getElementById("file");
const drop = document.getElementById("drop");
const statusBox = document.getElementById("status");
const errorList = document.getElementById("errors");
const report = document.getElementById("report");
let chosen = null;

function say(text, isError) {
  statusBox.textContent = text;
  statusBox.className = isError ? "error" : "";
}

function showErrors(errors) {
  errorList.replaceChildren();
  for (const e of errors) {
    const li = document.createElement("li");
    const where = [e.file, e.line, e.column].filter(x => x !== null && x !== "").join(":");
    li.textContent = (where ? where + ": " : "") + (e.path ? e.path + ": " : "") + e.message;
    errorList.appendChild(li);
  }
}

async function assess(file) {
  if (!file) { say("Choose a case file first.", true); return; }
  chosen = file;
  errorList.replaceChildren();
  report.hidden = true;
  say("Assessing " + file.name + "\u2026", false);
  const type = /\.json$/i.test(file.name) ? "application/json" : "application/yaml";
  const headers = { "Content-Type": type, "Accept": "text/html" };
  const token = document.getElementById("token").value.trim();
  if (token) headers["Authorization"] = "Bearer " + token;
  const authority = document.getElementById("authority").value.trim().toUpperCase();
  const query = "?format=html" + (authority ? "&authority=" + encodeURIComponent(authority) : "");
  try {
    const response = await fetch("/v1/assess" + query,
        { method: "POST", headers: headers, body: await file.arrayBuffer() });
    const text = await response.text();
    if (!response.ok) {
      let errors = [];
      try { errors = JSON.parse(text).errors || []; } catch (e) { }
      say(file.name + " was not assessed (HTTP " + response.status + "):", true);
      showErrors(errors);
      return;
    }
    report.srcdoc = text;
    report.hidden = false;
    say("Report for " + file.name + " below.", false);
    report.focus();
  } catch (e) {
    say("The server could not be reached: " + e.message, true);
  }
}

fileInput.addEventListener("change", () => assess(fileInput.files[0]));
document.getElementById("again").addEventListener("click", () => assess(chosen || fileInput.files[0]));
drop.addEventListener("keydown", e => {
  if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fileInput.click(); }
});
drop.addEventListener("click", () => fileInput.click());
for (const name of ["dragenter", "dragover"]) {
  drop.addEventListener(name, e => { e.preventDefault(); drop.classList.add("over"); });
}
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", e => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files.length > 0) assess(e.dataTransfer.files[0]);
});
</script>
</body>
</html>
)html";
  return kPage;
}

}  // namespace divrisk::service
