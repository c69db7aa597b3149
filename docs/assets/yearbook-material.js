/* Material's bundle, loaded on the reader's first touch, key, wheel or scroll rather than with the page (its
   start-up forces a full-page style recalculation: about a second of main-thread time on a phone-class CPU). The
   page reads and works without it: links, the side menu (a CSS toggle), charts, quotes and search. It adds instant
   navigation, the light/dark switch (a choice made before it loads is applied when it does), the table of contents
   following the reading, footnote tooltips and the back-to-top button. Until it loads, `document$` is a stand-in
   that runs the yearbook's scripts (deferred after this one, in the order of mkdocs.yml) on this page; Material's
   own `document$` follows, for the pages instant navigation shows. Material starts on DOMContentLoaded, long past
   when it loads, so the event is sent again. overrides/main.html names the bundle (data-bundle). */
(function () {
  "use strict";

  var bundle = document.currentScript.getAttribute("data-bundle");
  var pages = [];
  window.document$ = {
    subscribe: function (next) {
      pages.push(next);
      next(document);
      return { unsubscribe: function () {} };
    }
  };

  var choice = null;  // a light/dark choice made before the bundle runs
  function remember(event) {
    if (event.target.name === "__palette") choice = event.target;
  }
  document.addEventListener("change", remember, true);

  var EVENTS = ["pointerdown", "touchstart", "keydown", "wheel", "scroll", "focusin"];
  var started = false;
  function start(event) {
    // A link followed loads another page (with its own bundle): loading this one now would only race the click.
    var target = event.target;
    if (target.closest && target.closest("a[href]") && event.type !== "scroll" && event.type !== "wheel") return;
    if (started) return;
    started = true;
    EVENTS.forEach(function (name) { window.removeEventListener(name, start, true); });
    var script = document.createElement("script");
    script.src = bundle;
    script.onload = function () {
      document.removeEventListener("change", remember, true);
      document.dispatchEvent(new Event("DOMContentLoaded"));
      pages.forEach(function (next) {
        var seen = false;  // this page's emission: the stand-in has run it
        window.document$.subscribe(function (page) {
          if (seen) next(page);
          seen = true;
        });
      });
      if (choice) setTimeout(function () { choice.dispatchEvent(new Event("change")); }, 0);
    };
    document.body.appendChild(script);
  }
  EVENTS.forEach(function (name) { window.addEventListener(name, start, { capture: true, passive: true }); });
})();
