<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an Atom or RSS feed opened in a browser as a page that explains how to subscribe.
     @CSS@ is replaced by the plugin with the site's CSS folder (same origin, no inline styles). -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes"
    doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
  <xsl:variable name="self"
    select="atom:feed/atom:link[@rel='self']/@href | rss/channel/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home"
    select="atom:feed/atom:link[@rel='alternate']/@href | rss/channel/link"/>

  <xsl:template match="/">
    <html lang="{atom:feed/@xml:lang | rss/channel/language}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title>Feed: <xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="@CSS@/interactions.css"/>
        <link rel="stylesheet" href="@CSS@/feed-page.css"/>
      </head>
      <body data-page-kind="feed">
        <main id="main" class="wrap ts-feed-preview">
          <p class="ts-feed-badge">Web feed</p>
          <h1><xsl:value-of select="$title"/></h1>
          <section class="ts-feed-howto" aria-labelledby="howto">
            <h2 id="howto">How to subscribe</h2>
            <p>This page is a feed: it lists new posts in a form feed readers understand.
              Copy this address into your feed reader (for example NetNewsWire, Feedly,
              Inoreader, Thunderbird or Miniflux) and new posts will arrive there as soon as
              they are published. No account or e-mail address is needed.</p>
            <p><code class="ts-feed-url"><xsl:value-of select="$self"/></code></p>
            <p><a href="{$home}">Visit the website</a></p>
          </section>
          <h2>Latest posts</h2>
          <ul class="post-list">
            <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li class="post-item">
      <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="post-meta"><time datetime="{atom:published}">
        <xsl:value-of select="substring(atom:published, 1, 10)"/></time></p>
    </li>
  </xsl:template>

  <xsl:template match="item">
    <li class="post-item">
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="post-meta"><xsl:value-of select="pubDate"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
