// docket search page: Pagefind's JavaScript API, with filters and sorting.
// An ES module with no dependencies. It builds everything with DOM methods: no inline
// styles, no eval, and result excerpts are rebuilt as text plus <mark> only.
//
// A large archive's index comes in bundles (the form's data-bundles lists their folders),
// each a Pagefind index of a run of pages in date order. Every search asks all of them:
// for relevance their results are merged by score; in date order, bundle after bundle
// (reversed for latest first), since every page of a bundle sorts before the next one's.
// Bundles are loaded and asked a few at a time (ASK_AT_ONCE), so that their network round
// trips overlap: one after another, 22 bundles took seconds over a real connection.

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;
const ASK_AT_ONCE = 6; // bundles busy at once: a browser's connections to one host over HTTP/1.1
const NARROW_FROM = 12; // a filter with more values than this gets a box to narrow them by typing
const SORTS = ["relevance", "asc", "desc"];

const form = document.getElementById("search-form");
// [Pagefind filter, label] pairs, in the order shown: written into the page by docket
// from its registry of record kinds (docket.archive.kinds.SEARCH_FILTERS)
const FILTERS = JSON.parse((form && form.dataset.filters) || "[]");
const input = document.getElementById("search-q");
const sortSelect = document.getElementById("search-sort");
const bestMatch = sortSelect && sortSelect.querySelector("option[value=relevance]");
const filtersBox = document.getElementById("search-filters");
const statusBox = document.getElementById("search-status");
const resultsBox = document.getElementById("search-results");
// The site's base path, e.g. "/" or "/archive/", always ending in "/".
const BASE = (form && form.dataset.base) || "/";

let bundles = []; // one Pagefind instance per bundle, in date order; empty until loaded
let totals = {}; // every filter value's count in the whole index
let generation = 0; // bumps with every search, so a slow, stale search never renders
let chosenSort = ""; // the order the reader chose; "" is the default for the query
const choices = new Map(); // filter name → value → {box, label, count}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// Pagefind's excerpt is HTML whose only tags are <mark>. Parse it in an inert document
// (nothing there runs or loads) and copy across text and <mark> elements only.
function excerptNodes(html) {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(String(html || ""), "text/html");
  for (const child of parsed.body.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE && child.localName === "mark") {
      fragment.append(element("mark", "", child.textContent));
    } else {
      fragment.append(document.createTextNode(child.textContent || ""));
    }
  }
  return fragment;
}

function compareValues(name) {
  if (name === "year") {
    return (a, b) => (parseInt(a, 10) || 9999) - (parseInt(b, 10) || 9999) || a.localeCompare(b);
  }
  return (a, b) => a.localeCompare(b, undefined, { sensitivity: "base" });
}

// Fill the filter boxes the page already holds (closed, so nothing moves) with a checkbox
// per value in the index; a long list gets a box above it that narrows it by typing.
function buildFilters(wanted) {
  for (const details of filtersBox.querySelectorAll("details[data-filter]")) {
    const name = details.dataset.filter;
    const label = details.querySelector("summary").textContent.trim();
    const counts = totals[name] || {};
    const values = Object.keys(counts).filter((v) => counts[v] > 0).sort(compareValues(name));
    const body = details.querySelector(".filter-body");
    if (!values.length) {
      body.replaceChildren(element("p", "filter-empty", "None in this archive."));
      continue;
    }
    const fieldset = element("fieldset");
    fieldset.append(element("legend", "visually-hidden", label));
    const entries = new Map();
    const chosen = wanted.get(name) || [];
    values.forEach((value, index) => {
      const id = `filter-${name}-${index}`;
      const box = element("input");
      box.type = "checkbox";
      box.id = id;
      box.name = name;
      box.value = value;
      box.checked = chosen.includes(value);
      const labelNode = element("label");
      labelNode.htmlFor = id;
      const count = element("span", "count", `(${counts[value]})`);
      labelNode.append(box, element("span", "", value), count);
      fieldset.append(labelNode);
      entries.set(value, { box, label: labelNode, count, key: folded(value) });
    });
    choices.set(name, entries);
    if (chosen.length) details.open = true; // a search from an address shows what it filters by
    body.replaceChildren(...(values.length > NARROW_FROM ? [narrowBox(name, label)] : []), fieldset);
  }
}

