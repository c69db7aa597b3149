/* Draws the yearbook's charts: each chart kind's Vega-Lite spec, pointed at a data file of the site.
   Re-draws on Material's light/dark toggle and after instant navigation. No request leaves the site. */
(function () {
  "use strict";

  var cache = {};
  var bundle = null;

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

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  // Replace the placeholders the generator leaves in specs; values end up as SVG text, never markup.
  function fill(node, words) {
    if (Array.isArray(node)) return node.map(function (item) { return fill(item, words); });
    if (node && typeof node === "object") {
      var copy = {};
      Object.keys(node).forEach(function (key) { copy[key] = fill(node[key], words); });
      return copy;
    }
    if (typeof node === "string" && words.hasOwnProperty(node)) return words[node];
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

  function draw(element) {
    var specUrl = new URL(element.dataset.spec, document.baseURI);
    var dataUrl = new URL(element.dataset.src, document.baseURI);
    return loadBundle(specUrl)
      .then(function () { return Promise.all([load(specUrl.href), load(dataUrl.href)]); })
      .then(function (loaded) {
        var spec = fill(loaded[0], { "__TITLE__": element.dataset.title, "__Y_TITLE__": element.dataset.unit });
        spec.data = { values: rowsFor(element, loaded[1]) };
        var dark = isDark();
        spec.config = Object.assign({}, spec.config, { background: "transparent" });
        if (dark) spec.config.text = { color: "#e3e3e3" };  // the dark theme leaves label marks black
        element.dataset.scheme = dark ? "dark" : "light";
        return window.vegaEmbed(element, spec, {
          actions: false,
          renderer: "svg",
          theme: dark ? "dark" : undefined,
          tooltip: { theme: dark ? "dark" : "light" },
        });
      })
      .then(function () { element.classList.add("yb-drawn"); })
      .catch(function (error) {
        element.textContent = "图表无法显示(" + error.message + "),请查看下方数据表。";
        element.classList.add("yb-failed");
        if (window.console) console.warn(error);
      });
  }

  function drawAll() {
    var charts = document.querySelectorAll(".yb-chart");
    return Promise.all(Array.prototype.map.call(charts, draw));
  }

  // Re-draw when the reader toggles light/dark.
  var observer = new MutationObserver(function () {
    var wanted = isDark() ? "dark" : "light";
    document.querySelectorAll(".yb-chart").forEach(function (element) {
      if (element.dataset.scheme && element.dataset.scheme !== wanted) draw(element);
    });
  });

  function start() {
    observer.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () { drawAll(); });  // every page, instant navigation included
    } else {
      drawAll();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
