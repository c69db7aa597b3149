/* Draws the yearbook's charts: each chart kind's Vega-Lite spec, pointed at a data file of the site.
   The Vega library (about 900 KB) is fetched only when a chart is about to scroll into view, so a page shows
   and answers at once; charts are drawn again on Material's light/dark toggle, after instant navigation and
   when their width changes. No request leaves the site. */
(function () {
  "use strict";

  var cache = {};
  var bundle = null;
  var MARGIN = "300px 0px";  // start loading a little before the chart is seen

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
    }
    return cache[url];
  }

  function loadBundle(specUrl) {
    if (window.vegaEmbed) return Promise.resolve();
    if (!bundle) {
      bundle = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("../vendor/vega-bundle.js", specUrl).href;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("cannot load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return bundle;
  }

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  // Replace the placeholders the generator leaves in specs; values end up as SVG text, never markup.
  function fill(node, words) {
    if (Array.isArray(node)) return node.map(function (item) { return fill(item, words); });
    if (node && typeof node === "object") {
      var copy = {};
      Object.keys(node).forEach(function (key) { copy[key] = fill(node[key], words); });
      return copy;
    }
    if (typeof node === "string" && Object.prototype.hasOwnProperty.call(words, node)) return words[node];
    return node;
  }

  function rowsFor(element, rows) {
    var filters = [];
    Object.keys(element.dataset).forEach(function (key) {
      if (key.indexOf("filter") === 0 && key.length > 6) {
        var field = key.slice(6).replace(/^[A-Z]/, function (c) { return c.toLowerCase(); });
        filters.push([field, element.dataset[key]]);
      }
    });
    var kind = element.dataset.kind;
    var highlight = element.dataset.filterHighlight;
    return rows.filter(function (row) {
      if (kind === "growth" && (row.change_pct === null || row.change_pct === undefined)) return false;
      return filters.every(function (pair) {
        if (pair[0] === "highlight") return true;
        // "…In" filters hold a space-separated list of accepted values.
        if (/In$/.test(pair[0])) return pair[1].split(" ").indexOf(String(row[pair[0].slice(0, -2)])) >= 0;
        return String(row[pair[0]]) === pair[1];
      });
    }).map(function (row) {
      var copy = Object.assign({}, row);
      copy.highlight = highlight !== undefined && String(row.year) === highlight;
      return copy;
    });
  }

  // Small multiples: as many columns of panels as the width holds (never more than there are panels), and
  // one year scale for all, so every panel reads its years at the same place.
  function layPanels(spec, rows, width) {
    var panels = {};
    rows.forEach(function (row) { panels[row.indicator] = true; });
    var count = Object.keys(panels).length;
    var columns = Math.max(1, Math.min(count, Math.floor((width + 28) / 250)));
    spec.columns = columns;
    spec.spec.width = Math.floor((width - 28 * (columns - 1)) / columns) - 56;
    var years = rows.map(function (row) { return row.year; });
    var domain = [Math.min.apply(null, years), Math.max.apply(null, years)];
    spec.spec.layer.forEach(function (layer) {
      if (layer.encoding && layer.encoding.x) {
        layer.encoding.x.scale = Object.assign({}, layer.encoding.x.scale, { domain: domain });
      }
    });
  }

  function draw(element) {
    var specUrl = new URL(element.dataset.spec, document.baseURI);
    var dataUrl = new URL(element.dataset.src, document.baseURI);
    var wanted = scheme();
    element.dataset.scheme = wanted;
    return loadBundle(specUrl)
      .then(function () { return Promise.all([load(specUrl.href), load(dataUrl.href)]); })
      .then(function (loaded) {
        var meta = loaded[0].usermeta;
        var words = Object.assign({ "__TITLE__": element.dataset.title, "__Y_TITLE__": element.dataset.unit },
          meta.colors[wanted]);
        var spec = fill(loaded[0], words);
        var rows = rowsFor(element, loaded[1]);
        spec.data = { values: rows };
        spec.config = Object.assign({}, spec.config, meta.config[wanted]);
        var width = element.clientWidth;
        if (element.dataset.kind === "panels") layPanels(spec, rows, width);
        element.dataset.width = String(width);
        return window.vegaEmbed(element, spec, {
          actions: false,
          renderer: "svg",
          tooltip: { theme: wanted },
        });
      })
      .then(function () {
        element.style.minHeight = "";
        element.classList.add("yb-drawn");
      })
      .catch(function (error) {
        element.textContent = "图表无法显示(" + error.message + "),请查看数据表。";
        element.classList.add("yb-failed");
        if (window.console) console.warn(error);
      });
  }

  var seen = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      seen.unobserve(entry.target);
      draw(entry.target);
    });
  }, { rootMargin: MARGIN }) : null;

  function watch() {
    document.querySelectorAll(".yb-chart:not([data-scheme])").forEach(function (element) {
      if (seen) seen.observe(element);
      else draw(element);
    });
  }

  function redraw(test) {
    document.querySelectorAll(".yb-chart[data-scheme]").forEach(function (element) {
      if (test(element)) draw(element);
    });
  }

  function start() {
    // The reader's light/dark toggle.
    new MutationObserver(function () {
      var wanted = scheme();
      redraw(function (element) { return element.dataset.scheme !== wanted; });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    // A phone turned sideways, a window resized: panels and bar labels fit the new width.
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        redraw(function (element) {
          return Math.abs(element.clientWidth - Number(element.dataset.width || 0)) > 40;
        });
      }, 250);
    });
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(watch);  // every page, instant navigation included
    } else {
      watch();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
