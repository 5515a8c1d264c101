/*
 * compat_fropen(): a stdio stream over a read function, as the file
 * backend reads a pipe.  The bytes come through whole and in order
 * however the function cuts them, ftell() is the offset of the next
 * byte a reader takes (the bad-record message's "byte offset"), and
 * libpcap reading tests/data/sample.pcap through it sees every record
 * at the offset a plain FILE gives.
 */
#include "compat.h"

#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define SAMPLE	"tests/data/sample.pcap"

/* A source in memory handing out at most step bytes a call. */
struct src {
	const unsigned char	*p;
	size_t			 len, pos, step;
	int			 calls;
	int			 fail;	/* then -1, EIO */
};

static ssize_t
src_read(void *arg, void *buf, size_t n)
{
	struct src	*s = arg;

	s->calls++;
	if (s->fail) {
		errno = EIO;
		return -1;
	}
	if (n > s->step)
		n = s->step;
	if (n > s->len - s->pos)
		n = s->len - s->pos;
	memcpy(buf, s->p + s->pos, n);
	s->pos += n;
	return (ssize_t)n;
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE		*f;
	unsigned char	*b;
	long		 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	b = malloc(n > 0 ? (size_t)n : 1);
	if (b != NULL && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return b;
}

/* Bytes and offsets through a function that hands out 7 at a time. */
static void
bytes(void)
{
	static const char	 text[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	struct src		 s = { (const unsigned char *)text,
				    sizeof text - 1, 0, 7, 0, 0 };
	struct compat_rd	 rd = { src_read, &s, 0 };
	char			 got[64];
	FILE			*fp;

	CHECK((fp = compat_fropen(&rd)) != NULL);
	if (fp == NULL)
		return;
	CHECK(ftell(fp) == 0);
	CHECK(fread(got, 1, 3, fp) == 3 && memcmp(got, "012", 3) == 0);
	CHECK(ftell(fp) == 3);
	CHECK(fread(got, 1, 20, fp) == 20 &&
	    memcmp(got, text + 3, 20) == 0);
	CHECK(ftell(fp) == 23);
	CHECK(getc(fp) == 'n');
	CHECK(ftell(fp) == 24);
	CHECK(fread(got, 1, sizeof got, fp) == 12 &&
	    memcmp(got, text + 24, 12) == 0);
	CHECK(feof(fp) && !ferror(fp));
	CHECK(ftell(fp) == 36);
	CHECK((size_t)rd.off == sizeof text - 1);
	/* Only where it is: no going back on a pipe. */
	CHECK(fseek(fp, 0, SEEK_SET) == -1);
	CHECK(fclose(fp) == 0);
}

/* A failing read is a stream error, as read(2)'s on a FILE. */
static void
failure(void)
{
	struct src		 s = { NULL, 0, 0, 7, 0, 1 };
	struct compat_rd	 rd = { src_read, &s, 0 };
	FILE			*fp;
	char			 c;

	CHECK((fp = compat_fropen(&rd)) != NULL);
	if (fp == NULL)
		return;
	CHECK(fread(&c, 1, 1, fp) == 0 && ferror(fp) && errno == EIO);
	CHECK(rd.off == 0);
	fclose(fp);
}

/*
 * libpcap through compat_fropen() and through fopen(): the same records
 * at the same ftell() offsets, with the source cut at 100 bytes, 1 byte
 * and 64 KiB a call.
 */
static void
pcap_offsets(void)
{
	static const size_t	 steps[] = { 100, 1, 65536 };
	struct pcap_pkthdr	*h, *h2;
	const u_char		*d, *d2;
	struct compat_rd	 rd;
	struct src		 s;
	unsigned char		*buf;
	size_t			 len, i;
	pcap_t			*p, *p2;
	FILE			*fp, *f2;
	char			 err[PCAP_ERRBUF_SIZE];
	int			 n, rc, rc2, same;

	if ((buf = slurp(SAMPLE, &len)) == NULL) {
		fprintf(stderr, "%s: cannot read\n", SAMPLE);
		failed++;
		return;
	}
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		memset(&s, 0, sizeof s);
		s.p = buf;
		s.len = len;
		s.step = steps[i];
		rd.read = src_read;
		rd.arg = &s;
		fp = compat_fropen(&rd);
		f2 = fopen(SAMPLE, "rb");
		CHECK(fp != NULL && f2 != NULL);
		if (fp == NULL || f2 == NULL)
			break;
		p = pcap_fopen_offline(fp, err);
		p2 = pcap_fopen_offline(f2, err);
		CHECK(p != NULL && p2 != NULL);
		if (p == NULL || p2 == NULL)
			break;
		n = 0;
		same = 1;
		do {
			same = same && ftell(fp) == ftell(f2);
			rc = pcap_next_ex(p, &h, &d);
			rc2 = pcap_next_ex(p2, &h2, &d2);
			if (rc == 1 && rc2 == 1 && (h->caplen != h2->caplen ||
			    memcmp(d, d2, h->caplen) != 0))
				same = 0;
			n += rc == 1;
		} while (rc == 1 && rc2 == 1);
		CHECK(same);
		CHECK(rc == PCAP_ERROR_BREAK && rc2 == PCAP_ERROR_BREAK);
		CHECK(n > 1000);
		CHECK((size_t)ftell(fp) == len);
		pcap_close(p);
		pcap_close(p2);
	}
	free(buf);
}

int
main(void)
{
	bytes();
	failure();
	pcap_offsets();
	CHECK_DONE();
}
