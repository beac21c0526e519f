<?xml version="1.0" encoding="UTF-8"?>
<!-- Test stylesheet: stamps mk:loc on every output element, echoes a param. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:mk="urn:mkdoc:ext"
    xmlns:str="http://exslt.org/strings"
    xmlns:date="http://exslt.org/dates-and-times"
    extension-element-prefixes="mk str date">
  <xsl:param name="year" select="'none'"/>
  <xsl:template match="/">
    <fo:root mk:loc="{mk:loc(*)}" year="{$year}" exslt="{str:padding(2, 'ab')}{date:year('2022-04-01')}">
      <xsl:apply-templates select="//para"/>
    </fo:root>
  </xsl:template>
  <xsl:template match="para">
    <fo:block mk:loc="{mk:loc()}" parent="{mk:loc(..)}" none="{mk:loc(/nothing)}">
      <xsl:value-of select="."/>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
