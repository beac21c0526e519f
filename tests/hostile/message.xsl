<?xml version="1.0" encoding="UTF-8"?>
<!-- Test stylesheet: a located warning, then a terminating message. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:mk="urn:mkdoc:ext">
  <xsl:template match="/">
    <xsl:apply-templates select="//para"/>
    <out/>
  </xsl:template>
  <xsl:template match="para">
    <xsl:message><xsl:value-of select="mk:loc()"/>: warning: para seen</xsl:message>
    <xsl:if test="position() = last()">
      <xsl:message terminate="yes">error: giving up</xsl:message>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
