/* fo_xmp: the document's title, author, subject and keywords from XMP.
 *
 * FO written for Apache FOP (DocBook XSL with fop1.extensions, DITA-OT and
 * many hand-written stylesheets) states its PDF metadata as an XMP packet,
 * <x:xmpmeta> in fo:declarations (FOP's "XMP metadata" extension; AH
 * Formatter reads it too). This module reads the four fields mkdoc writes
 * into the PDF's document information from such a packet:
 *
 *   dc:title        -> title     (rdf:Alt: the x-default item, else the first)
 *   dc:creator      -> author    (rdf:Seq: the items joined with ", ")
 *   dc:description  -> subject
 *   pdf:Keywords    -> keywords  (also dc:subject's items joined with ", ")
 *
 * A field already set (by axf:document-info) is kept: the packet only fills
 * the gaps. Strings are copied into the given arena; nothing else is kept.
 * Unknown XMP properties are ignored quietly: XMP is open-ended, and none
 * of the rest changes what mkdoc prints. */
#ifndef MKDOC_FO_XMP_H
#define MKDOC_FO_XMP_H

#include "../base/arena.h"
#include "fo_props.h"

struct _xmlNode;

#define FO_XMP_META_NS "adobe:ns:meta/"

/* reads the packet rooted at xmpmeta (an x:xmpmeta element) into root's
 * meta_* fields that are still NULL */
void fo_xmp_read(const struct _xmlNode *xmpmeta, fo_props *root, arena *a);

#endif
