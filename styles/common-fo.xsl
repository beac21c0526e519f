<?xml version="1.0" encoding="UTF-8"?>
<!--
  common-fo.xsl : parts of the mkdoc XSL-FO stylesheets shared by the
  report, M-net bulletin and policy-proposal stylesheets.

    - parameters (fonts, sizes, page geometry, image base)
    - attribute sets (body text, headings, tables, captions, footnotes)
    - page masters for A4 portrait (cover, odd/even body pages)
    - the mk:loc helper (source locations for mkdoc's error messages)
    - inline markup: em (bold, or emphasis dots with type="dots"), strong,
      span, code, yen, br, link, xref, fn, ruby
    - blocks: p, ul, ol, li, note, table (col/head/body/foot/row/cell),
      figure, image, caption
    - numbering helpers (mode "table-number", "figure-number", "label")

  A stylesheet that imports this one may override any template; the
  document-type specific parts are:
    - mode "label"        : how an xref target is named (第3章, 表2 …)
    - mode "table-number" : which elements count as tables
  Only the XSL-FO subset understood by mkdoc's formatter is generated.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:mk="urn:mkdoc:ext"
    xmlns:axf="http://www.antennahouse.com/names/XSL/Extensions"
    exclude-result-prefixes="mk">

  <!-- ============================================================ -->
  <!-- Parameters                                                    -->
  <!-- ============================================================ -->

  <xsl:param name="body-font">Noto Serif CJK JP</xsl:param>
  <xsl:param name="heading-font">Noto Sans CJK JP</xsl:param>
  <xsl:param name="mono-font">Noto Sans Mono CJK JP</xsl:param>
  <xsl:param name="body-size">10pt</xsl:param>
  <xsl:param name="body-line-height">1.7</xsl:param>
  <xsl:param name="small-size">8.5pt</xsl:param>
  <xsl:param name="footnote-size">8pt</xsl:param>

  <xsl:param name="page-width">210mm</xsl:param>
  <xsl:param name="page-height">297mm</xsl:param>
  <xsl:param name="margin-top">15mm</xsl:param>
  <xsl:param name="margin-bottom">12mm</xsl:param>
  <xsl:param name="margin-inner">22mm</xsl:param>
  <xsl:param name="margin-outer">20mm</xsl:param>
  <!-- distance from the page edge to the body, top and bottom, beyond margin-top/-bottom -->
  <xsl:param name="header-extent">13mm</xsl:param>
  <xsl:param name="footer-extent">13mm</xsl:param>

  <!-- Prefix for image paths. Empty: the path is emitted as written in
       the source, and resolved against the FO's base URI (mkdoc sets it
       to the source file). Give e.g. "/path/to/docs/reports/" when the
       FO is written somewhere else and formatted by another program. -->
  <xsl:param name="image-base"/>

  <!-- tables with at most this many rows are not split across pages -->
  <xsl:param name="table-keep-rows" select="45"/>

  <!-- the writing mode of the body text: emphasis dots follow it (see
       em[@type = 'dots']); "tb-rl" for a vertical edition -->
  <xsl:param name="writing-mode">lr-tb</xsl:param>

  <xsl:param name="link-color">#1a4f8b</xsl:param>
  <xsl:param name="accent-color">#2e68a0</xsl:param>
  <xsl:param name="rule-color">#555555</xsl:param>
  <xsl:param name="table-head-bg">#e6ecf2</xsl:param>
  <xsl:param name="table-total-bg">#f3f3f3</xsl:param>

  <xsl:key name="id" match="*[@id]" use="@id"/>

  <!-- ============================================================ -->
  <!-- Source locations                                              -->
  <!-- ============================================================ -->

  <!-- Adds mk:loc="file:line" for the current source node, when mkdoc
       provides the extension function; nothing in plain xsltproc. -->
  <xsl:template name="loc">
    <xsl:if test="function-available('mk:loc')">
      <xsl:attribute name="mk:loc"><xsl:value-of select="mk:loc(.)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A message that points at the source line when possible. -->
  <xsl:template name="warn">
    <xsl:param name="text"/>
    <xsl:message>
      <xsl:choose>
        <xsl:when test="function-available('mk:loc')"><xsl:value-of select="mk:loc(.)"/>: </xsl:when>
        <xsl:otherwise><xsl:value-of select="name()"/>: </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$text"/>
    </xsl:message>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Attribute sets                                                -->
  <!-- ============================================================ -->

  <xsl:attribute-set name="root">
    <xsl:attribute name="font-family"><xsl:value-of select="$body-font"/></xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$body-size"/></xsl:attribute>
    <xsl:attribute name="line-height"><xsl:value-of select="$body-line-height"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="para">
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="text-indent">1em</xsl:attribute>
    <xsl:attribute name="widows">2</xsl:attribute>
    <xsl:attribute name="orphans">2</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="heading">
    <xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.4</xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
    <xsl:attribute name="text-indent">0</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="h1" use-attribute-sets="heading">
    <xsl:attribute name="font-size">18pt</xsl:attribute>
    <xsl:attribute name="space-after">14pt</xsl:attribute>
    <xsl:attribute name="padding-bottom">4pt</xsl:attribute>
    <xsl:attribute name="border-bottom">1.5pt solid <xsl:value-of select="$accent-color"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="h2" use-attribute-sets="heading">
    <xsl:attribute name="font-size">13pt</xsl:attribute>
    <xsl:attribute name="space-before">16pt</xsl:attribute>
    <xsl:attribute name="space-after">6pt</xsl:attribute>
    <xsl:attribute name="padding-left">6pt</xsl:attribute>
    <xsl:attribute name="border-left">4pt solid <xsl:value-of select="$accent-color"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="h3" use-attribute-sets="heading">
    <xsl:attribute name="font-size">11pt</xsl:attribute>
    <xsl:attribute name="space-before">10pt</xsl:attribute>
    <xsl:attribute name="space-after">3pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="h4" use-attribute-sets="heading">
    <xsl:attribute name="font-size">10pt</xsl:attribute>
    <xsl:attribute name="space-before">8pt</xsl:attribute>
    <xsl:attribute name="space-after">2pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="caption">
    <xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute>
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.4</xsl:attribute>
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="text-indent">0</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="table">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="line-height">1.45</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">12pt</xsl:attribute>
    <xsl:attribute name="border">0.8pt solid <xsl:value-of select="$rule-color"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="cell">
    <xsl:attribute name="border">0.4pt solid <xsl:value-of select="$rule-color"/></xsl:attribute>
    <xsl:attribute name="padding-top">2pt</xsl:attribute>
    <xsl:attribute name="padding-bottom">2pt</xsl:attribute>
    <xsl:attribute name="padding-start">4pt</xsl:attribute>
    <xsl:attribute name="padding-end">4pt</xsl:attribute>
    <xsl:attribute name="text-indent">0</xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="head-cell" use-attribute-sets="cell">
    <xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="background-color"><xsl:value-of select="$table-head-bg"/></xsl:attribute>
    <xsl:attribute name="border-bottom">0.8pt solid <xsl:value-of select="$rule-color"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="total-cell" use-attribute-sets="cell">
    <xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="background-color"><xsl:value-of select="$table-total-bg"/></xsl:attribute>
    <xsl:attribute name="border-top">0.8pt solid <xsl:value-of select="$rule-color"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="subhead-cell" use-attribute-sets="cell">
    <xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="list">
    <xsl:attribute name="provisional-distance-between-starts">2em</xsl:attribute>
    <xsl:attribute name="provisional-label-separation">0.5em</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="footnote-body">
    <xsl:attribute name="font-size"><xsl:value-of select="$footnote-size"/></xsl:attribute>
    <xsl:attribute name="line-height">1.45</xsl:attribute>
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="text-indent">0</xsl:attribute>
    <xsl:attribute name="start-indent">0</xsl:attribute>
    <xsl:attribute name="end-indent">0</xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
    <xsl:attribute name="font-style">normal</xsl:attribute>
    <xsl:attribute name="font-family"><xsl:value-of select="$body-font"/></xsl:attribute>
    <xsl:attribute name="color">black</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="link">
    <xsl:attribute name="color"><xsl:value-of select="$link-color"/></xsl:attribute>
  </xsl:attribute-set>

  <!-- ============================================================ -->
  <!-- Page masters (A4 portrait by default)                         -->
  <!-- ============================================================ -->

  <!-- Call inside fo:layout-master-set. Masters:
         cover       : no header or footer
         front-odd / front-even, body-odd / body-even
       Page sequence masters: "front" and "body" (odd/even alternation). -->
  <xsl:template name="page-masters">
    <fo:simple-page-master master-name="cover"
        page-width="{$page-width}" page-height="{$page-height}"
        margin-top="0mm" margin-bottom="0mm" margin-left="0mm" margin-right="0mm">
      <fo:region-body margin-top="0mm" margin-bottom="0mm"/>
    </fo:simple-page-master>
    <xsl:call-template name="odd-even-master">
      <xsl:with-param name="name">front</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="odd-even-master">
      <xsl:with-param name="name">body</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="odd-even-master">
    <xsl:param name="name"/>
    <!-- odd (right-hand) pages: inner margin on the left -->
    <fo:simple-page-master master-name="{$name}-odd"
        page-width="{$page-width}" page-height="{$page-height}"
        margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
        margin-left="{$margin-inner}" margin-right="{$margin-outer}">
      <fo:region-body margin-top="{$header-extent}" margin-bottom="{$footer-extent}"/>
      <fo:region-before region-name="{$name}-before-odd" extent="{$header-extent}"/>
      <fo:region-after region-name="{$name}-after-odd" extent="{$footer-extent}"/>
    </fo:simple-page-master>
    <fo:simple-page-master master-name="{$name}-even"
        page-width="{$page-width}" page-height="{$page-height}"
        margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
        margin-left="{$margin-outer}" margin-right="{$margin-inner}">
      <fo:region-body margin-top="{$header-extent}" margin-bottom="{$footer-extent}"/>
      <fo:region-before region-name="{$name}-before-even" extent="{$header-extent}"/>
      <fo:region-after region-name="{$name}-after-even" extent="{$footer-extent}"/>
    </fo:simple-page-master>
    <fo:page-sequence-master master-name="{$name}">
      <fo:repeatable-page-master-alternatives>
        <fo:conditional-page-master-reference odd-or-even="odd" master-reference="{$name}-odd"/>
        <fo:conditional-page-master-reference odd-or-even="even" master-reference="{$name}-even"/>
      </fo:repeatable-page-master-alternatives>
    </fo:page-sequence-master>
  </xsl:template>

  <!-- Footnote separator: a short rule above the footnotes. -->
  <xsl:template name="footnote-separator">
    <fo:static-content flow-name="xsl-footnote-separator">
      <fo:block space-before="6pt" space-after="3pt" line-height="1">
        <fo:leader leader-pattern="rule" leader-length="40mm" rule-thickness="0.5pt" color="{$rule-color}"/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline markup                                                 -->
  <!-- ============================================================ -->

  <xsl:template match="em">
    <fo:inline font-family="{$heading-font}" font-weight="bold">
      <xsl:call-template name="loc"/>
      <xsl:apply-templates/>
    </fo:inline>
  </xsl:template>

  <!-- emphasis dots (圏点, JLREQ 3.3.9, EM-1), Antenna House's
       axf:text-emphasis-style: in horizontal text round bullet-like dots
       over each character (Noto CJK's sesame is a heavy slanted tick there,
       its bullet at half size a speck; its black circle at a third of the
       text size reads as the dot of Japanese print); in vertical text the
       sesame dot to the right, at the usual half size -->
  <xsl:template match="em[@type = 'dots']">
    <fo:inline>
      <xsl:choose>
        <xsl:when test="starts-with($writing-mode, 'tb')">
          <xsl:attribute name="axf:text-emphasis-style">filled sesame</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="axf:text-emphasis-style">filled circle</xsl:attribute>
          <xsl:attribute name="axf:text-emphasis-font-size">35%</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="loc"/>
      <xsl:apply-templates/>
    </fo:inline>
  </xsl:template>

  <!-- ruby (JLREQ 3.3), HTML-like: <ruby>base<rt>reading</rt>...</ruby>.
       The text before each rt is its base. Each pair becomes an axf:ruby
       of its own (a mono-ruby over one character, a group-ruby over a
       word); type="jukugo" keeps the pairs of a compound in one axf:ruby,
       so the formatter places them as jukugo-ruby. -->
  <xsl:template match="ruby">
    <xsl:choose>
      <xsl:when test="@type = 'jukugo'">
        <axf:ruby>
          <xsl:call-template name="loc"/>
          <xsl:for-each select="rt">
            <xsl:call-template name="ruby-pair"/>
          </xsl:for-each>
        </axf:ruby>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="rt">
          <axf:ruby>
            <xsl:call-template name="loc"/>
            <xsl:call-template name="ruby-pair"/>
          </axf:ruby>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the base before the current rt, and the rt -->
  <xsl:template name="ruby-pair">
    <axf:ruby-base><xsl:value-of select="normalize-space(preceding-sibling::text()[1])"/></axf:ruby-base>
    <axf:ruby-text><xsl:value-of select="normalize-space(.)"/></axf:ruby-text>
  </xsl:template>

  <xsl:template match="strong">
    <fo:inline font-family="{$heading-font}" font-weight="bold">
      <xsl:call-template name="loc"/>
      <xsl:apply-templates/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="span">
    <fo:inline>
      <xsl:call-template name="loc"/>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:apply-templates/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="code">
    <fo:inline font-family="{$mono-font}" font-size="90%">
      <xsl:call-template name="loc"/>
      <xsl:apply-templates/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="br">
    <fo:block>
      <xsl:call-template name="loc"/>
    </fo:block>
  </xsl:template>

  <!-- an amount of yen in running text: 1,234,567円 -->
  <xsl:template match="yen">
    <fo:inline>
      <xsl:call-template name="loc"/>
      <xsl:call-template name="format-amount">
        <xsl:with-param name="n" select="normalize-space(.)"/>
      </xsl:call-template>
      <xsl:text>円</xsl:text>
    </fo:inline>
  </xsl:template>

  <xsl:template name="format-amount">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="string(number($n)) != 'NaN'">
        <xsl:value-of select="format-number($n, '#,##0;△#,##0')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- External link. An empty link prints its URL. -->
  <xsl:template match="link">
    <fo:basic-link external-destination="url({@href})" xsl:use-attribute-sets="link">
      <xsl:call-template name="loc"/>
      <xsl:choose>
        <xsl:when test="normalize-space(.) != '' or *">
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@href"/>
        </xsl:otherwise>
      </xsl:choose>
    </fo:basic-link>
  </xsl:template>

  <!-- Cross-reference: label of the target, and its page as （12頁）. -->
  <xsl:template match="xref">
    <xsl:variable name="target" select="key('id', @ref)"/>
    <fo:basic-link internal-destination="{@ref}" xsl:use-attribute-sets="link">
      <xsl:call-template name="loc"/>
      <xsl:choose>
        <xsl:when test="$target">
          <xsl:apply-templates select="$target" mode="label"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="warn">
            <xsl:with-param name="text" select="concat('cross-reference to an unknown id: ', @ref)"/>
          </xsl:call-template>
          <xsl:text>[??</xsl:text><xsl:value-of select="@ref"/><xsl:text>]</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="not(@page = 'no') and $target">
        <xsl:text>（</xsl:text>
        <fo:page-number-citation ref-id="{@ref}"/>
        <xsl:text>頁）</xsl:text>
      </xsl:if>
    </fo:basic-link>
  </xsl:template>

  <!-- Footnotes: numbered through the document. -->
  <xsl:template match="fn">
    <xsl:variable name="n"><xsl:number level="any" count="fn"/></xsl:variable>
    <fo:footnote>
      <xsl:call-template name="loc"/>
      <fo:inline font-size="65%" baseline-shift="3.5pt">
        <xsl:text>注</xsl:text><xsl:value-of select="$n"/>
      </fo:inline>
      <fo:footnote-body>
        <fo:list-block xsl:use-attribute-sets="footnote-body"
            provisional-distance-between-starts="2.6em" provisional-label-separation="0.4em"
            space-before="2pt">
          <xsl:call-template name="loc"/>
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()">
              <fo:block>注<xsl:value-of select="$n"/></fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block><xsl:apply-templates/></fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Labels and numbering (overridden per document type)           -->
  <!-- ============================================================ -->

  <xsl:template match="*" mode="table-number">
    <xsl:number level="any" count="table"/>
  </xsl:template>

  <xsl:template match="*" mode="figure-number">
    <xsl:number level="any" count="figure"/>
  </xsl:template>

  <xsl:template match="table" mode="label">
    <xsl:text>表</xsl:text><xsl:apply-templates select="." mode="table-number"/>
  </xsl:template>

  <xsl:template match="figure" mode="label">
    <xsl:text>図</xsl:text><xsl:apply-templates select="." mode="figure-number"/>
  </xsl:template>

  <xsl:template match="*" mode="label">
    <xsl:choose>
      <xsl:when test="title">「<xsl:value-of select="normalize-space(title)"/>」</xsl:when>
      <xsl:when test="caption">「<xsl:value-of select="normalize-space(caption)"/>」</xsl:when>
      <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Plain text of titles (bookmarks, markers, PDF info): no footnotes. -->
  <xsl:template match="fn" mode="plain"/>
  <xsl:template match="*" mode="plain"><xsl:apply-templates mode="plain"/></xsl:template>
  <xsl:template match="text()" mode="plain"><xsl:value-of select="."/></xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                        -->
  <!-- ============================================================ -->

  <xsl:template match="p">
    <fo:block xsl:use-attribute-sets="para">
      <xsl:call-template name="loc"/>
      <xsl:copy-of select="@xml:lang"/>
      <xsl:if test="@indent = 'no'">
        <xsl:attribute name="text-indent">0</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="note">
    <fo:block-container border="0.6pt solid {$rule-color}" background-color="#f7f5ee"
        padding="6pt 8pt" space-before="10pt" space-after="10pt" keep-together.within-page="always">
      <xsl:call-template name="loc"/>
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates select="title" mode="note-title"/>
      <xsl:apply-templates select="*[not(self::title)]"/>
    </fo:block-container>
  </xsl:template>

  <xsl:template match="title" mode="note-title">
    <fo:block xsl:use-attribute-sets="h4" space-before="0pt">
      <xsl:call-template name="loc"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- Lists -->
  <xsl:template match="ul">
    <fo:list-block xsl:use-attribute-sets="list" provisional-distance-between-starts="1.5em" provisional-label-separation="0.3em">
      <xsl:call-template name="loc"/>
      <xsl:apply-templates select="li"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="ol">
    <fo:list-block xsl:use-attribute-sets="list">
      <xsl:call-template name="loc"/>
      <xsl:if test="@style = 'paren'">
        <xsl:attribute name="provisional-distance-between-starts">2.4em</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="li"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="li">
    <fo:list-item space-before="2pt">
      <xsl:call-template name="loc"/>
      <xsl:copy-of select="@xml:lang"/>
      <fo:list-item-label end-indent="label-end()">
        <fo:block text-indent="0" text-align="end">
          <xsl:apply-templates select="." mode="list-label"/>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <xsl:choose>
          <xsl:when test="p | ul | ol">
            <xsl:apply-templates/>
          </xsl:when>
          <xsl:otherwise>
            <fo:block text-indent="0" text-align="justify">
              <xsl:apply-templates/>
            </fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <xsl:template match="ul/li" mode="list-label">
    <xsl:choose>
      <xsl:when test="count(ancestor::ul | ancestor::ol) mod 2 = 0">・</xsl:when>
      <xsl:otherwise><fo:inline font-size="80%">●</fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="ol/li" mode="list-label">
    <xsl:variable name="n" select="count(preceding-sibling::li) + 1"/>
    <xsl:choose>
      <xsl:when test="../@style = 'paren'">(<xsl:value-of select="$n"/>)</xsl:when>
      <xsl:when test="../@style = 'circled' and $n &lt;= 20">
        <xsl:value-of select="substring('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳', $n, 1)"/>
      </xsl:when>
      <xsl:when test="../@style = 'iroha' and $n &lt;= 47">
        <xsl:value-of select="substring('イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス', $n, 1)"/>
      </xsl:when>
      <xsl:when test="../@style = 'kanji' and $n &lt;= 10">
        <xsl:value-of select="substring('一二三四五六七八九十', $n, 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/>.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Figures: image centred, caption (図N) below. -->
  <xsl:template match="figure">
    <fo:block space-before="8pt" space-after="12pt" keep-together.within-page="always" text-align="center" text-indent="0">
      <xsl:call-template name="loc"/>
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <fo:block line-height="1">
        <xsl:apply-templates select="image"/>
      </fo:block>
      <xsl:apply-templates select="caption"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="image">
    <fo:external-graphic src="url({concat($image-base, @src)})">
      <xsl:call-template name="loc"/>
      <xsl:choose>
        <xsl:when test="@width">
          <xsl:attribute name="content-width"><xsl:value-of select="@width"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="width">100%</xsl:attribute>
          <xsl:attribute name="content-width">scale-down-to-fit</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:attribute name="content-height">auto</xsl:attribute>
      <xsl:attribute name="scaling">uniform</xsl:attribute>
    </fo:external-graphic>
  </xsl:template>

  <xsl:template match="figure/caption">
    <fo:block xsl:use-attribute-sets="caption" space-before="4pt">
      <xsl:call-template name="loc"/>
      <xsl:apply-templates select=".." mode="label"/>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- Caption above a table: 表N　caption. Call with the table-like
       element as the context node. -->
  <xsl:template name="table-caption">
    <xsl:if test="caption">
      <fo:block xsl:use-attribute-sets="caption" space-before="10pt" space-after="2pt"
          keep-with-next.within-page="always">
        <xsl:for-each select="caption">
          <xsl:call-template name="loc"/>
        </xsl:for-each>
        <xsl:apply-templates select="." mode="label"/>
        <xsl:text>　</xsl:text>
        <xsl:apply-templates select="caption/node()"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- Tables with at most $table-keep-rows rows (counting the rows the
       stylesheet generates, see mode "row-count") are kept on one page. -->
  <xsl:template name="table-keep">
    <xsl:variable name="rows"><xsl:apply-templates select="." mode="row-count"/></xsl:variable>
    <xsl:if test="number($rows) &lt;= number($table-keep-rows)">
      <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="row-count">
    <xsl:value-of select="count(.//row | .//event | .//year | .//member | .//item | .//group) + 1"/>
  </xsl:template>

  <!-- Column widths: "3" means 3 parts (proportional), lengths pass through. -->
  <xsl:template name="column-width">
    <xsl:param name="w"/>
    <xsl:choose>
      <xsl:when test="$w = ''">proportional-column-width(1)</xsl:when>
      <xsl:when test="string(number($w)) != 'NaN'">proportional-column-width(<xsl:value-of select="$w"/>)</xsl:when>
      <xsl:otherwise><xsl:value-of select="$w"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Generic table -->
  <xsl:template match="table">
    <fo:block id="{@id}" text-indent="0">
      <xsl:if test="not(@id)"><xsl:attribute name="id"><xsl:value-of select="generate-id()"/></xsl:attribute></xsl:if>
      <xsl:call-template name="loc"/>
      <xsl:call-template name="table-keep"/>
      <xsl:call-template name="table-caption"/>
      <fo:table xsl:use-attribute-sets="table">
        <xsl:call-template name="loc"/>
        <xsl:for-each select="col">
          <fo:table-column column-number="{position()}">
            <xsl:attribute name="column-width">
              <xsl:call-template name="column-width"><xsl:with-param name="w" select="@width"/></xsl:call-template>
            </xsl:attribute>
          </fo:table-column>
        </xsl:for-each>
        <xsl:if test="head">
          <fo:table-header>
            <xsl:apply-templates select="head/row"/>
          </fo:table-header>
        </xsl:if>
        <xsl:if test="foot">
          <fo:table-footer table-omit-footer-at-break="true">
            <xsl:apply-templates select="foot/row"/>
          </fo:table-footer>
        </xsl:if>
        <fo:table-body>
          <xsl:apply-templates select="body/row"/>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:template match="row">
    <fo:table-row keep-together.within-page="always">
      <xsl:call-template name="loc"/>
      <xsl:apply-templates select="cell"/>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:variable name="colno" select="count(preceding-sibling::cell[not(@span)]) + sum(preceding-sibling::cell/@span) + 1"/>
    <xsl:variable name="col" select="ancestor::table[1]/col[$colno]"/>
    <xsl:variable name="in-head" select="boolean(parent::row/parent::head)"/>
    <xsl:variable name="align">
      <xsl:choose>
        <xsl:when test="@align"><xsl:value-of select="@align"/></xsl:when>
        <xsl:when test="$in-head">center</xsl:when>
        <xsl:when test="../@kind = 'subhead'">start</xsl:when>
        <xsl:when test="$col/@align"><xsl:value-of select="$col/@align"/></xsl:when>
        <xsl:when test="$col/@type = 'yen' or $col/@type = 'number'">end</xsl:when>
        <xsl:otherwise>start</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="fo-cell">
      <xsl:with-param name="kind">
        <xsl:choose>
          <xsl:when test="$in-head">head</xsl:when>
          <xsl:otherwise><xsl:value-of select="../@kind"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="align" select="$align"/>
      <xsl:with-param name="span" select="@span"/>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="$col/@type = 'yen' and not($in-head) and not(*)">
            <xsl:call-template name="format-amount">
              <xsl:with-param name="n" select="normalize-space(.)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One table cell. kind: head | total | subhead | (normal). The
       current node is the source element the cell comes from. -->
  <xsl:template name="fo-cell">
    <xsl:param name="kind"/>
    <xsl:param name="align">start</xsl:param>
    <xsl:param name="span"/>
    <xsl:param name="indent"/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="$kind = 'head'">
        <fo:table-cell xsl:use-attribute-sets="head-cell">
          <xsl:call-template name="fo-cell-body">
            <xsl:with-param name="align" select="$align"/><xsl:with-param name="span" select="$span"/>
            <xsl:with-param name="indent" select="$indent"/><xsl:with-param name="content" select="$content"/>
          </xsl:call-template>
        </fo:table-cell>
      </xsl:when>
      <xsl:when test="$kind = 'total'">
        <fo:table-cell xsl:use-attribute-sets="total-cell">
          <xsl:call-template name="fo-cell-body">
            <xsl:with-param name="align" select="$align"/><xsl:with-param name="span" select="$span"/>
            <xsl:with-param name="indent" select="$indent"/><xsl:with-param name="content" select="$content"/>
          </xsl:call-template>
        </fo:table-cell>
      </xsl:when>
      <xsl:when test="$kind = 'subhead'">
        <fo:table-cell xsl:use-attribute-sets="subhead-cell">
          <xsl:call-template name="fo-cell-body">
            <xsl:with-param name="align" select="$align"/><xsl:with-param name="span" select="$span"/>
            <xsl:with-param name="indent" select="$indent"/><xsl:with-param name="content" select="$content"/>
          </xsl:call-template>
        </fo:table-cell>
      </xsl:when>
      <xsl:otherwise>
        <fo:table-cell xsl:use-attribute-sets="cell">
          <xsl:call-template name="fo-cell-body">
            <xsl:with-param name="align" select="$align"/><xsl:with-param name="span" select="$span"/>
            <xsl:with-param name="indent" select="$indent"/><xsl:with-param name="content" select="$content"/>
          </xsl:call-template>
        </fo:table-cell>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="fo-cell-body">
    <xsl:param name="align"/>
    <xsl:param name="span"/>
    <xsl:param name="indent"/>
    <xsl:param name="content"/>
    <xsl:call-template name="loc"/>
    <xsl:if test="$span != ''">
      <xsl:attribute name="number-columns-spanned"><xsl:value-of select="$span"/></xsl:attribute>
    </xsl:if>
    <xsl:copy-of select="@xml:lang"/>
    <fo:block text-align="{$align}" start-indent="0pt" end-indent="0pt">
      <xsl:if test="$indent != ''">
        <xsl:attribute name="start-indent"><xsl:value-of select="$indent"/></xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="$content"/>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
