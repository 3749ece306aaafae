/* Comment embeds (plugins/comments): nothing from the provider loads until the reader presses
   "Show comments" (unless the site turned click-to-load off). Reply links work without this. */
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
    script.src = box.dataset.tsSrc;
    script.async = true;
    box.appendChild(script);
  }

  function el(name, text) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    return node;
  }

  // Remote HTML becomes plain text: parsed in an inert document, only its text is kept.
  function plain(html) {
    var body = new DOMParser().parseFromString(html || "", "text/html").body;
    body.querySelectorAll("script, style").forEach(function (node) { node.remove(); });
    return body.textContent.trim();
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
        var replies = context.descendants || [];
        status.textContent = replies.length === 1 ? "1 reply on Mastodon:" :
          replies.length ? replies.length + " replies on Mastodon:" : "No replies yet.";
        var list = box.appendChild(el("ol"));
        list.className = "ts-toots";
        replies.forEach(function (reply) {
          var item = list.appendChild(el("li"));
          var who = item.appendChild(el("a", reply.account.display_name || reply.account.acct));
          who.href = /^https:\/\//.test(reply.url) ? reply.url : s["data-toot-url"];
          item.appendChild(el("p", plain(reply.content)));
        });
      })
      .catch(function () {
        status.textContent = "Could not load the replies from " + s["data-host"] + ".";
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
      inject(box, { "data-isso": s["data-isso"] });
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

    function load() {
      if (box.dataset.tsLoaded) return;
      box.dataset.tsLoaded = "true";
      if (button) button.parentNode.hidden = true;
      loaders[provider](box, settings(box));
    }

    if (!button || box.hasAttribute("data-ts-auto") || (remember && remembered() === provider)) {
      load();
      return;
    }
    button.parentNode.hidden = false;
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
