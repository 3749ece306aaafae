/* Local builds only (`make serve`): reload this page when a new build has been written.
   The preview plugin writes a fresh random build-stamp.txt after every build; we poll it
   once a second on the same origin and reload when it changes. Publish builds carry
   neither this file nor the stamp. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  var stampUrl = new URL("build-stamp.txt", script.src).href;
  var seen = null;

  function schedule() {
    window.setTimeout(check, 1000);
  }

  function check() {
    fetch(stampUrl, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (text) {
        if (text === null) {
          return schedule(); /* mid-build: the output folder is being swapped */
        }
        if (seen !== null && text !== seen) {
          window.location.reload();
          return null;
        }
        seen = text;
        return schedule();
      })
      .catch(schedule); /* server stopped or restarting: keep trying quietly */
  }

  check();
})();
