<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-fo.xsl : annual activity report (styles/report.rng) to XSL-FO.

      xsltproc styles/report-fo.xsl docs/reports/2022.xml > report.fo

  Page sequences:
      1. cover            (master "cover": no header, no footer)
      2. table of contents (master "front": odd/even, page numbers i, ii …)
      3. body             (master "body": odd/even, running header with the
                           chapter title from fo:marker "chapter", page
                           numbers 1, 2 … in the footer, outer side)
  Parameters (besides those of common-fo.xsl):
      toc-depth     1 = chapters, 2 = + sections (default), 3 = + subsections
      show-credits  "yes" prints the cover image credit (default yes)
      force-page-count  "no-force" (default, no blank pages) or "auto"
      emit-axf      "yes" writes axf:document-info (PDF metadata) (default yes)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:axf="http://www.antennahouse.com/names/XSL/Extensions"
    xmlns:mk="urn:mkdoc:ext"
    exclude-result-prefixes="mk">

  <xsl:import href="common-fo.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Whitespace between structural elements is not text. -->
  <xsl:strip-space elements="report meta organisation cover greeting signature chapter section
      ul ol table head body foot row events event membership finance income expenditure group
      board member timeline entry note figure colophon"/>

  <xsl:param name="toc-depth" select="2"/>
  <xsl:param name="show-credits">yes</xsl:param>
  <xsl:param name="emit-axf">yes</xsl:param>
  <!-- "no-force": no blank pages are added between the cover, the table of
       contents and the body (PDF for the web). "auto": blank pages are
       added so that the body starts on an odd (right-hand) page (print). -->
  <xsl:param name="force-page-count">no-force</xsl:param>

  <xsl:variable name="doc-title" select="normalize-space(/report/meta/title)"/>
  <xsl:variable name="org-name" select="normalize-space(/report/meta/organisation/name)"/>

  <!-- ============================================================ -->
  <!-- Root                                                          -->
  <!-- ============================================================ -->

  <xsl:template match="/report">
    <fo:root xsl:use-attribute-sets="root">
      <xsl:attribute name="xml:lang">
        <xsl:choose>
          <xsl:when test="@xml:lang"><xsl:value-of select="@xml:lang"/></xsl:when>
          <xsl:otherwise>ja</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="loc"/>
      <xsl:if test="$emit-axf = 'yes'">
        <xsl:apply-templates select="meta" mode="document-info"/>
      </xsl:if>
      <fo:layout-master-set>
        <xsl:call-template name="page-masters"/>
      </fo:layout-master-set>
      <xsl:call-template name="bookmarks"/>
      <xsl:call-template name="cover-sequence"/>
      <xsl:call-template name="toc-sequence"/>
      <xsl:call-template name="body-sequence"/>
    </fo:root>
  </xsl:template>

  <xsl:template match="meta" mode="document-info">
    <axf:document-info name="title" value="{normalize-space(title)}"/>
    <axf:document-info name="author">
      <xsl:attribute name="value">
        <xsl:choose>
          <xsl:when test="author"><xsl:value-of select="normalize-space(author)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(organisation/name)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </axf:document-info>
    <axf:document-info name="subject">
      <xsl:attribute name="value">
        <xsl:choose>
          <xsl:when test="subject"><xsl:value-of select="normalize-space(subject)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(subtitle)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </axf:document-info>
    <axf:document-info name="keywords" value="{normalize-space(keywords)}"/>
  </xsl:template>

  <!-- id of a structural element: its @id, or a generated one -->
  <xsl:template name="id-of">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="generate-id()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Numbers and labels                                            -->
  <!-- ============================================================ -->

  <xsl:template match="*" mode="table-number">
    <xsl:number level="any" count="table|events|membership|finance|board"/>
  </xsl:template>

  <xsl:template match="chapter" mode="number">
    <xsl:number count="chapter"/>
  </xsl:template>

  <xsl:template match="section" mode="number">
    <xsl:number level="multiple" count="chapter|section" format="1.1"/>
  </xsl:template>

  <xsl:template match="chapter" mode="label">
    <xsl:text>第</xsl:text><xsl:apply-templates select="." mode="number"/><xsl:text>章</xsl:text>
  </xsl:template>

  <xsl:template match="section" mode="label">
    <xsl:apply-templates select="." mode="number"/><xsl:text>節</xsl:text>
  </xsl:template>

  <xsl:template match="greeting" mode="label">
    <xsl:text>「</xsl:text><xsl:value-of select="normalize-space(title)"/><xsl:text>」</xsl:text>
  </xsl:template>

  <xsl:template match="events | membership | finance | board" mode="label">
    <xsl:text>表</xsl:text><xsl:apply-templates select="." mode="table-number"/>
  </xsl:template>

  <!-- The number printed before a heading: "第1章", "1.1" -->
  <xsl:template match="chapter" mode="heading-number">
    <xsl:apply-templates select="." mode="label"/>
  </xsl:template>
  <xsl:template match="section" mode="heading-number">
    <xsl:apply-templates select="." mode="number"/>
  </xsl:template>
  <xsl:template match="*" mode="heading-number"/>

  <!-- ============================================================ -->
  <!-- Bookmarks                                                     -->
  <!-- ============================================================ -->

  <xsl:template name="bookmarks">
    <fo:bookmark-tree>
      <fo:bookmark internal-destination="toc">
        <fo:bookmark-title>目次</fo:bookmark-title>
      </fo:bookmark>
      <xsl:apply-templates select="greeting | chapter" mode="bookmark"/>
    </fo:bookmark-tree>
  </xsl:template>

  <xsl:template match="greeting | chapter | section" mode="bookmark">
    <xsl:variable name="id"><xsl:call-template name="id-of"/></xsl:variable>
    <fo:bookmark internal-destination="{$id}">
      <xsl:if test="self::chapter">
        <xsl:attribute name="starting-state">show</xsl:attribute>
      </xsl:if>
      <xsl:if test="self::section">
        <xsl:attribute name="starting-state">hide</xsl:attribute>
      </xsl:if>
      <fo:bookmark-title>
        <xsl:variable name="num"><xsl:apply-templates select="." mode="heading-number"/></xsl:variable>
        <xsl:if test="string($num) != ''"><xsl:value-of select="$num"/><xsl:text>　</xsl:text></xsl:if>
        <xsl:value-of select="normalize-space(title)"/>
      </fo:bookmark-title>
      <xsl:if test="count(ancestor-or-self::chapter | ancestor-or-self::section) &lt; 3">
        <xsl:apply-templates select="section" mode="bookmark"/>
      </xsl:if>
    </fo:bookmark>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Cover                                                         -->
  <!-- ============================================================ -->

  <xsl:template name="cover-sequence">
    <fo:page-sequence master-reference="cover" id="cover-sequence" force-page-count="{$force-page-count}">
      <fo:flow flow-name="xsl-region-body">
        <fo:block-container background-color="{$accent-color}" color="white"
            padding-top="30mm" padding-bottom="16mm" start-indent="0mm" end-indent="0mm">
          <xsl:for-each select="cover"><xsl:call-template name="loc"/></xsl:for-each>
          <xsl:for-each select="cover/catch">
            <fo:block font-family="{$heading-font}" font-size="12pt" line-height="1.5" space-after="6mm" start-indent="24mm" end-indent="24mm">
              <xsl:call-template name="loc"/>
              <xsl:apply-templates/>
            </fo:block>
          </xsl:for-each>
          <xsl:for-each select="meta/title">
            <fo:block font-family="{$heading-font}" font-weight="bold" font-size="30pt" line-height="1.3" start-indent="24mm" end-indent="24mm">
              <xsl:call-template name="loc"/>
              <xsl:apply-templates/>
            </fo:block>
          </xsl:for-each>
          <xsl:for-each select="meta/subtitle">
            <fo:block font-family="{$heading-font}" font-size="13pt" line-height="1.5" space-before="5mm" start-indent="24mm" end-indent="24mm">
              <xsl:call-template name="loc"/>
              <xsl:apply-templates/>
            </fo:block>
          </xsl:for-each>
        </fo:block-container>
        <xsl:for-each select="cover/image">
          <fo:block text-align="center" space-before="18mm" line-height="1">
            <xsl:apply-templates select="."/>
          </fo:block>
        </xsl:for-each>
        <xsl:if test="$show-credits = 'yes'">
          <xsl:for-each select="cover/credit">
            <fo:block text-align="center" font-size="{$small-size}" space-before="2mm" color="#444444">
              <xsl:call-template name="loc"/>
              <xsl:apply-templates/>
            </fo:block>
          </xsl:for-each>
        </xsl:if>
        <fo:block text-align="center" space-before="24mm" font-family="{$heading-font}"
            start-indent="20mm" end-indent="20mm">
          <xsl:for-each select="meta/published">
            <fo:block font-size="11pt" space-after="4mm">
              <xsl:call-template name="loc"/>
              <xsl:apply-templates/>
            </fo:block>
          </xsl:for-each>
          <xsl:for-each select="meta/organisation/name">
            <fo:block font-size="14pt" font-weight="bold" line-height="1.5">
              <xsl:call-template name="loc"/>
              <xsl:apply-templates/>
            </fo:block>
          </xsl:for-each>
          <xsl:for-each select="meta/organisation/name-en">
            <fo:block font-size="10pt" xml:lang="en">
              <xsl:call-template name="loc"/>
              <xsl:apply-templates/>
            </fo:block>
          </xsl:for-each>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Table of contents                                             -->
  <!-- ============================================================ -->

  <xsl:template name="toc-sequence">
    <fo:page-sequence master-reference="front" id="toc-sequence"
        initial-page-number="1" format="i" force-page-count="{$force-page-count}">
      <xsl:call-template name="static-content">
        <xsl:with-param name="name">front</xsl:with-param>
        <xsl:with-param name="running">目次</xsl:with-param>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="toc" xsl:use-attribute-sets="h1">目次</fo:block>
        <fo:block font-size="10pt" line-height="1.6">
          <xsl:apply-templates select="greeting | chapter" mode="toc"/>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template match="greeting | chapter | section" mode="toc">
    <xsl:variable name="id"><xsl:call-template name="id-of"/></xsl:variable>
    <xsl:variable name="level" select="count(ancestor-or-self::chapter | ancestor-or-self::section | self::greeting)"/>
    <xsl:variable name="num"><xsl:apply-templates select="." mode="heading-number"/></xsl:variable>
    <fo:block text-align-last="justify" text-indent="0">
      <xsl:call-template name="loc"/>
      <xsl:choose>
        <xsl:when test="$level = 1">
          <xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute>
          <xsl:attribute name="font-weight">bold</xsl:attribute>
          <xsl:attribute name="space-before">7pt</xsl:attribute>
          <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
        </xsl:when>
        <xsl:when test="$level = 2">
          <xsl:attribute name="start-indent">3.5em</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="start-indent">6.5em</xsl:attribute>
          <xsl:attribute name="font-size">9pt</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <fo:basic-link internal-destination="{$id}">
        <xsl:if test="string($num) != ''">
          <xsl:value-of select="$num"/><xsl:text>　</xsl:text>
        </xsl:if>
        <xsl:apply-templates select="title" mode="plain"/>
      </fo:basic-link>
      <xsl:text> </xsl:text>
      <fo:leader leader-pattern="dots" leader-pattern-width="4pt"/>
      <xsl:text> </xsl:text>
      <fo:basic-link internal-destination="{$id}">
        <fo:page-number-citation ref-id="{$id}"/>
      </fo:basic-link>
    </fo:block>
    <xsl:if test="$level &lt; $toc-depth">
      <xsl:apply-templates select="section" mode="toc"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Header and footer                                             -->
  <!-- ============================================================ -->

  <!-- $running: fixed header text; empty = the chapter from the marker. -->
  <xsl:template name="static-content">
    <xsl:param name="name"/>
    <xsl:param name="running"/>
    <fo:static-content flow-name="{$name}-before-odd">
      <fo:block font-family="{$heading-font}" font-size="8pt" line-height="1.3" color="#333333"
          text-align-last="justify" border-bottom="0.5pt solid {$rule-color}" padding-bottom="1.5pt">
        <xsl:value-of select="$doc-title"/>
        <fo:leader leader-pattern="space"/>
        <xsl:call-template name="running-title"><xsl:with-param name="running" select="$running"/></xsl:call-template>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="{$name}-before-even">
      <fo:block font-family="{$heading-font}" font-size="8pt" line-height="1.3" color="#333333"
          text-align-last="justify" border-bottom="0.5pt solid {$rule-color}" padding-bottom="1.5pt">
        <xsl:call-template name="running-title"><xsl:with-param name="running" select="$running"/></xsl:call-template>
        <fo:leader leader-pattern="space"/>
        <xsl:value-of select="$org-name"/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="{$name}-after-odd">
      <fo:block font-family="{$heading-font}" font-size="9pt" text-align="end" space-before="5mm">
        <fo:page-number/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="{$name}-after-even">
      <fo:block font-family="{$heading-font}" font-size="9pt" text-align="start" space-before="5mm">
        <fo:page-number/>
      </fo:block>
    </fo:static-content>
    <xsl:call-template name="footnote-separator"/>
  </xsl:template>

  <xsl:template name="running-title">
    <xsl:param name="running"/>
    <xsl:choose>
      <xsl:when test="string($running) != ''"><xsl:value-of select="$running"/></xsl:when>
      <xsl:otherwise>
        <fo:retrieve-marker retrieve-class-name="chapter"
            retrieve-position="first-including-carryover" retrieve-boundary="page-sequence"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Body                                                          -->
  <!-- ============================================================ -->

  <xsl:template name="body-sequence">
    <fo:page-sequence master-reference="body" id="body-sequence" initial-page-number="1">
      <xsl:call-template name="static-content">
        <xsl:with-param name="name">body</xsl:with-param>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <xsl:apply-templates select="greeting | chapter"/>
        <xsl:apply-templates select="colophon"/>
        <xsl:if test="not(colophon)">
          <xsl:call-template name="colophon"/>
        </xsl:if>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- Greeting -->
  <xsl:template match="greeting">
    <xsl:variable name="id"><xsl:call-template name="id-of"/></xsl:variable>
    <fo:block id="{$id}" xsl:use-attribute-sets="h1" break-before="page">
      <xsl:call-template name="loc"/>
      <fo:marker marker-class-name="chapter"><xsl:value-of select="normalize-space(title)"/></fo:marker>
      <xsl:apply-templates select="title/node()"/>
    </fo:block>
    <xsl:apply-templates select="*[not(self::title or self::signature)]"/>
    <fo:block space-before="14pt" text-align="end" keep-with-next.within-page="always">
      <xsl:value-of select="normalize-space(/report/meta/published)"/>
    </fo:block>
    <xsl:apply-templates select="signature"/>
  </xsl:template>

  <xsl:template match="signature">
    <fo:block text-align="end" keep-with-previous.within-page="always">
      <xsl:call-template name="loc"/>
      <xsl:value-of select="normalize-space(role)"/>
      <xsl:text>　</xsl:text>
      <fo:inline font-family="{$heading-font}" font-size="11pt"><xsl:value-of select="normalize-space(name)"/></fo:inline>
    </fo:block>
  </xsl:template>

  <!-- Chapters: new page, marker for the running header -->
  <xsl:template match="chapter">
    <xsl:variable name="id"><xsl:call-template name="id-of"/></xsl:variable>
    <xsl:variable name="label"><xsl:apply-templates select="." mode="label"/></xsl:variable>
    <fo:block id="{$id}" xsl:use-attribute-sets="h1" break-before="page">
      <xsl:call-template name="loc"/>
      <fo:marker marker-class-name="chapter">
        <xsl:value-of select="$label"/>
        <xsl:text>　</xsl:text>
        <xsl:choose>
          <xsl:when test="@short"><xsl:value-of select="@short"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="title" mode="plain"/></xsl:otherwise>
        </xsl:choose>
      </fo:marker>
      <fo:block font-size="11pt" color="{$accent-color}" space-after="2pt">
        <xsl:value-of select="$label"/>
      </fo:block>
      <fo:block>
        <xsl:for-each select="title"><xsl:call-template name="loc"/></xsl:for-each>
        <xsl:apply-templates select="title/node()"/>
      </fo:block>
    </fo:block>
    <xsl:apply-templates select="*[not(self::title)]"/>
  </xsl:template>

  <!-- Sections: heading level by depth; the id is on the heading -->
  <xsl:template match="section">
    <xsl:variable name="id"><xsl:call-template name="id-of"/></xsl:variable>
    <xsl:variable name="depth" select="count(ancestor-or-self::section)"/>
    <xsl:choose>
      <xsl:when test="$depth = 1">
        <fo:block id="{$id}" xsl:use-attribute-sets="h2">
          <xsl:call-template name="section-heading"/>
        </fo:block>
      </xsl:when>
      <xsl:when test="$depth = 2">
        <fo:block id="{$id}" xsl:use-attribute-sets="h3">
          <xsl:call-template name="section-heading"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block id="{$id}" xsl:use-attribute-sets="h4">
          <xsl:call-template name="section-heading"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="*[not(self::title)]"/>
  </xsl:template>

  <xsl:template name="section-heading">
    <xsl:call-template name="loc"/>
    <xsl:apply-templates select="." mode="number"/>
    <xsl:text>　</xsl:text>
    <xsl:apply-templates select="title/node()"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Events table                                                  -->
  <!-- ============================================================ -->

  <xsl:template match="events">
    <fo:block id="{@id}" text-indent="0">
      <xsl:if test="not(@id)"><xsl:attribute name="id"><xsl:value-of select="generate-id()"/></xsl:attribute></xsl:if>
      <xsl:call-template name="loc"/>
      <xsl:call-template name="table-keep"/>
      <xsl:call-template name="table-caption"/>
      <fo:table xsl:use-attribute-sets="table">
        <xsl:call-template name="loc"/>
        <fo:table-column column-number="1" column-width="proportional-column-width(2.3)"/>
        <fo:table-column column-number="2" column-width="proportional-column-width(7)"/>
        <fo:table-column column-number="3" column-width="proportional-column-width(3.6)"/>
        <fo:table-column column-number="4" column-width="proportional-column-width(1.6)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">日付</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">行事</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">会場</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">参加者</xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="event">
            <fo:table-row keep-together.within-page="always">
              <xsl:call-template name="loc"/>
              <xsl:for-each select="date">
                <xsl:call-template name="fo-cell">
                  <xsl:with-param name="content">
                    <xsl:choose>
                      <xsl:when test="normalize-space(.) != ''"><xsl:apply-templates/></xsl:when>
                      <xsl:otherwise>
                        <xsl:value-of select="number(substring(@when, 6, 2))"/>
                        <xsl:text>/</xsl:text>
                        <xsl:value-of select="number(substring(@when, 9, 2))"/>
                      </xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:for-each select="title | place">
                <xsl:call-template name="fo-cell">
                  <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:choose>
                <xsl:when test="participants">
                  <xsl:for-each select="participants">
                    <xsl:call-template name="fo-cell">
                      <xsl:with-param name="align">end</xsl:with-param>
                      <xsl:with-param name="content">
                        <xsl:call-template name="format-amount">
                          <xsl:with-param name="n" select="normalize-space(.)"/>
                        </xsl:call-template>
                      </xsl:with-param>
                    </xsl:call-template>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="fo-cell"><xsl:with-param name="content">―</xsl:with-param><xsl:with-param name="align">center</xsl:with-param></xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:template name="head-cell">
    <xsl:param name="text"/>
    <xsl:param name="align">center</xsl:param>
    <fo:table-cell xsl:use-attribute-sets="head-cell">
      <fo:block text-align="{$align}" start-indent="0pt" end-indent="0pt"><xsl:value-of select="$text"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Membership table                                              -->
  <!-- ============================================================ -->

  <xsl:template match="membership">
    <xsl:variable name="sup" select="boolean(year/@supporters)"/>
    <fo:block id="{@id}" text-indent="0">
      <xsl:if test="not(@id)"><xsl:attribute name="id"><xsl:value-of select="generate-id()"/></xsl:attribute></xsl:if>
      <xsl:call-template name="loc"/>
      <xsl:call-template name="table-keep"/>
      <xsl:call-template name="table-caption"/>
      <fo:table xsl:use-attribute-sets="table">
        <xsl:call-template name="loc"/>
        <fo:table-column column-number="1" column-width="proportional-column-width(2)"/>
        <fo:table-column column-number="2" column-width="proportional-column-width(2)"/>
        <fo:table-column column-number="3" column-width="proportional-column-width(2)"/>
        <fo:table-column column-number="4" column-width="proportional-column-width(2)"/>
        <xsl:if test="$sup">
          <fo:table-column column-number="5" column-width="proportional-column-width(2)"/>
        </xsl:if>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">年度</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">団体会員</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">個人会員（人）</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">個人会員の増減</xsl:with-param></xsl:call-template>
            <xsl:if test="$sup">
              <xsl:call-template name="head-cell"><xsl:with-param name="text">賛助会員（人）</xsl:with-param></xsl:call-template>
            </xsl:if>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="year">
            <xsl:variable name="prev" select="preceding-sibling::year[1]"/>
            <fo:table-row>
              <xsl:call-template name="loc"/>
              <xsl:call-template name="fo-cell">
                <xsl:with-param name="align">center</xsl:with-param>
                <xsl:with-param name="content"><xsl:value-of select="@year"/>年度</xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="fo-cell">
                <xsl:with-param name="align">end</xsl:with-param>
                <xsl:with-param name="content"><xsl:value-of select="format-number(@organisations, '#,##0')"/></xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="fo-cell">
                <xsl:with-param name="align">end</xsl:with-param>
                <xsl:with-param name="content"><xsl:value-of select="format-number(@individuals, '#,##0')"/></xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="fo-cell">
                <xsl:with-param name="align">end</xsl:with-param>
                <xsl:with-param name="content">
                  <xsl:choose>
                    <xsl:when test="$prev"><xsl:value-of select="format-number(@individuals - $prev/@individuals, '+#,##0;−#,##0')"/></xsl:when>
                    <xsl:otherwise>―</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:if test="$sup">
                <xsl:call-template name="fo-cell">
                  <xsl:with-param name="align">end</xsl:with-param>
                  <xsl:with-param name="content">
                    <xsl:choose>
                      <xsl:when test="@supporters"><xsl:value-of select="format-number(@supporters, '#,##0')"/></xsl:when>
                      <xsl:otherwise>―</xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param>
                </xsl:call-template>
              </xsl:if>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Financial summary                                             -->
  <!-- ============================================================ -->

  <xsl:template match="finance">
    <xsl:variable name="in" select="sum(income//item/@amount)"/>
    <xsl:variable name="out" select="sum(expenditure//item/@amount)"/>
    <fo:block id="{@id}" text-indent="0">
      <xsl:if test="not(@id)"><xsl:attribute name="id"><xsl:value-of select="generate-id()"/></xsl:attribute></xsl:if>
      <xsl:call-template name="loc"/>
      <xsl:call-template name="table-keep"/>
      <xsl:call-template name="table-caption"/>
      <xsl:for-each select="period">
        <fo:block font-size="8.5pt" text-align="end" space-after="1pt" keep-with-next.within-page="always">
          <xsl:call-template name="loc"/>
          <xsl:apply-templates/>
        </fo:block>
      </xsl:for-each>
      <fo:table xsl:use-attribute-sets="table" line-height="1.3">
        <xsl:call-template name="loc"/>
        <fo:table-column column-number="1" column-width="proportional-column-width(6)"/>
        <fo:table-column column-number="2" column-width="proportional-column-width(2.4)"/>
        <fo:table-column column-number="3" column-width="proportional-column-width(2.4)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">科目</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">金額（円）</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">小計・合計（円）</xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:apply-templates select="income">
            <xsl:with-param name="heading">収入の部</xsl:with-param>
            <xsl:with-param name="total-label">収入合計</xsl:with-param>
          </xsl:apply-templates>
          <xsl:apply-templates select="expenditure">
            <xsl:with-param name="heading">支出の部</xsl:with-param>
            <xsl:with-param name="total-label">支出合計</xsl:with-param>
          </xsl:apply-templates>
          <xsl:call-template name="finance-row">
            <xsl:with-param name="kind">total</xsl:with-param>
            <xsl:with-param name="label">当期収支差額</xsl:with-param>
            <xsl:with-param name="total" select="$in - $out"/>
          </xsl:call-template>
          <xsl:for-each select="carried-forward">
            <xsl:call-template name="finance-row">
              <xsl:with-param name="label">前期繰越収支差額</xsl:with-param>
              <xsl:with-param name="total" select="@amount"/>
            </xsl:call-template>
            <xsl:call-template name="finance-row">
              <xsl:with-param name="kind">total</xsl:with-param>
              <xsl:with-param name="label">次期繰越収支差額</xsl:with-param>
              <xsl:with-param name="total" select="@amount + $in - $out"/>
            </xsl:call-template>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:template match="income | expenditure">
    <xsl:param name="heading"/>
    <xsl:param name="total-label"/>
    <xsl:variable name="sum" select="sum(.//item/@amount)"/>
    <xsl:if test="total and number(total/@amount) != $sum">
      <xsl:for-each select="total">
        <xsl:call-template name="warn">
          <xsl:with-param name="text" select="concat($total-label, ': the source says ', @amount, ' but the items add up to ', $sum, '; the computed sum is printed.')"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <fo:table-row keep-with-next.within-page="always">
      <xsl:call-template name="loc"/>
      <xsl:call-template name="fo-cell">
        <xsl:with-param name="kind">subhead</xsl:with-param>
        <xsl:with-param name="span">3</xsl:with-param>
        <xsl:with-param name="content">【<xsl:value-of select="$heading"/>】</xsl:with-param>
      </xsl:call-template>
    </fo:table-row>
    <xsl:for-each select="item | group">
      <xsl:choose>
        <xsl:when test="self::group">
          <xsl:call-template name="finance-row">
            <xsl:with-param name="kind">subhead</xsl:with-param>
            <xsl:with-param name="label" select="@label"/>
            <xsl:with-param name="total" select="sum(item/@amount)"/>
          </xsl:call-template>
          <xsl:for-each select="item">
            <xsl:call-template name="finance-row">
              <xsl:with-param name="indent">1.5em</xsl:with-param>
              <xsl:with-param name="amount" select="@amount"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="finance-row">
            <xsl:with-param name="total" select="@amount"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:call-template name="finance-row">
      <xsl:with-param name="kind">total</xsl:with-param>
      <xsl:with-param name="label" select="$total-label"/>
      <xsl:with-param name="total" select="$sum"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One row of the financial summary. The label is the current
       item's content unless $label is given. -->
  <xsl:template name="finance-row">
    <xsl:param name="kind"/>
    <xsl:param name="label"/>
    <xsl:param name="indent"/>
    <xsl:param name="amount"/>
    <xsl:param name="total"/>
    <fo:table-row keep-together.within-page="always">
      <xsl:call-template name="loc"/>
      <xsl:call-template name="fo-cell">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="content">
          <xsl:choose>
            <xsl:when test="string($label) != ''"><xsl:value-of select="$label"/></xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates/>
              <xsl:if test="@note">
                <fo:inline font-size="80%">（<xsl:value-of select="@note"/>）</fo:inline>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fo-cell">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="align">end</xsl:with-param>
        <xsl:with-param name="content">
          <xsl:if test="string($amount) != ''">
            <xsl:call-template name="format-amount"><xsl:with-param name="n" select="$amount"/></xsl:call-template>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="fo-cell">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="align">end</xsl:with-param>
        <xsl:with-param name="content">
          <xsl:if test="string($total) != ''">
            <xsl:call-template name="format-amount"><xsl:with-param name="n" select="$total"/></xsl:call-template>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </fo:table-row>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Board list                                                    -->
  <!-- ============================================================ -->

  <xsl:template match="board">
    <fo:block id="{@id}" text-indent="0">
      <xsl:if test="not(@id)"><xsl:attribute name="id"><xsl:value-of select="generate-id()"/></xsl:attribute></xsl:if>
      <xsl:call-template name="loc"/>
      <xsl:call-template name="table-keep"/>
      <xsl:call-template name="table-caption"/>
      <fo:table xsl:use-attribute-sets="table">
        <xsl:call-template name="loc"/>
        <fo:table-column column-number="1" column-width="proportional-column-width(2.4)"/>
        <fo:table-column column-number="2" column-width="proportional-column-width(2.4)"/>
        <fo:table-column column-number="3" column-width="proportional-column-width(6)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">役職</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">氏名</xsl:with-param></xsl:call-template>
            <xsl:call-template name="head-cell"><xsl:with-param name="text">所属</xsl:with-param></xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="member">
            <fo:table-row keep-together.within-page="always">
              <xsl:call-template name="loc"/>
              <xsl:for-each select="role">
                <xsl:call-template name="fo-cell"><xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param></xsl:call-template>
              </xsl:for-each>
              <xsl:for-each select="name">
                <xsl:call-template name="fo-cell"><xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param></xsl:call-template>
              </xsl:for-each>
              <xsl:call-template name="fo-cell">
                <xsl:with-param name="content">
                  <xsl:for-each select="affiliation">
                    <fo:block>
                      <xsl:call-template name="loc"/>
                      <xsl:apply-templates/>
                    </fo:block>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Timeline                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="timeline">
    <fo:block id="{@id}" text-indent="0" space-before="6pt" space-after="10pt">
      <xsl:if test="not(@id)"><xsl:attribute name="id"><xsl:value-of select="generate-id()"/></xsl:attribute></xsl:if>
      <xsl:call-template name="loc"/>
      <xsl:for-each select="caption">
        <fo:block xsl:use-attribute-sets="caption" space-after="4pt" keep-with-next.within-page="always">
          <xsl:call-template name="loc"/>
          <xsl:apply-templates/>
        </fo:block>
      </xsl:for-each>
      <fo:list-block provisional-distance-between-starts="7.5em" provisional-label-separation="1em"
          border-top="0.5pt solid {$rule-color}">
        <xsl:call-template name="loc"/>
        <xsl:for-each select="entry">
          <fo:list-item padding-top="3pt" padding-bottom="3pt" border-bottom="0.5pt solid #bbbbbb"
              keep-together.within-page="always">
            <xsl:call-template name="loc"/>
            <fo:list-item-label end-indent="label-end()">
              <fo:block font-family="{$heading-font}" font-weight="bold" color="{$accent-color}" text-align="start">
                <xsl:for-each select="date">
                  <xsl:call-template name="loc"/>
                  <xsl:apply-templates/>
                </xsl:for-each>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block text-align="justify">
                <xsl:for-each select="what">
                  <xsl:call-template name="loc"/>
                  <xsl:apply-templates/>
                </xsl:for-each>
              </fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </fo:block>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Colophon                                                      -->
  <!-- ============================================================ -->

  <xsl:template match="colophon" name="colophon">
    <xsl:variable name="meta" select="/report/meta"/>
    <fo:block space-before="28pt" keep-together.within-page="always" font-size="9pt" line-height="1.6"
        text-indent="0" border-top="0.8pt solid {$rule-color}" border-bottom="0.8pt solid {$rule-color}"
        padding-top="6pt" padding-bottom="6pt">
      <xsl:call-template name="loc"/>
      <fo:block font-family="{$heading-font}" font-weight="bold" font-size="11pt" space-after="3pt">
        <xsl:value-of select="normalize-space($meta/title)"/>
      </fo:block>
      <fo:block>発行日　<xsl:value-of select="normalize-space($meta/published)"/></fo:block>
      <fo:block>発行者　<xsl:value-of select="normalize-space($meta/organisation/name)"/></fo:block>
      <xsl:for-each select="$meta/organisation/address">
        <fo:block start-indent="4em"><xsl:call-template name="loc"/><xsl:apply-templates/></fo:block>
      </xsl:for-each>
      <xsl:for-each select="$meta/organisation/contact">
        <fo:block start-indent="4em"><xsl:call-template name="loc"/><xsl:apply-templates/></fo:block>
      </xsl:for-each>
      <xsl:for-each select="$meta/organisation/url">
        <fo:block start-indent="4em">
          <xsl:call-template name="loc"/>
          <fo:basic-link external-destination="url({normalize-space(.)})" xsl:use-attribute-sets="link">
            <xsl:value-of select="normalize-space(.)"/>
          </fo:basic-link>
        </fo:block>
      </xsl:for-each>
      <xsl:for-each select="p">
        <fo:block space-before="3pt">
          <xsl:call-template name="loc"/>
          <xsl:apply-templates/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
