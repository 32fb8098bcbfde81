// docket search page: Pagefind's JavaScript API, with filters and sorting.
// An ES module with no dependencies. It builds everything with DOM methods: no inline
// styles, no eval, and result excerpts are rebuilt as text plus <mark> only.
//
// A large archive's index comes in bundles (the form's data-bundles lists their folders),
// each a Pagefind index of a run of pages in date order. One Pagefind, loaded from the
// first bundle, searches them all: the others are merged into it (see loadIndex), so its
// script, its worker and its WebAssembly load once. For relevance, Pagefind merges the
// bundles' results by score, as one index would rank them; in date order, results come
// bundle after bundle (reversed for latest first), since every page of a bundle sorts
// before the next one's (see inDateOrder).

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;
const ASK_AT_ONCE = 6; // fragments fetched at once: a browser's connections to one host over HTTP/1.1
const BUNDLE = "bundle"; // the filter each bundle gives its pages: the bundle's number, from 0
const WEIGHT_STEP = 2 ** -40; // between two bundles' weights of their scores: see bundleOf
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

let pagefind = null; // the one Pagefind instance, every bundle merged in; null until loaded
let bundleCount = 0;
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

// Show the next page of results: ``results`` is a list of results (see inDateOrder) whose
// ``take(start, end)`` answers with those results, asking Pagefind if need be.
async function showPage(results, start, list, mine) {
  const datas = await inTurn(async () => {
    const slice = await results.take(start, start + PAGE_SIZE);
    return inParallel(slice, (result) => result.data());
  });
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
  if (!pagefind) return; // still loading: the search runs once the index is in
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
  const holding = await bundlesWithWords(q);
  if (mine !== generation) return;
  if (holding) filters[BUNDLE] = { any: holding };
  const options = { filters };
  const sort = sortFor(q);
  const direction = sort === "relevance" ? "" : sort;
  if (direction) options.sort = { date: direction };
  const answer = await inTurn(() => pagefind.search(q || null, options));
  if (mine !== generation || !answer) return;
  showCounts(answer.filters);
  const results = direction ? inDateOrder(answer, q, options, direction) : resultList(answer.results);
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
// someone types never interleave; within a turn, at most ASK_AT_ONCE fragments are
// fetched at once, which keeps the page light on a phone.
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

// Pagefind's results, already in the order wanted, as a list that showPage pages through.
function resultList(results) {
  return { length: results.length, take: async (start, end) => results.slice(start, end) };
}

// The results in date order. Pagefind sorts each bundle's results by date, but merging
// the bundles it orders them by score, and a date-sorted result's score is its place
// within its own bundle: the bundles' results come interleaved. Every page of a bundle
// sorts before every page of the next, so the order is bundle after bundle (from the
// last for latest first), each bundle's results asked of it alone (its number as a
// filter) when a page of results first reaches it. Its count of results is known from
// the first answer's counts of the bundle filter, so nothing is asked twice.
function inDateOrder(answer, q, options, direction) {
  const counts = answer.filters[BUNDLE] || {};
  const runs = [];
  for (let number = 0; number < bundleCount; number++) {
    if (counts[number] > 0) runs.push({ number, count: counts[number], results: null });
  }
  if (direction === "desc") runs.reverse();
  if (runs.length < 2) return resultList(answer.results);
  const one = (number) => ({ ...options, filters: { ...options.filters, [BUNDLE]: { any: [String(number)] } } });
  async function take(start, end) {
    const taken = [];
    let offset = 0;
    for (const run of runs) {
      if (offset >= end) break;
      if (offset + run.count > start) {
        run.results ??= (await pagefind.search(q || null, one(run.number))).results;
        taken.push(...run.results.slice(Math.max(start - offset, 0), end - offset));
      }
      offset += run.count;
    }
    return taken;
  }
  return { length: answer.results.length, take };
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
// search is kept to those bundles (``null``: no bundle need be left out). Which bundles
// have them is judged by each bundle's best result for the words, asked without
// filters: with filters, the bundle that has them may have no page left, and a
// stand-in elsewhere must not count. One search answers for every bundle: each result's
// score tells its bundle (bundleOf); should it not, each bundle is asked alone.
const withWords = new Map();
async function bundlesWithWords(q) {
  const terms = q.split(/\s+/).map(normalise).filter(Boolean);
  if (!terms.length || bundleCount < 2) return null;
  if (!withWords.has(q)) {
    const holding = await inTurn(() => holdingWords(q, terms));
    if (withWords.size > 100) withWords.clear();
    withWords.set(q, holding);
  }
  return withWords.get(q);
}

async function holdingWords(q, terms) {
  const answer = await pagefind.search(q, {});
  const best = bestOfEachBundle(answer) || (await askEachBundle(q));
  if (best.size < 2) return null;
  const found = [...best.keys()].sort((a, b) => a - b);
  const exact = await inParallel(found, (number) => matchesWords(best.get(number), terms));
  const holding = found.filter((number, index) => exact[index]).map(String);
  return holding.length && holding.length < found.length ? holding : null;
}

// Each bundle's best result (bundle number → result), read off one answer, whose results
// come by score: a bundle's first is its best. Null if the scores do not tell every
// result's bundle, as Pagefind's own count of results per bundle checks.
function bestOfEachBundle(answer) {
  const counts = answer.filters[BUNDLE] || {};
  const best = new Map();
  const seen = new Map();
  for (const result of answer.results) {
    const number = bundleOf(result.score);
    if (!(counts[number] > 0)) return null;
    if (!best.has(number)) best.set(number, result);
    seen.set(number, (seen.get(number) || 0) + 1);
  }
  const told = Object.entries(counts).every(([number, count]) => !count || seen.get(Number(number)) === count);
  return told ? best : null;
}

// The same, asking each bundle alone (its filter) for its best result: every bundle at
// once, so that Pagefind's worker fetches what they need together.
async function askEachBundle(q) {
  const numbers = Array.from({ length: bundleCount }, (_, number) => number);
  const answers = await Promise.all(numbers.map((number) => pagefind.search(q, { filters: { [BUNDLE]: { any: [String(number)] } } })));
  return new Map(numbers.filter((number) => answers[number].results.length).map((number) => [number, answers[number].results[0]]));
}

// The bundle a result came from, read from its score. Bundle n's scores are weighted by
// 1 - n × WEIGHT_STEP (its indexWeight in loadIndex): Pagefind's scores are 32-bit
// floats, and this changes one by far less than the step between two of them, so the
// order by score stays Pagefind's own (and on a tie, bundle before later bundle, as
// Pagefind merges), while the weight can be read back. -1 for a score of 0.
function bundleOf(score) {
  const unweighted = Math.fround(score);
  return unweighted ? Math.round((1 - score / unweighted) / WEIGHT_STEP) : -1;
}

function debounce(fn, wait) {
  let timer = 0;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, wait);
  };
}