function narrowBox(name, label) {
  const box = element("input", "filter-narrow");
  box.type = "search";
  box.dataset.narrows = name;
  box.autocomplete = "off";
  box.placeholder = "Type to narrow";
  box.setAttribute("aria-label", `Narrow the list: ${label}`);
  return box;
}

// Hide the values of one filter that do not contain what was typed in its narrowing box.
function narrow(box) {
  const term = folded(box.value.trim());
  for (const entry of (choices.get(box.dataset.narrows) || new Map()).values()) {
    entry.label.hidden = Boolean(term) && !entry.key.includes(term) && !entry.box.checked;
  }
}

// Show each value's count among the current results (Pagefind's answer for this query and
// these filters), or in the whole index when nothing is asked.
function showCounts(counts) {
  for (const [name, entries] of choices) {
    for (const [value, entry] of entries) {
      const count = (counts[name] && counts[name][value]) || 0;
      entry.count.textContent = `(${count})`;
      entry.label.classList.toggle("none", count === 0 && !entry.box.checked);
    }
  }
}

function chosenFilters() {
  const chosen = new Map();
  for (const box of filtersBox.querySelectorAll("input[type=checkbox]:checked")) {
    if (!chosen.has(box.name)) chosen.set(box.name, []);
    chosen.get(box.name).push(box.value);
  }
  return chosen;
}

// The order results come in: the reader's choice, else by best match when there are
// words to match and by date when there are none (filters alone have no match to rank).
function sortFor(q) {
  if (chosenSort === "relevance" && !q) return "asc";
  return chosenSort || (q ? "relevance" : "asc");
}

// Offer "Best match" only when there are words to match, and show the order in force.
function showSort(q) {
  bestMatch.hidden = !q;
  bestMatch.disabled = !q;
  sortSelect.value = sortFor(q);
}

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const wanted = new Map();
  for (const [name] of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) wanted.set(name, values);
  }
  const sort = params.get("sort");
  return { q: params.get("q") || "", sort: SORTS.includes(sort) ? sort : "", wanted };
}

function writeUrl(q, sort, chosen) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (sort) params.set("sort", sort);
  for (const [name, values] of chosen) for (const value of values) params.append(name, value);
  const query = params.toString();
  const url = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
  window.history.replaceState(null, "", url);
}

function resultItem(data) {
  const item = element("li");
  const title = element("p", "card-title");
  const link = element("a", "", (data.meta && data.meta.title) || data.url);
  link.href = data.url;
  title.append(link);
  item.append(title);
  const facts = [data.meta && data.meta.kind, data.meta && data.meta.date].filter(Boolean);
  if (facts.length) item.append(element("p", "result-meta", facts.join(" · ")));
  if (data.excerpt) {
    const excerpt = element("p", "result-excerpt");
    excerpt.append(excerptNodes(data.excerpt));
    item.append(excerpt);
  }
  return item;
}

async function showPage(results, start, list, mine) {
  const slice = results.slice(start, start + PAGE_SIZE);
  const datas = await inTurn(() => inParallel(slice, (result) => result.data()));
  if (mine !== generation) return;
  const items = datas.map(resultItem);
  list.append(...items);
  resultsBox.querySelector(".more")?.remove();
  const shown = start + items.length;
  if (shown < results.length) {
    const more = element("button", "more", `Show more results (${results.length - shown} left)`);
    more.type = "button";
    more.addEventListener("click", async () => {
      await showPage(results, shown, list, mine);
      list.children[shown]?.querySelector("a")?.focus();
    });
    resultsBox.append(more);
  }
}

