/* Comment embeds (townsquare_comments): nothing from the provider loads until the reader
   presses "Show comments" (unless the site turned click-to-load off). When the provider cannot
   load (offline, blocked, script error, timeout) the fallback line with the reply link shows.
   Reply links work without this script. No inline handlers: listeners only. */
(function () {
  "use strict";
  var KEY = "ts-comments-consent";
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var scheme = dark ? "dark" : "light";

  // The provider's settings: every data-* attribute of the box except our own data-ts-*.
  function settings(box) {
    var found = {};
    Array.prototype.forEach.call(box.attributes, function (attr) {
      if (/^data-(?!ts-)/.test(attr.name)) found[attr.name] = attr.value;
    });
    return found;
  }

  function inject(box, attrs, crossOrigin) {
    var script = document.createElement("script");
    Object.keys(attrs).forEach(function (name) { script.setAttribute(name, attrs[name]); });
    if (crossOrigin) script.crossOrigin = "anonymous";
    script.addEventListener("error", function () { box.tsFail(); });
    script.src = box.dataset.tsSrc;
    script.async = true;
    box.appendChild(script);
  }

  function el(name, text) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    return node;
  }

  // Remote HTML becomes plain text without ever becoming elements (an element, even in an
  // inert document, would carry the reply's on*= and style= attributes to the page's CSP):
  // tags are cut from the string, then a <textarea> decodes the entities as text only.
  var decoder = document.createElement("textarea");
  function plain(html) {
    var text = String(html || "")
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<br\s*\/?>|<\/p\s*>/gi, "\n")
      .replace(/<[^>]*>?/g, "");
    decoder.innerHTML = text;
    return decoder.value.replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").trim();
  }

  function mastodon(box, s) {
    var status = box.appendChild(el("p", "Loading replies…"));
    status.setAttribute("role", "status");
    var api = "https://" + s["data-host"] + "/api/v1/statuses/" + s["data-toot-id"] + "/context";
    fetch(api, { credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (context) {
        box.tsDone();
        var replies = context.descendants || [];
        status.textContent = replies.length === 1 ? "1 reply on Mastodon:" :
          replies.length ? replies.length + " replies on Mastodon:" : "No replies yet.";
        var list = box.appendChild(el("ol"));
        list.className = "ts-toots";
        replies.forEach(function (reply) {
          var item = list.appendChild(el("li"));
          var who = item.appendChild(el("a", reply.account.display_name || reply.account.acct));
          who.href = /^https:\/\//i.test(reply.url) ? reply.url : s["data-toot-url"];
          item.appendChild(el("p", plain(reply.content)));
        });
      })
      .catch(function () {
        status.textContent = "Could not load the replies from " + s["data-host"] + ".";
        box.tsFail();
      });
  }

  var loaders = {
    giscus: function (box, s) {
      s["data-theme"] = scheme;
      inject(box, s, true);
    },
    utterances: function (box, s) {
      // utterances reads plain attributes (repo, issue-term, ...) from its script tag.
      var attrs = {};
      Object.keys(s).forEach(function (name) { attrs[name.slice(5)] = s[name]; });
      attrs.theme = "github-" + scheme;
      inject(box, attrs, true);
    },
    isso: function (box, s) {
      // Isso reads data-isso and its data-isso-* options from its own script tag.
      var attrs = {};
      Object.keys(s).forEach(function (name) {
        if (/^data-isso(-|$)/.test(name)) attrs[name] = s[name];
      });
      inject(box, attrs);
    },
    disqus: function (box, s) {
      window.disqus_config = function () {
        this.page.url = s["data-page-url"];
        this.page.identifier = s["data-page-identifier"];
      };
      inject(box, { "data-timestamp": String(Date.now()) });
    },
    remark42: function (box, s) {
      window.remark_config = {
        host: s["data-host"], site_id: s["data-site-id"], url: s["data-url"],
        theme: scheme, components: ["embed"]
      };
      inject(box, {});
    },
    cusdis: function (box) {
      box.dataset.theme = scheme;
      inject(box, {});
    },
    mastodon: mastodon
  };

  function remembered() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }  // storage blocked
  }

  document.querySelectorAll("[data-ts-embed]").forEach(function (box) {
    var area = box.closest("[data-ts-comments]");
    var button = area && area.querySelector("[data-ts-load]");
    var provider = box.dataset.tsEmbed;
    var remember = box.hasAttribute("data-ts-remember");

    var fallback = area && area.querySelector("[data-ts-fallback]");
    var consent = button && button.closest(".ts-consent");
    var timer = null;

    // Done: the provider drew something (an element other than its script) into the box.
    box.tsDone = function () {
      if (box.dataset.tsState !== "loading") return;
      box.dataset.tsState = "loaded";
      clearTimeout(timer);
    };
    box.tsFail = function () {
      if (box.dataset.tsState !== "loading") return;
      box.dataset.tsState = "failed";
      clearTimeout(timer);
      if (!fallback) return;
      fallback.hidden = false;
      // Keyboard users who pressed the button land on the message, then Tab to its link.
      if (area.contains(document.activeElement)) fallback.focus();
    };
    if (provider !== "mastodon") {
      new MutationObserver(function () {
        var drawn = Array.prototype.some.call(box.children, function (node) {
          return node.tagName !== "SCRIPT";
        });
        if (drawn) box.tsDone();
      }).observe(box, { childList: true, subtree: true });
    }

    function load() {
      if (box.dataset.tsState) return;
      box.dataset.tsState = "loading";
      if (consent) consent.hidden = true;
      var seconds = parseFloat(box.dataset.tsTimeout) || 15;
      timer = setTimeout(box.tsFail, seconds * 1000);
      try {
        loaders[provider](box, settings(box));
      } catch (e) {
        box.tsFail();
      }
    }

    if (!button || box.hasAttribute("data-ts-auto") || (remember && remembered() === provider)) {
      load();
      return;
    }
    consent.hidden = false;
    button.addEventListener("click", function () {
      if (remember) {
        try { localStorage.setItem(KEY, provider); } catch (e) { /* storage blocked */ }
      }
      load();
      // The button is gone: keep keyboard focus in the comment area.
      box.tabIndex = -1;
      box.focus();
    });
  });
})();
