// docket: on a copy of the site read from disk (file://), links and forms that lead to a
// folder lead to the folder's index.html instead, as a web server would answer them, and
// an element with data-on-disk says what it says there (the search page: browsers load
// no module script, WebAssembly or index from disk). Served over http(s), this does
// nothing: there, links keep their clean addresses.
if (window.location.protocol === "file:") {
  const page = (address) => {
    const url = new URL(address, document.baseURI);
    if (url.protocol === "file:" && url.pathname.endsWith("/")) url.pathname += "index.html";
    return url.href;
  };
  const rewrite = () => {
    for (const link of document.querySelectorAll("a[href]")) {
      if (!link.getAttribute("href").startsWith("#")) link.href = page(link.href);
    }
    for (const form of document.querySelectorAll("form[action]")) form.action = page(form.action);
    for (const notice of document.querySelectorAll("[data-on-disk]")) notice.textContent = notice.dataset.onDisk;
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", rewrite);
  else rewrite();
}
