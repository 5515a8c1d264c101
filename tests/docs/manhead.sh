#!/bin/sh
# The man page's header names its section and volume as section 8 pages
# do: "ZBTOP(8)  System Manager's Manual  ZBTOP(8)", with no stray "BSD"
# (groff's mdoc puts one there unless .Dt gives the volume).
command -v groff >/dev/null 2>&1 || { echo "needs groff" >&2; exit 77; }
head=$(groff -mdoc -Tutf8 -P-c man/zbtop.8 2>/dev/null | sed -n '1p')
echo "$head" | grep -Eq "^ZBTOP\(8\) +System Manager's Manual +ZBTOP\(8\)$" ||
    { echo "man header is '$head'"; exit 1; }
exit 0
