<?xml version="1.0" encoding="UTF-8"?>
<!-- Stylesheet with an error only found while running. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out><xsl:value-of select="$undefined"/></out>
  </xsl:template>
</xsl:stylesheet>
