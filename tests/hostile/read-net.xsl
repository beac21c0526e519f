<?xml version="1.0" encoding="UTF-8"?>
<!-- Hostile stylesheet: tries to read from the network. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out><xsl:copy-of select="document('http://example.com/x.xml')"/></out>
  </xsl:template>
</xsl:stylesheet>