// One Pagefind instance: the first bundle's pagefind.js, whose worker loads Pagefind's
// WebAssembly once, with every other bundle merged in by Pagefind's mergeIndex, which
// shares that WebAssembly. (Instances from Pagefind's createInstance, one per bundle,
// each load it again into the same worker, and on Chromium failed now and then with
// "memory access out of bounds".) Each bundle's pages get the filter BUNDLE, its number,
// so that a search can be kept to some bundles (see inDateOrder and bundlesWithWords),
// and a weight of its scores that tells which bundle a result came from (see bundleOf).
// docket's build indexes every page under its full path (base path included), so
// Pagefind must not prefix result URLs again: the base URL is the server root.
async function loadIndex() {
  const folders = (form.dataset.bundles || "pagefind/").split(" ").filter(Boolean);
  const index = await import(`${BASE}${folders[0]}pagefind.js`);
  await index.options({ baseUrl: "/", mergeFilter: { [BUNDLE]: "0" } });
  await index.init();
  // The worker fetches the bundles: it needs their full addresses.
  const merging = folders.slice(1).map((folder, number) => {
    const path = new URL(`${BASE}${folder}`, window.location.href).href;
    const weight = 1 - (number + 1) * WEIGHT_STEP; // see bundleOf
    return index.mergeIndex(path, { baseUrl: "/", indexWeight: weight, mergeFilter: { [BUNDLE]: String(number + 1) } });
  });
  await Promise.all(merging);
  bundleCount = folders.length;
  return index;
}

// The results' room (see search-room.js), kept from the reader's first search on: taken
// as they type or tick, a move the reader caused, so that results arriving later move
// nothing.
function keepRoom() {
  document.documentElement.classList.add("search-room");
}

function listen() {
  const later = debounce(runSearch, DEBOUNCE_MS);
  input.addEventListener("input", () => {
    if (input.value.trim()) keepRoom();
    showSort(input.value.trim());
    later();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) keepRoom();
    runSearch();
  });
  sortSelect.addEventListener("change", () => {
    chosenSort = sortSelect.value;
    runSearch();
  });
  filtersBox.addEventListener("change", (event) => {
    if (event.target.type !== "checkbox") return;
    keepRoom();
    runSearch();
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
  if (preloaded || !pagefind || input.value.trim()) return;
  preloaded = true;
  pagefind.preload(null, {}).catch(() => {});
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
    loaded = await loadIndex();
    totals = await loaded.filters();
  } catch (error) {
    statusBox.textContent = "Search is not available: this copy of the site has no search index. Browse the letters and indexes instead.";
    return;
  }
  buildFilters(state.wanted);
  pagefind = loaded;
  statusBox.textContent = "";
  runSearch();
}

main();
