/* Reading aids: the quoted passage a link points to is the one highlighted on a report page, and going back
   from a report returns to the place the reader left, once the page's charts have taken their height. */
(function () {
  "use strict";

  var CURRENT = "yb-current";

  // Highlight every piece of the passage named by the address (#q-…): a passage may run over several pieces
  // (data-q lists the passages each piece belongs to), and instant navigation does not update :target.
  function showQuote() {
    document.querySelectorAll(".yb-source mark." + CURRENT).forEach(function (mark) {
      mark.classList.remove(CURRENT);
    });
    // A piece that is one passage alone carries its anchor as its id and no data-q (the page would say it twice).
    document.querySelectorAll(".yb-source mark[id]:not([data-q])").forEach(function (mark) {
      mark.setAttribute("data-q", mark.id);
    });
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf("q-") !== 0) return;
    var found = false;
    document.querySelectorAll(".yb-source mark[data-q]").forEach(function (mark) {
      if (mark.getAttribute("data-q").split(" ").indexOf(id) >= 0) {
        mark.classList.add(CURRENT);
        found = true;
      }
    });
    var target = document.getElementById(id);
    if (found && target) {
      var paragraph = target.closest("p");
      if (paragraph) paragraph.classList.add("yb-has-current");
    }
  }

  function clearParagraphs() {
    document.querySelectorAll(".yb-has-current").forEach(function (p) { p.classList.remove("yb-has-current"); });
  }

  // Where the reader was when they followed a link: the link (its place among the page's links) and how far
  // from the top of the window it stood. Kept per address in sessionStorage, as the browser keeps history.
  var KEY = "yb-return:";

  function remember(event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.closest(".yb-search")) return;
    var links = Array.prototype.slice.call(document.querySelectorAll("article a[href]"));
    var index = links.indexOf(link);
    if (index < 0) return;
    try {
      sessionStorage.setItem(KEY + location.pathname, JSON.stringify({ index: index, top: link.getBoundingClientRect().top }));
    } catch (error) { /* storage may be off: the browser's own restoring stands */ }
  }

  // Back on a page: put the link the reader followed where it stood, and keep it there while charts above it
  // are drawn and change the page's height, until the reader scrolls.
  function restore() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(KEY + location.pathname) || "null"); } catch (error) { saved = null; }
    // Material's navigation.tracking keeps the current heading in the address, and scrolls to it on return:
    // the link's own place is the more exact one.
    if (!saved || location.hash.indexOf("#q-") === 0) return;
    var link = document.querySelectorAll("article a[href]")[saved.index];
    if (!link) return;
    // The browser restores its own scroll position until the page has loaded, over ours: this one replaces it.
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    var stop = false;
    function place() {
      if (!stop) window.scrollBy(0, link.getBoundingClientRect().top - saved.top);
    }
    function quit() { stop = true; }
    ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (name) {
      window.addEventListener(name, quit, { once: true, passive: true });
    });
    place();
    var article = document.querySelector("article");
    if (article && window.ResizeObserver) {
      var observer = new ResizeObserver(place);
      observer.observe(article);
      setTimeout(function () { observer.disconnect(); quit(); }, 5000);
    }
  }

  // Printing: every data table open (a closed <details> prints as its summary line only).
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("article details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  // The light/dark switch: Material names each of its two radio buttons after the switch its *label* makes, and
  // leaves both unchecked while the system's scheme decides, so in dark mode a screen reader hears "切换到深色模式"
  // on the focused button. Each button is named after its own scheme and the one in force is checked.
  var SCHEME_NAMES = { default: "浅色模式", slate: "深色模式" };
  function syncPalette() {
    var current = document.body.getAttribute("data-md-color-scheme");
    document.querySelectorAll("input[name='__palette'][data-md-color-scheme]").forEach(function (input) {
      var scheme = input.getAttribute("data-md-color-scheme");
      if (SCHEME_NAMES[scheme]) input.setAttribute("aria-label", SCHEME_NAMES[scheme]);
      input.checked = scheme === current;
    });
  }
  new MutationObserver(syncPalette).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  function isBackForward() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return entries.length && entries[0].type === "back_forward";
  }

  var popped = false;
  var first = true;  // the document's own load: it may itself be a return (a full reload, a browser's back)
  window.addEventListener("popstate", function () { popped = true; });
  document.addEventListener("click", remember, true);
  window.addEventListener("hashchange", function () { clearParagraphs(); showQuote(); });

  // A citation's date of access is the reader's own day (the page as built shows its edition's date).
  function dateAccessed() {
    var now = new Date();
    var day = now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
    document.querySelectorAll("[data-yb-accessed]").forEach(function (span) { span.textContent = day; });
  }

  // A table wider than its column scrolls within itself (Material's tables, or their wrapper once its bundle has
  // run); above each one that does, a line says so, since on a phone the columns past the edge do not show.
  var HINT = "yb-scroll-hint";
  function markWideTables() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      var box = table.closest(".md-typeset__scrollwrap") || table;
      var hint = box.previousElementSibling;
      if (!hint || !hint.classList.contains(HINT)) {
        hint = document.createElement("p");
        hint.className = HINT;
        hint.textContent = "表格较宽:左右滑动可看其余各列 →";
        box.parentNode.insertBefore(hint, box);
      }
      hint.hidden = !(scrolls(box) || scrolls(table));
    });
  }
  function scrolls(element) {
    var overflow = getComputedStyle(element).overflowX;
    return (overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth + 1;
  }
  var resizing = false;
  document.addEventListener("toggle", markWideTables, true);  // a table in <details> has its width once opened
  window.addEventListener("resize", function () {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(function () { resizing = false; markWideTables(); });
  });

  function onPage() {
    markWideTables();
    syncPalette();
    dateAccessed();
    clearParagraphs();
    showQuote();
    if (popped || (first && isBackForward())) restore();
    popped = false;
    first = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);  // every page, instant navigation included
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
