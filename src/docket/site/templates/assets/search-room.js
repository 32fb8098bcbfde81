// docket: before the search page is first drawn, keep the room of a screen for results
// when its address asks for a search (words, or a filter that search.js reads: the names
// this script's data-asks lists), so that the filters below them on a phone never move
// as the results arrive. A page opened without one begins with the filters in view;
// search.js keeps the room from the reader's first search on. A classic script in the
// head, so that it runs before the page is laid out.
{
  const asks = new Set((document.currentScript.dataset.asks || "q").split(" "));
  const params = [...new URLSearchParams(window.location.search)];
  if (params.some(([name, value]) => asks.has(name) && value)) {
    document.documentElement.classList.add("search-room");
  }
}
