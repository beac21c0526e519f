<?xml version="1.0" encoding="UTF-8"?>
<!-- mk:loc called wrongly: two arguments, then a string. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:mk="urn:mkdoc:ext">
  <xsl:template match="/">
    <out a="{mk:loc(., .)}" b="{mk:loc('x')}"/>
  </xsl:template>
</xsl:stylesheet>
