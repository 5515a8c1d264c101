/*
 * The BER reader of the SNMP decoder (dec-snmp.c), with tcpdump's words
 * for what it finds and what it complains about.  Every length is checked
 * against what the datagram claims and what was captured (X.690 8.1).
 */
#ifndef ZBTOP_DEC_BER_H
#define ZBTOP_DEC_BER_H

#include <stdint.h>

#include "cur.h"

struct tbuf;

/* What one BER element is, tcpdump's kinds. */
enum ber_type {
	BER_ANY, BER_OCTET, BER_STR, BER_INT, BER_OID, BER_NULL, BER_INET,
	BER_UNS, BER_UNS64, BER_SEQ, BER_PDU, BER_EXC
};

/* One element; ber_read() fills it. */
struct ber_el {
	enum ber_type	 type;
	int		 id;
	uint32_t	 len;		/* content length */
	struct cur	 val;		/* the content, all captured */
	int32_t		 i;		/* BER_INT */
	uint64_t	 u;		/* BER_UNS, BER_UNS64 */
};

/* The element at c within len claimed bytes: its size, -1 or -2 (cut). */
int	ber_read(struct tbuf *, struct cur *, uint32_t, struct ber_el *);
/* Its value as tcpdump prints it. */
void	ber_print(struct tbuf *, struct ber_el *);
/* A string: quoted if all printable ASCII, else hex bytes joined by _. */
void	ber_string(struct tbuf *, struct ber_el *);
/* 0 when of the type, else "[what]", the element, and -1. */
int	ber_expect(struct tbuf *, struct ber_el *, enum ber_type,
	    const char *);
/* ber_read() and ber_expect(), *len less what it took: its size or -1. */
int	ber_next(struct tbuf *, struct cur *, uint32_t *, enum ber_type,
	    const char *, struct ber_el *);

#endif /* ZBTOP_DEC_BER_H */
