/*
 * What priv.c (Linux) and priv-freebsd.c share: finding the user to drop
 * to and becoming it, the same calls on both systems.  Each OS file keeps
 * its own order of steps around them.
 */
#ifndef ZBTOP_PRIV_INT_H
#define ZBTOP_PRIV_INT_H

struct passwd;

/*
 * The account for -Z *user; a NULL *user becomes "nobody" (tcpdump's
 * default when built without a -Z user), so messages can name it.  *pw
 * points into getpwnam(3)'s static storage.  0, or -1 with errbuf
 * ("-Z x: no such user").
 */
int	priv_user(const char **, struct passwd **, char *);

/*
 * Become pw for good: no supplementary groups, then the real, effective
 * and saved group and user IDs (setgroups(2), setresgid(2),
 * setresuid(2)), group first while root may still change it.  user names
 * it in the message.  0, or -1 with errbuf.
 */
int	priv_become(const struct passwd *, const char *, char *);

#endif /* ZBTOP_PRIV_INT_H */
