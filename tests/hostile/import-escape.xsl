<?xml version="1.0" encoding="UTF-8"?>
<!-- Hostile stylesheet: imports a file outside the allowed folders. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="file:///etc/passwd"/>
</xsl:stylesheet>