async function runSearch() {
  const q = input.value.trim();
  showSort(q);
  if (!bundles.length) return; // still loading: the search runs once the index is in
  const mine = ++generation;
  const chosen = chosenFilters();
  writeUrl(q, chosenSort, chosen);
  if (!q && chosen.size === 0) {
    resultsBox.replaceChildren();
    statusBox.textContent = "";
    showCounts(totals);
    return;
  }
  const filters = {};
  for (const [name, values] of chosen) filters[name] = { any: values };
  const options = { filters };
  const sort = sortFor(q);
  const direction = sort === "relevance" ? "" : sort;
  if (direction) options.sort = { date: direction };
  const answers = await eachBundle((bundle) => bundle.search(q || null, options));
  if (mine !== generation || answers.some((answer) => !answer)) return;
  const lists = await wordMatches(answers.map((answer) => answer.results), q);
  if (mine !== generation) return;
  // Counts from the bundles whose results are kept: not from those that only had stand-ins.
  const kept = answers.filter((answer, index) => lists[index].length || !answer.results.length);
  showCounts(mergeFilters(kept.map((answer) => answer.filters)));
  const results = mergeResults(lists, direction);
  if (!results.length) {
    showNothing(q, chosen);
    return;
  }
  const count = `${results.length} ${results.length === 1 ? "result" : "results"}`;
  statusBox.textContent = q ? `${count} for “${q}”` : count;
  const list = element("ol", "results");
  resultsBox.replaceChildren(list);
  await showPage(results, 0, list, mine);
}

// No results: say so, and how to widen the search.
function showNothing(q, chosen) {
  if (!chosen.size) {
    statusBox.textContent = `Nothing matches “${q}”; search for fewer or other words.`;
    resultsBox.replaceChildren();
    return;
  }
  statusBox.textContent = q
    ? `No letters match “${q}” with these filters; clear a filter or search for fewer words.`
    : "No letters match these filters together; clear a filter.";
  const clear = element("button", "clear-filters", "Clear filters");
  clear.type = "button";
  clear.addEventListener("click", () => {
    for (const box of filtersBox.querySelectorAll("input[type=checkbox]:checked")) box.checked = false;
    input.focus();
    runSearch();
  });
  resultsBox.replaceChildren(clear);
}

// Every call to Pagefind waits its turn in one queue, so searches that overlap while
// someone types never interleave; within a turn, at most ASK_AT_ONCE requests are busy,
// which keeps the page light on a phone.
let queue = Promise.resolve();
function inTurn(work) {
  const run = queue.then(work, work);
  queue = run.catch(() => {});
  return run;
}

// ``work`` on every item, at most ASK_AT_ONCE at a time; the answers in the items' order.
async function inParallel(items, work) {
  const answers = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      answers[index] = await work(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(ASK_AT_ONCE, items.length) }, worker));
  return answers;
}

function eachBundle(ask) {
  return inTurn(() => inParallel(bundles, ask));
}

