#!/bin/sh
# --threads 2 under load (issue 5): two lanes of two rings, each walked by
# its own consumer thread, packets spread by a hash of the addresses.  The
# same checks as rotate-filter.sh (forced rotations every 2 ms, a filter
# change every ~50 ms, nothing lost or twice, nothing shown that fails its
# epoch's filter, counts add up), in order per ring, both lanes busy.
ZB_THREADS=${ZB_THREADS:-2} exec sh tests/live/rotate-filter.sh
