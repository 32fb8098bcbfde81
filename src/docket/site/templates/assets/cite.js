// docket letter pages: buttons to copy the suggested citation and to copy or download each
// citation record (BibTeX, RIS, CSL-JSON). Without this script the records are still on
// the page to select and copy. No inline code, no eval: it runs under the site's CSP.

function button(label, action) {
  const node = document.createElement("button");
  node.type = "button";
  node.className = "cite-button";
  node.textContent = label;
  node.addEventListener("click", action);
  return node;
}

function announce(status, text) {
  status.textContent = "";
  window.setTimeout(() => { status.textContent = text; }, 50);
}

async function copy(text, status, what) {
  try {
    await navigator.clipboard.writeText(text);
    announce(status, `${what} copied.`);
  } catch {
    announce(status, `${what} could not be copied: select it and copy it instead.`);
  }
}

function download(text, fileName, mediaType, status, what) {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce(status, `${what} downloaded as ${fileName}.`);
}

function enhance() {
  const chicago = document.getElementById("cite-chicago");
  if (!chicago) return;
  const status = document.createElement("p");
  status.className = "cite-status";
  status.setAttribute("role", "status");
  const actions = document.createElement("p");
  actions.className = "cite-actions";
  actions.append(button("Copy citation", () => copy(chicago.textContent.trim(), status, "Citation")));
  chicago.after(actions, status);
  for (const record of document.querySelectorAll("pre[data-cite-file]")) {
    const heading = document.getElementById(record.getAttribute("aria-labelledby"));
    const label = heading ? heading.textContent : "Record";
    const row = document.createElement("p");
    row.className = "cite-actions";
    row.append(
      button(`Copy ${label}`, () => copy(record.textContent, status, label)),
      button(`Download ${label}`, () => download(record.textContent, record.dataset.citeFile, record.dataset.citeType, status, label)),
    );
    record.before(row);
  }
}

enhance();