// Text without accents or case, for narrowing a filter's list: "muller" finds "Müller".
function folded(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function normalise(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

// Whether a result's highlighted words are the query's words (or longer words they begin).
async function matchesWords(result, terms) {
  const data = await result.data();
  const marked = [...String(data.excerpt || "").matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => normalise(m[1]));
  return terms.some((term) => marked.some((word) => word.startsWith(term.slice(0, Math.max(3, term.length - 2)))));
}

// When a word is in no page of a Pagefind index, Pagefind answers with the pages that
// have its longest prefix it does hold ("compassionate" finds "com…"). One index does
// that only when no page has the word; a bundle does it whenever its own pages lack
// the word. So, as one index would: when some bundle has the words themselves, the
// bundles that could only offer such stand-ins are left out.
async function wordMatches(lists, q) {
  const terms = q.split(/\s+/).map(normalise).filter(Boolean);
  if (!terms.length || lists.length < 2) return lists;
  const exact = await bundlesWithWords(q, terms);
  if (!exact.some(Boolean)) return lists;
  return lists.map((list, index) => (exact[index] ? list : []));
}

// Which bundles hold the words themselves, asked without filters: with filters, the
// bundle that has them may have no page left, and a stand-in elsewhere must not count.
const withWords = new Map();
async function bundlesWithWords(q, terms) {
  if (!withWords.has(q)) {
    const answers = await eachBundle((bundle) => bundle.search(q, {}));
    const exact = await inTurn(() => inParallel(answers, (answer) => (answer.results.length ? matchesWords(answer.results[0], terms) : false)));
    if (withWords.size > 100) withWords.clear();
    withWords.set(q, exact);
  }
  return withWords.get(q);
}

// One list from every bundle's results: by date, bundle after bundle; by relevance, by score.
function mergeResults(lists, direction) {
  if (direction === "desc") return lists.reverse().flat();
  if (direction) return lists.flat();
  return lists.flat().sort((a, b) => b.score - a.score);
}

// Filter values and their counts, summed over the bundles.
function mergeFilters(all) {
  const merged = {};
  for (const filters of all) {
    for (const [name, counts] of Object.entries(filters || {})) {
      merged[name] = merged[name] || {};
      for (const [value, count] of Object.entries(counts)) merged[name][value] = (merged[name][value] || 0) + count;
    }
  }
  return merged;
}

function debounce(fn, wait) {
  let timer = 0;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, wait);
  };
}

// Each bundle's own copy of pagefind.js, so that each runs its own WebAssembly instance:
// instances made with Pagefind's createInstance share one, and on Chromium they then fail
// now and then with "memory access out of bounds". Pagefind's mergeIndex cannot stand in:
// it re-sorts the merged results by score, whatever order was asked for.
async function loadBundles() {
  const folders = (form.dataset.bundles || "pagefind/").split(" ").filter(Boolean);
  return inParallel(folders, async (folder) => {
    const bundle = await import(`${BASE}${folder}pagefind.js`);
    // docket's build indexes every page under its full path (base path included), so
    // Pagefind must not prefix result URLs again: its base is the server root.
    await bundle.options({ baseUrl: "/" });
    await bundle.init();
    return bundle;
  });
}

function listen() {
  const later = debounce(runSearch, DEBOUNCE_MS);
  input.addEventListener("input", () => {
    showSort(input.value.trim());
    later();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch();
  });
  sortSelect.addEventListener("change", () => {
    chosenSort = sortSelect.value;
    runSearch();
  });
  filtersBox.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") runSearch();
  });
  filtersBox.addEventListener("toggle", preloadForFilters, { capture: true });
  filtersBox.addEventListener("input", (event) => {
    if (event.target.dataset.narrows) narrow(event.target);
  });
}

// A search by filters alone makes Pagefind fetch every part of its word index. Opening a
// filter starts that fetch, so that it runs while the reader chooses. Outside the queue:
// a search for words need not wait for it.
let preloaded = false;
function preloadForFilters() {
  if (preloaded || !bundles.length || input.value.trim()) return;
  preloaded = true;
  for (const bundle of bundles) bundle.preload(null, {}).catch(() => {});
}

// The reader may type before the index has loaded: what they typed stays, and is searched
// for once it is in. Until then the status line says the index is loading.
async function main() {
  if (!form || !input || !sortSelect || !bestMatch || !filtersBox || !statusBox || !resultsBox) return;
  const state = readUrl();
  if (!input.value) input.value = state.q;
  chosenSort = state.sort;
  showSort(input.value.trim());
  statusBox.textContent = statusBox.dataset.loading || "Loading the search index…";
  listen();
  let loaded;
  try {
    loaded = await loadBundles();
    totals = mergeFilters(await inParallel(loaded, (bundle) => bundle.filters()));
  } catch (error) {
    statusBox.textContent = "Search is not available: this copy of the site has no search index. Browse the letters and indexes instead.";
    return;
  }
  buildFilters(state.wanted);
  bundles = loaded;
  statusBox.textContent = "";
  runSearch();
}

main();
