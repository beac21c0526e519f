<?xml version="1.0" encoding="UTF-8"?>
<!-- Hostile stylesheet: tries to write files with exsl:document. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl">
  <xsl:template match="/">
    <exsl:document href="/tmp/mkdoc-pwned" method="text">owned</exsl:document>
    <exsl:document href="mkdoc-pwned-relative.txt" method="text">owned</exsl:document>
    <out/>
  </xsl:template>
</xsl:stylesheet>
