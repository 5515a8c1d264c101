/*
 * The escaping rule: no byte from outside reaches a terminal or a JSON
 * line unescaped, and a cut never leaves half an escape sequence; a
 * failed write comes back as its errno.
 */
#include "tbuf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static int
clean(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/*
 * "ab", ESC, backslash escaped by esc into every size up to 8 bytes: a
 * prefix of whole, the full form, cut only between escape sequences.
 */
static void
cuts(void (*esc)(char *, size_t, const void *, size_t), const char *whole)
{
	char	 small[8];
	size_t	 cut, n;

	for (cut = 1; cut <= sizeof small; cut++) {
		memset(small, 'Z', sizeof small);
		esc(small, cut, "ab\033\\", 4);
		n = strlen(small);
		CHECK(n < cut);
		CHECK(strncmp(whole, small, n) == 0);
		CHECK(n <= 2 || n == 6 || n == strlen(whole));
	}
}

/* tbuf_write: the text reaches the stream; a full device is ENOSPC. */
static void
writes(void)
{
	struct tbuf	 tb;
	FILE		*f;
	char		 back[16];

	tbuf_init(&tb);
	tbuf_puts(&tb, "line\n");
	if ((f = tmpfile()) != NULL) {
		CHECK(tbuf_write(&tb, f) == 0);
		rewind(f);
		CHECK(fgets(back, sizeof back, f) != NULL &&
		    strcmp(back, "line\n") == 0);
		fclose(f);
	}
	if ((f = fopen("/dev/full", "w")) != NULL) {
		CHECK(tbuf_write(&tb, f) == ENOSPC);
		fclose(f);
	}
	tbuf_free(&tb);
}

int
main(void)
{
	static const uint8_t	 hostile[] = "a\033[2Jb\\c\x7f\x9b\xc3\xa9\n";
	struct tbuf		 tb;
	char			 all[256];
	uint8_t			 every[256];
	size_t			 i;

	tbuf_init(&tb);
	tbuf_esc(&tb, hostile, sizeof hostile - 1);
	CHECK(strcmp(tb.s, "a\\x1b[2Jb\\\\c\\x7f\\x9b\\xc3\\xa9\\x0a") == 0);
	CHECK(tb.len == strlen(tb.s));

	/* Every byte value: the result is printable ASCII only. */
	for (i = 0; i < 256; i++)
		every[i] = (uint8_t)i;
	tbuf_reset(&tb);
	tbuf_esc(&tb, every, sizeof every);
	CHECK(clean(tb.s));
	CHECK(tb.len == 94 + 2 + 161 * 4);	/* printable, \\, the rest */

	/* JSON: RFC 8259 section 7, quotes and backslashes escaped. */
	tbuf_reset(&tb);
	tbuf_json(&tb, "q\"\\\001\xff", 5);
	CHECK(strcmp(tb.s, "\"q\\\"\\\\\\u0001\\u00ff\"") == 0);
	tbuf_reset(&tb);
	tbuf_json(&tb, every, sizeof every);
	CHECK(clean(tb.s));

	/* Numbers without printf, growth past the first allocation. */
	tbuf_reset(&tb);
	tbuf_putu(&tb, 0);
	tbuf_putc(&tb, ' ');
	tbuf_putu(&tb, 18446744073709551615UL);
	tbuf_putc(&tb, ' ');
	tbuf_ip4(&tb, (const uint8_t *)"\xc6\x12\x00\x01");
	CHECK(strcmp(tb.s, "0 18446744073709551615 198.18.0.1") == 0);
	tbuf_reset(&tb);
	for (i = 0; i < 1000; i++)
		tbuf_printf(&tb, "%zu,", i % 10);
	CHECK(tb.len == 2000 && tb.s[1999] == ',' && tb.s[2000] == '\0');
	tbuf_truncate(&tb, 3);
	CHECK(strcmp(tb.s, "0,1") == 0);
	tbuf_truncate(&tb, 10);
	CHECK(tb.len == 3);
	tbuf_free(&tb);
	CHECK(tb.s == NULL && tb.len == 0);

	/* esc_str cuts at a whole escape: never "\x1" or a lone "\". */
	cuts(esc_str, "ab\\x1b\\\\");
	esc_str(all, sizeof all, every, sizeof every);
	CHECK(clean(all) && strlen(all) < sizeof all);
	/*
	 * esc_str: a name's backslash shows once, as tcpdump prints it,
	 * unless the name holds a byte to escape or the text "\x": then
	 * every backslash is doubled, so "\x1b" out is always one byte.
	 */
	esc_str(all, sizeof all, "C:\\dir\\", 7);
	CHECK(strcmp(all, "C:\\dir\\") == 0);
	esc_str(all, sizeof all, "a\\X", 3);
	CHECK(strcmp(all, "a\\X") == 0);
	esc_str(all, sizeof all, "l\\x1b", 5);
	CHECK(strcmp(all, "l\\\\x1b") == 0);
	esc_str(all, sizeof all, "e\033\\b", 4);
	CHECK(strcmp(all, "e\\x1b\\\\b") == 0);
	esc_str(all, sizeof all, "a\\x", 2);
	CHECK(strcmp(all, "a\\") == 0);

	/* esc_text: typed text, one backslash stays one; still clean. */
	esc_text(all, sizeof all, "ip proto \\udp\t", 14);
	CHECK(strcmp(all, "ip proto \\udp\\x09") == 0);
	cuts(esc_text, "ab\\x1b\\");
	esc_text(all, sizeof all, every, sizeof every);
	CHECK(clean(all) && strlen(all) < sizeof all);
	esc_text(all, 1, "x", 1);
	CHECK(all[0] == '\0');
	writes();
	CHECK_DONE();
}
