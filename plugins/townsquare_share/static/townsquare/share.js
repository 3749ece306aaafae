/* Share controls (plugins/share): copy link, native Web Share, Mastodon server picker.
   Progressive enhancement only: every share link works without this file. No requests. */
(function () {
  "use strict";
  var KEY = "ts-mastodon-instance";

  // The row's status line, added as the copy button appears: a live region that exists
  // before its message is announced when the message arrives.
  function statusOf(element) {
    var nav = element.closest("[data-ts-share]");
    var out = nav && nav.querySelector(".ts-status");
    if (nav && !out) {
      out = nav.appendChild(document.createElement("p"));
      out.className = "ts-status";
      out.setAttribute("role", "status");
    }
    return out || {};
  }

  // A button names its URL only when it is not the page's canonical one (UTM-tagged).
  function urlOf(value) {
    var canonical = document.querySelector("link[rel=canonical]");
    return value || (canonical ? canonical.href : location.href.split("#")[0]);
  }

  // Buttons stay hidden unless the browser can do what they promise.
  if (navigator.clipboard && navigator.clipboard.writeText) {
    document.querySelectorAll("[data-ts-copy]").forEach(function (button) {
      button.hidden = false;
      var out = statusOf(button);
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(urlOf(button.dataset.tsCopy)).then(
          function () { out.textContent = "Link copied."; },
          function () { out.textContent = "Could not copy: use the address bar."; }
        );
      });
    });
  }
  if (typeof navigator.share === "function") {
    document.querySelectorAll("[data-ts-webshare]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({ title: document.title, url: urlOf(button.dataset.tsWebshare) })
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
