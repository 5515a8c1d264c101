/*
 * Drops privileges after capture is open, as tcpdump's -Z does.  Root
 * becomes the given user (default nobody) with no supplementary groups;
 * a process that only had file capabilities (setcap) clears them all.
 * Either way no_new_privs is set, so nothing exec'd later can regain any.
 * A mask given to priv_drop() keeps a named few (the packet-socket reader's
 * CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH) across the change of user,
 * through PR_SET_KEEPCAPS, and drops the rest from the bounding set.
 * Open sockets keep working: the kernel checks CAP_NET_RAW at socket()
 * time only (net/packet/af_packet.c, packet_create).
 */
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include <linux/capability.h>

#include <errno.h>
#include <stdint.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "priv.h"
#include "priv-int.h"

static int	priv_clear_caps(uint64_t, char *);
static void	priv_bound(uint64_t);

/*
 * Empty every capability set this process has, ambient ones included,
 * but for the bits of keep in the permitted and effective sets.
 */
static int
priv_clear_caps(uint64_t keep, char *errbuf)
{
	struct __user_cap_header_struct	hdr;
	struct __user_cap_data_struct	data[2];

	memset(&hdr, 0, sizeof hdr);
	memset(data, 0, sizeof data);
	hdr.version = _LINUX_CAPABILITY_VERSION_3;
	/* Only what is still permitted can be kept. */
	if (keep != 0 && syscall(SYS_capget, &hdr, data) == 0)
		keep &= (uint64_t)data[1].permitted << 32 | data[0].permitted;
	else
		keep = 0;
	memset(data, 0, sizeof data);
	data[0].permitted = data[0].effective = (uint32_t)keep;
	data[1].permitted = data[1].effective = (uint32_t)(keep >> 32);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	if (syscall(SYS_capset, &hdr, data) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot drop capabilities: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Capabilities not kept leave the bounding set too (needs CAP_SETPCAP). */
static void
priv_bound(uint64_t keep)
{
	int	 c;

	for (c = 0; c < 64; c++)
		if (!(keep & (1ULL << c)) &&
		    prctl(PR_CAPBSET_DROP, c, 0, 0, 0) == -1 && errno == EINVAL)
			break;
}

int
priv_drop(const char *user, uint64_t keep, char *errbuf)
{
	struct passwd	*pw;

	if (geteuid() != 0) {
		if (user != NULL) {
			snprintf(errbuf, ZB_ERRBUFSZ, "-Z %s: only root can "
			    "change user", user);
			return -1;
		}
	} else {
		if (priv_user(&user, &pw, errbuf) == -1)
			return -1;
		if (keep != 0) {
			priv_bound(keep);
			prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0);
		}
		if (priv_become(pw, user, errbuf) == -1)
			return -1;
		prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
	}
	if (priv_clear_caps(keep, errbuf) == -1)
		return -1;
	if (geteuid() != 0 && getuid() != 0 && setuid(0) != -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "could regain root after "
		    "becoming %s", user != NULL ? user : "another user");
		return -1;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot set no_new_privs: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
