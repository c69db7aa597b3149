/* Search box in the header, backed by the site's own Pagefind index (Chinese segmentation; only the
   chunks a query needs are fetched). Result text is inserted as text: only Pagefind's <mark> survives. */
(function () {
  "use strict";

  var root = new URL("..", document.currentScript.src);  // this file is <root>/assets/
  var NO_INDEX = "no-index";
  // Two indexes (generator/publish/search_index.py): the yearbook's own pages, searched first, and the reports'
  // full text, searched when the reader asks or when the first finds nothing.
  var PAGES = "pagefind/";
  var FULL_TEXT = "pagefind-text/";
  // The full text comes in parts (each a Pagefind index of its own, smaller to build): the first part's parts.json
  // names the others, merged into the first so that one search covers them all.
  var PARTS = "parts.json";
  // A park's names and an indicator's (pages' metadata, see generator/pages/search_terms.py) rank the park's or
  // indicator's own page first.
  var META_WEIGHTS = { names: 20, indicator: 10, title: 5 };
  var engines = {};

  function pagefind(folder) {
    if (!engines[folder]) {
      var bundle = new URL(folder, root);
      // A preview (yearbook serve) has no index: say so, rather than fail on the script's import.
      engines[folder] = fetch(new URL("pagefind-entry.json", bundle).href).then(function (response) {
        if (response.status === 404) throw new Error(NO_INDEX);
        return import(new URL("pagefind.js", bundle).href);  // its own URL: an instance of its own
      }).then(function (module) {
        return module.options({ baseUrl: root.pathname, ranking: { metaWeights: META_WEIGHTS } }).then(function () {
          return folder === FULL_TEXT ? mergeParts(module, bundle) : module;
        });
      }).catch(function (error) {
        delete engines[folder];  // a failed load is tried again by the next query
        throw error;
      });
    }
    return engines[folder];
  }

  // The other parts the full text's first part names in its parts.json, merged into it.
  function mergeParts(module, bundle) {
    return fetch(new URL(PARTS, bundle).href).then(function (response) {
      if (!response.ok) throw new Error("parts.json: " + response.status);
      return response.json();
    }).then(function (parts) {
      return Promise.all(parts.map(function (part) {
        return module.mergeIndex(new URL(part, root).href, { baseUrl: root.pathname });
      }));
    }).then(function () {
      return module;
    });
  }

  // A park's page ranks first for its names (its metadata); its years, newest first, are listed under it from its
  // page's `years` metadata (site_templates/park.md.j2), so that no second search has to find them.
  function yearsOf(data) {
    var years = data.meta && data.meta.names && data.meta.years;
    return years ? years.split(" ").filter(Boolean) : [];
  }

  // Pagefind joins a heading, a table cell or a list item to what follows with ". ": a separator reads better.
  function cleanText(text) {
    return text
      .replace(/(^|[^A-Za-z])\.(\s+|$)/g, "$1 · ")
      .replace(/\.\s+(?=[\u2e80-\u9fff\uff00-\uffef])/g, " · ")  // after an English name, before Chinese
      .replace(/^ · /, "");
  }

  // Copy an excerpt into `target` keeping only the text and <mark> highlights.
  function appendExcerpt(target, html) {
    var parsed = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html").body.firstChild;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(cleanText(node.textContent)));
      }
    });
  }

  // Where a result opens: the passage, heading or footnote just before its best-matching word (Pagefind lists
  // every element with an id and where it stands among the page's words), or the top of the page.
  var PASSAGE = /^(h[2-6]|p|mark|span|li)$/i;
  function passageUrl(data) {
    var best = null;
    (data.weighted_locations || []).forEach(function (w) {
      if (!best || w.balanced_score > best.balanced_score) best = w;
    });
    if (!best) return data.url;
    var anchor = null;
    (data.anchors || []).forEach(function (a) {
      if (a.location <= best.location && PASSAGE.test(a.element) && a.id && (!anchor || a.location >= anchor.location)) {
        anchor = a;
      }
    });
    return anchor ? data.url.split("#")[0] + "#" + encodeURIComponent(anchor.id) : data.url;
  }

  var PAGE = 5;  // results loaded at a time: each costs a fetch of its page's text

  function appendResults(list, results) {
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = passageUrl(data);
      var title = document.createElement("span");
      title.className = "yb-search-title";
      title.textContent = (data.meta && data.meta.title) || data.url;
      var excerpt = document.createElement("span");
      excerpt.className = "yb-search-excerpt";
      appendExcerpt(excerpt, data.excerpt || "");
      link.appendChild(title);
      link.appendChild(excerpt);
      item.appendChild(link);
      var years = yearsOf(data);
      if (years.length) {
        var row = document.createElement("p");
        row.className = "yb-search-years";
        row.setAttribute("aria-label", title.textContent + "的年份");
        years.forEach(function (year) {
          var yearLink = document.createElement("a");
          yearLink.href = data.url.replace(/\/?$/, "/") + year + "/";
          yearLink.textContent = year + "年";
          row.appendChild(yearLink);
        });
        item.appendChild(row);
      }
      list.appendChild(item);
    });
  }

  // Show the first results of `search` in `list`, and a button after it that loads the next ones.
  function render(list, search, isCurrent) {
    list.textContent = "";
    var old = list.nextElementSibling;
    if (old && old.classList.contains("yb-search-more")) old.remove();
    var all = search.results;
    if (!all.length) return Promise.resolve();
    var shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "yb-search-more md-button";
    function next() {
      var batch = all.slice(shown, shown + PAGE);
      shown += batch.length;
      more.disabled = true;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (results) {
        if (!isCurrent()) return;
        appendResults(list, results);
        more.disabled = false;
        more.textContent = "再显示 " + Math.min(PAGE, all.length - shown) + " 个";
        if (shown >= all.length) more.remove();
      });
    }
    more.addEventListener("click", function () {
      next().catch(function (error) { more.textContent = "暂不可用(" + error.message + ")"; });
    });
    list.after(more);
    return next();
  }

  function unavailable(error) {
    return error.message === NO_INDEX
      ? "本站尚未建立搜索索引:预览(yearbook serve)不建索引,yearbook build 之后即可搜索。"
      : "搜索暂不可用(" + error.message + ")";
  }

  function build() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".yb-search")) return;
    var box = document.createElement("div");
    box.className = "yb-search";
    box.setAttribute("role", "search");
    var input = document.createElement("input");
    input.type = "search";
    // The full hint where it fits; a phone's header shows the short one whole (the label says it all).
    input.placeholder = window.matchMedia("(max-width: 44.9375em)").matches ? "搜索" : "搜索园区、指标、原文";
    input.setAttribute("aria-label", "搜索年鉴");
    input.autocomplete = "off";
    var panel = document.createElement("div");
    panel.className = "yb-search-panel";
    panel.hidden = true;
    var status = document.createElement("p");
    status.className = "yb-search-status";
    status.setAttribute("aria-live", "polite");
    var list = document.createElement("ol");
    list.className = "yb-search-results";
    // The reports' full text: a button, then its own status line and results.
    var text = document.createElement("div");
    text.className = "yb-search-text";
    var textButton = document.createElement("button");
    textButton.type = "button";
    textButton.className = "yb-search-text-button md-button";
    textButton.hidden = true;
    var textStatus = document.createElement("p");
    textStatus.className = "yb-search-status";
    textStatus.setAttribute("aria-live", "polite");
    textStatus.hidden = true;
    var textList = document.createElement("ol");
    textList.className = "yb-search-results";
    text.appendChild(textButton);
    text.appendChild(textStatus);
    text.appendChild(textList);
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(text);
    box.appendChild(input);
    box.appendChild(panel);
    header.insertBefore(box, header.querySelector(".md-header__source"));

    var latest = 0;
    function current(ticket) { return function () { return ticket === latest; }; }

    // The reports' full text for `query`, below the yearbook's results (the first index holds no report page).
    function searchFullText(query, ticket) {
      textButton.hidden = true;
      textStatus.hidden = false;
      textStatus.textContent = "正在搜索报告原文…";
      return pagefind(FULL_TEXT)
        .then(function (module) { return module.search(query); })
        .then(function (search) {
          if (ticket !== latest) return null;
          textStatus.textContent = search.results.length
            ? "报告原文:" + search.results.length + " 份报告提到“" + query + "”"
            : "报告原文中也没有“" + query + "”";
          return render(textList, search, current(ticket));
        })
        .catch(function (error) { if (ticket === latest) textStatus.textContent = unavailable(error); });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      var ticket = ++latest;
      if (!query) {
        panel.hidden = true;
        return;
      }
      panel.hidden = false;
      status.textContent = "正在搜索…";
      render(list, { results: [] }, current(ticket));
      render(textList, { results: [] }, current(ticket));
      textButton.hidden = true;
      textStatus.hidden = true;
      pagefind(PAGES)
        .then(function (module) { return module.debouncedSearch(query, {}, 200); })
        .then(function (search) {
          if (!search || ticket !== latest) return null;
          if (!search.results.length) {
            // Nothing among parks, years and indicators: the reports may still say it.
            status.textContent = "园区、年度和指标中没有找到“" + query + "”";
            return searchFullText(query, ticket);
          }
          status.textContent = "找到 " + search.results.length + " 个结果";
          textButton.textContent = "在报告原文中搜索“" + query + "”";
          textButton.hidden = false;
          textButton.onclick = function () { searchFullText(query, ticket); };
          return render(list, search, current(ticket));
        })
        .catch(function (error) { if (ticket === latest) status.textContent = unavailable(error); });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        input.value = "";
        panel.hidden = true;
      } else if (event.key === "Enter") {
        var first = panel.querySelector(".yb-search-results a");
        if (first) first.click();
      } else if (event.key === "ArrowDown") {
        moveFocus(1, event);
      }
    });
    // As in Material's own search: arrows move through the results, Escape goes back to the box.
    function moveFocus(step, event) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a, button:not([hidden])"));
      if (!links.length) return;
      event.preventDefault();
      var at = links.indexOf(document.activeElement) + step;
      if (at < 0) input.focus();
      else links[Math.min(at, links.length - 1)].focus();
    }
    panel.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") moveFocus(1, event);
      else if (event.key === "ArrowUp") moveFocus(-1, event);
      else if (event.key === "Escape") {
        panel.hidden = true;
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) panel.hidden = true;
    });
  }

  // `/` or `s` anywhere but in a text field puts the cursor in the search box, as in Material's own search.
  document.addEventListener("keydown", function (event) {
    if ((event.key !== "/" && event.key !== "s") || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
    var input = document.querySelector(".yb-search input");
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(build);  // instant navigation may replace the header
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
