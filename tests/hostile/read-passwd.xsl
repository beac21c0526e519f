<?xml version="1.0" encoding="UTF-8"?>
<!-- Hostile stylesheet: tries to read a file outside the allowed folders. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out><xsl:copy-of select="document('file:///etc/passwd')"/></out>
  </xsl:template>
</xsl:stylesheet>
