<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-text.xsl : the paragraph text of a report (styles/report.rng) as
  plain UTF-8 text, one paragraph per line, in reading order.

      xsltproc styles/report-text.xsl docs/reports/2022.xml > 2022.txt

  Used to check that every paragraph of the source appears in the PDF
  (pdfcheck source mode). Each line is the text as report-fo.xsl prints
  it: generated labels (第1章 is printed on its own line above the chapter
  title, "1.1　" before section titles, "表1　" / "図1　" before captions),
  footnote marks (注1) inside the paragraph, footnote texts as lines of
  their own, yen amounts with separators (1,234円), empty links as their
  URL, cross-references as label（N頁）.

  Parameters:
    page-placeholder  what stands for a page number that only the
                      formatter knows (cross-references). Default "#".
    cells             "separate" (default): every table cell is a line;
                      "row": the cells of a row joined by one TAB.
  Not printed: the table of contents, running headers and page numbers.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="p li cell title caption catch credit fn em strong span link code
      place participants date what affiliation role name item published"/>

  <xsl:param name="page-placeholder">#</xsl:param>
  <xsl:param name="cells">separate</xsl:param>

  <xsl:key name="id" match="*[@id]" use="@id"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="tab" select="'&#9;'"/>

  <!-- one output line: whitespace normalised, empty lines dropped -->
  <xsl:template name="line">
    <xsl:param name="text"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:if test="$t != ''">
      <xsl:value-of select="$t"/><xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="amount">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="string(number($n)) != 'NaN'"><xsl:value-of select="format-number($n, '#,##0;△#,##0')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Document order                                                -->
  <!-- ============================================================ -->

  <xsl:template match="/report">
    <!-- cover -->
    <xsl:apply-templates select="cover/catch" mode="line"/>
    <xsl:apply-templates select="meta/title" mode="line"/>
    <xsl:apply-templates select="meta/subtitle" mode="line"/>
    <xsl:apply-templates select="cover/credit" mode="line"/>
    <xsl:apply-templates select="meta/published" mode="line"/>
    <xsl:apply-templates select="meta/organisation/name" mode="line"/>
    <xsl:apply-templates select="meta/organisation/name-en" mode="line"/>
    <xsl:apply-templates select="greeting | chapter"/>
    <xsl:call-template name="colophon"/>
    <!-- footnote texts, in order -->
    <xsl:for-each select="//fn">
      <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="line">
    <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template match="greeting">
    <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates select="title" mode="inline"/></xsl:with-param></xsl:call-template>
    <xsl:apply-templates select="*[not(self::title or self::signature)]"/>
    <xsl:call-template name="line"><xsl:with-param name="text" select="/report/meta/published"/></xsl:call-template>
    <xsl:for-each select="signature">
      <xsl:call-template name="line"><xsl:with-param name="text" select="concat(normalize-space(role), '　', normalize-space(name))"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="chapter">
    <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates select="." mode="label"/></xsl:with-param></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates select="title" mode="inline"/></xsl:with-param></xsl:call-template>
    <xsl:apply-templates select="*[not(self::title)]"/>
  </xsl:template>

  <xsl:template match="section">
    <xsl:call-template name="line">
      <xsl:with-param name="text">
        <xsl:number level="multiple" count="chapter|section" format="1.1"/>
        <xsl:text>　</xsl:text>
        <xsl:apply-templates select="title" mode="inline"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::title)]"/>
  </xsl:template>

  <xsl:template match="p">
    <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template match="note">
    <xsl:if test="title">
      <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates select="title" mode="inline"/></xsl:with-param></xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="*[not(self::title)]"/>
  </xsl:template>

  <xsl:template match="ul | ol">
    <xsl:apply-templates select="li"/>
  </xsl:template>

  <xsl:template match="li">
    <xsl:choose>
      <xsl:when test="p | ul | ol"><xsl:apply-templates select="*"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="figure">
    <xsl:call-template name="caption"/>
  </xsl:template>

  <xsl:template name="caption">
    <xsl:if test="caption">
      <xsl:call-template name="line">
        <xsl:with-param name="text">
          <xsl:apply-templates select="." mode="label"/>
          <xsl:text>　</xsl:text>
          <xsl:apply-templates select="caption" mode="inline"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Tables                                                        -->
  <!-- ============================================================ -->

  <!-- Emit one row. $row holds the cell texts separated by TAB. -->
  <xsl:template name="row">
    <xsl:param name="row"/>
    <xsl:choose>
      <xsl:when test="$cells = 'row'">
        <xsl:call-template name="row-line"><xsl:with-param name="row" select="$row"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="split-cells"><xsl:with-param name="row" select="$row"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- row joined: each cell normalised, empty cells dropped, TAB between -->
  <xsl:template name="row-line">
    <xsl:param name="row"/>
    <xsl:param name="acc"/>
    <xsl:choose>
      <xsl:when test="contains($row, $tab)">
        <xsl:variable name="c" select="normalize-space(substring-before($row, $tab))"/>
        <xsl:call-template name="row-line">
          <xsl:with-param name="row" select="substring-after($row, $tab)"/>
          <xsl:with-param name="acc">
            <xsl:value-of select="$acc"/>
            <xsl:if test="$acc != '' and $c != ''"><xsl:value-of select="$tab"/></xsl:if>
            <xsl:value-of select="$c"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="c" select="normalize-space($row)"/>
        <xsl:variable name="all">
          <xsl:value-of select="$acc"/>
          <xsl:if test="$acc != '' and $c != ''"><xsl:value-of select="$tab"/></xsl:if>
          <xsl:value-of select="$c"/>
        </xsl:variable>
        <xsl:if test="string($all) != ''"><xsl:value-of select="$all"/><xsl:value-of select="$nl"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="split-cells">
    <xsl:param name="row"/>
    <xsl:choose>
      <xsl:when test="contains($row, $tab)">
        <xsl:call-template name="line"><xsl:with-param name="text" select="substring-before($row, $tab)"/></xsl:call-template>
        <xsl:call-template name="split-cells"><xsl:with-param name="row" select="substring-after($row, $tab)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line"><xsl:with-param name="text" select="$row"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="table">
    <xsl:call-template name="caption"/>
    <xsl:for-each select="head/row | body/row | foot/row">
      <xsl:call-template name="row">
        <xsl:with-param name="row">
          <xsl:for-each select="cell">
            <xsl:if test="position() > 1"><xsl:value-of select="$tab"/></xsl:if>
            <xsl:variable name="colno" select="count(preceding-sibling::cell[not(@span)]) + sum(preceding-sibling::cell/@span) + 1"/>
            <xsl:variable name="col" select="ancestor::table[1]/col[$colno]"/>
            <xsl:choose>
              <xsl:when test="$col/@type = 'yen' and not(ancestor::head) and not(*)">
                <xsl:call-template name="amount"><xsl:with-param name="n" select="normalize-space(.)"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="events">
    <xsl:call-template name="caption"/>
    <xsl:call-template name="row"><xsl:with-param name="row" select="concat('日付', $tab, '行事', $tab, '会場', $tab, '参加者')"/></xsl:call-template>
    <xsl:for-each select="event">
      <xsl:call-template name="row">
        <xsl:with-param name="row">
          <xsl:choose>
            <xsl:when test="normalize-space(date) != ''"><xsl:apply-templates select="date" mode="inline"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat(number(substring(date/@when, 6, 2)), '/', number(substring(date/@when, 9, 2)))"/></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="$tab"/><xsl:apply-templates select="title" mode="inline"/>
          <xsl:value-of select="$tab"/><xsl:apply-templates select="place" mode="inline"/>
          <xsl:value-of select="$tab"/>
          <xsl:choose>
            <xsl:when test="participants"><xsl:call-template name="amount"><xsl:with-param name="n" select="normalize-space(participants)"/></xsl:call-template></xsl:when>
            <xsl:otherwise>―</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="membership">
    <xsl:call-template name="caption"/>
    <xsl:call-template name="row">
      <xsl:with-param name="row">
        <xsl:value-of select="concat('年度', $tab, '団体会員', $tab, '個人会員（人）', $tab, '個人会員の増減')"/>
        <xsl:if test="year/@supporters"><xsl:value-of select="concat($tab, '賛助会員（人）')"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="year">
      <xsl:variable name="prev" select="preceding-sibling::year[1]"/>
      <xsl:call-template name="row">
        <xsl:with-param name="row">
          <xsl:value-of select="concat(@year, '年度', $tab, format-number(@organisations, '#,##0'), $tab, format-number(@individuals, '#,##0'), $tab)"/>
          <xsl:choose>
            <xsl:when test="$prev"><xsl:value-of select="format-number(@individuals - $prev/@individuals, '+#,##0;−#,##0')"/></xsl:when>
            <xsl:otherwise>―</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="../year/@supporters">
            <xsl:value-of select="$tab"/>
            <xsl:choose>
              <xsl:when test="@supporters"><xsl:value-of select="format-number(@supporters, '#,##0')"/></xsl:when>
              <xsl:otherwise>―</xsl:otherwise>
            </xsl:choose>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="finance">
    <xsl:variable name="in" select="sum(income//item/@amount)"/>
    <xsl:variable name="out" select="sum(expenditure//item/@amount)"/>
    <xsl:call-template name="caption"/>
    <xsl:call-template name="line"><xsl:with-param name="text" select="period"/></xsl:call-template>
    <xsl:call-template name="row"><xsl:with-param name="row" select="concat('科目', $tab, '金額（円）', $tab, '小計・合計（円）')"/></xsl:call-template>
    <xsl:apply-templates select="income | expenditure"/>
    <xsl:call-template name="fin-row"><xsl:with-param name="label">当期収支差額</xsl:with-param><xsl:with-param name="n" select="$in - $out"/></xsl:call-template>
    <xsl:for-each select="carried-forward">
      <xsl:call-template name="fin-row"><xsl:with-param name="label">前期繰越収支差額</xsl:with-param><xsl:with-param name="n" select="@amount"/></xsl:call-template>
      <xsl:call-template name="fin-row"><xsl:with-param name="label">次期繰越収支差額</xsl:with-param><xsl:with-param name="n" select="@amount + $in - $out"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="income | expenditure">
    <xsl:call-template name="line">
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="self::income">【収入の部】</xsl:when>
          <xsl:otherwise>【支出の部】</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="item | group">
      <xsl:choose>
        <xsl:when test="self::group">
          <xsl:call-template name="fin-row"><xsl:with-param name="label" select="@label"/><xsl:with-param name="n" select="sum(item/@amount)"/></xsl:call-template>
          <xsl:for-each select="item">
            <xsl:call-template name="fin-row"><xsl:with-param name="n" select="@amount"/></xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="fin-row"><xsl:with-param name="n" select="@amount"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:call-template name="fin-row">
      <xsl:with-param name="label">
        <xsl:choose>
          <xsl:when test="self::income">収入合計</xsl:when>
          <xsl:otherwise>支出合計</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="n" select="sum(.//item/@amount)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="fin-row">
    <xsl:param name="label"/>
    <xsl:param name="n"/>
    <xsl:call-template name="row">
      <xsl:with-param name="row">
        <xsl:choose>
          <xsl:when test="string($label) != ''"><xsl:value-of select="$label"/></xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates mode="inline"/>
            <xsl:if test="@note">（<xsl:value-of select="@note"/>）</xsl:if>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$tab"/>
        <xsl:call-template name="amount"><xsl:with-param name="n" select="$n"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="board">
    <xsl:call-template name="caption"/>
    <xsl:call-template name="row"><xsl:with-param name="row" select="concat('役職', $tab, '氏名', $tab, '所属')"/></xsl:call-template>
    <xsl:for-each select="member">
      <xsl:call-template name="row">
        <xsl:with-param name="row">
          <xsl:apply-templates select="role" mode="inline"/>
          <xsl:value-of select="$tab"/><xsl:apply-templates select="name" mode="inline"/>
          <xsl:for-each select="affiliation">
            <xsl:value-of select="$tab"/><xsl:apply-templates mode="inline"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="timeline">
    <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates select="caption" mode="inline"/></xsl:with-param></xsl:call-template>
    <xsl:for-each select="entry">
      <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates select="date" mode="inline"/></xsl:with-param></xsl:call-template>
      <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates select="what" mode="inline"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="colophon">
    <xsl:variable name="m" select="/report/meta"/>
    <xsl:call-template name="line"><xsl:with-param name="text" select="$m/title"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="text" select="concat('発行日　', normalize-space($m/published))"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="text" select="concat('発行者　', normalize-space($m/organisation/name))"/></xsl:call-template>
    <xsl:for-each select="$m/organisation/address | $m/organisation/contact | $m/organisation/url | colophon/p">
      <xsl:call-template name="line"><xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Labels (same as report-fo.xsl)                                -->
  <!-- ============================================================ -->

  <xsl:template match="chapter" mode="label">第<xsl:number count="chapter"/>章</xsl:template>
  <xsl:template match="section" mode="label"><xsl:number level="multiple" count="chapter|section" format="1.1"/>節</xsl:template>
  <xsl:template match="table | events | membership | finance | board" mode="label">表<xsl:number level="any" count="table|events|membership|finance|board"/></xsl:template>
  <xsl:template match="figure" mode="label">図<xsl:number level="any" count="figure"/></xsl:template>
  <xsl:template match="greeting" mode="label">「<xsl:value-of select="normalize-space(title)"/>」</xsl:template>
  <xsl:template match="*" mode="label">
    <xsl:choose>
      <xsl:when test="title">「<xsl:value-of select="normalize-space(title)"/>」</xsl:when>
      <xsl:when test="caption">「<xsl:value-of select="normalize-space(caption)"/>」</xsl:when>
      <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline content                                                -->
  <!-- ============================================================ -->

  <xsl:template match="text()" mode="inline"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="*" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>
  <xsl:template match="fn" mode="inline">注<xsl:number level="any" count="fn"/></xsl:template>
  <xsl:template match="rt" mode="inline"/> <!-- ruby: the base text only -->
  <xsl:template match="br" mode="inline"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="yen" mode="inline">
    <xsl:call-template name="amount"><xsl:with-param name="n" select="normalize-space(.)"/></xsl:call-template>
    <xsl:text>円</xsl:text>
  </xsl:template>
  <xsl:template match="link" mode="inline">
    <xsl:choose>
      <xsl:when test="normalize-space(.) != '' or *"><xsl:apply-templates mode="inline"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@href"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="xref" mode="inline">
    <xsl:apply-templates select="key('id', @ref)" mode="label"/>
    <xsl:if test="not(@page = 'no')">（<xsl:value-of select="$page-placeholder"/>頁）</xsl:if>
  </xsl:template>

</xsl:stylesheet>
