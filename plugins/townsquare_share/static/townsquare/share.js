/* Share controls (plugins/share): copy link, native Web Share, Mastodon server picker.
   Progressive enhancement only: every share link works without this file. No requests. */
(function () {
  "use strict";
  var KEY = "ts-mastodon-instance";

  function say(element, message) {
    var nav = element.closest("[data-ts-share]");
    var out = nav && nav.querySelector(".ts-status");
    if (out) out.textContent = message;
  }

  // Buttons stay hidden unless the browser can do what they promise.
  if (navigator.clipboard && navigator.clipboard.writeText) {
    document.querySelectorAll("[data-ts-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.tsCopy).then(
          function () { say(button, "Link copied."); },
          function () { say(button, "Could not copy: use the address bar."); }
        );
      });
    });
  }
  if (typeof navigator.share === "function") {
    document.querySelectorAll("[data-ts-webshare]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({ title: document.title, url: button.dataset.tsWebshare })
          .catch(function () {});  // the reader closed the share sheet
      });
    });
  }

  var form = document.querySelector("[data-ts-mastodon]");
  if (!form) return;
  var input = form.querySelector("#ts-instance");
  var text = form.querySelector("textarea[name=text]");
  form.querySelector("[data-ts-own]").hidden = false;
  try { input.value = localStorage.getItem(KEY) || ""; } catch (e) { /* storage blocked */ }
  input.addEventListener("input", function () { input.setCustomValidity(""); });

  // Accept "mastodon.social", "https://mastodon.social/@me", "@me@mastodon.social".
  function hostOf(value) {
    var host = value.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").split("/")[0];
    host = host.slice(host.lastIndexOf("@") + 1);
    return /^[^\s\/@:?#]+\.[^\s\/@:?#]+$/.test(host) ? host : "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter;
    var host = hostOf((button && button.dataset.tsInstance) || input.value);
    if (!host) {
      input.setCustomValidity("Enter your server's name, for example mastodon.social");
      input.reportValidity();
      return;
    }
    try { localStorage.setItem(KEY, host); } catch (e) { /* storage blocked */ }
    window.location.href = "https://" + host + "/share?text=" + encodeURIComponent(text.value);
  });
})();
