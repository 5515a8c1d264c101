/*
 * Drops privileges after capture is open, as tcpdump's -Z does.  Root
 * becomes the given user (default nobody) with no supplementary groups;
 * a process that only had file capabilities (setcap) clears them all.
 * Either way no_new_privs is set, so nothing exec'd later can regain any.
 * Open sockets keep working: the kernel checks CAP_NET_RAW at socket()
 * time only (net/packet/af_packet.c, packet_create).
 */
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include <linux/capability.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "priv.h"

#define PRIV_DEFAULT_USER	"nobody"

static int	priv_clear_caps(char *);

/* Empty every capability set this process has, ambient ones included. */
static int
priv_clear_caps(char *errbuf)
{
	struct __user_cap_header_struct	hdr;
	struct __user_cap_data_struct	data[2];

	memset(&hdr, 0, sizeof hdr);
	memset(data, 0, sizeof data);
	hdr.version = _LINUX_CAPABILITY_VERSION_3;
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	if (syscall(SYS_capset, &hdr, data) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot drop capabilities: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
priv_drop(const char *user, char *errbuf)
{
	struct passwd	*pw;

	if (geteuid() != 0) {
		if (user != NULL) {
			snprintf(errbuf, ZB_ERRBUFSZ, "-Z %s: only root can "
			    "change user", user);
			return -1;
		}
	} else {
		if (user == NULL)
			user = PRIV_DEFAULT_USER;
		errno = 0;
		if ((pw = getpwnam(user)) == NULL) {
			snprintf(errbuf, ZB_ERRBUFSZ, "-Z %s: no such user",
			    user);
			return -1;
		}
		if (setgroups(0, NULL) == -1 ||
		    setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) == -1 ||
		    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) == -1) {
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot become %s: %s",
			    user, strerror(errno));
			return -1;
		}
		if (pw->pw_uid != 0 && setuid(0) != -1) {
			snprintf(errbuf, ZB_ERRBUFSZ, "could regain root "
			    "after becoming %s", user);
			return -1;
		}
	}
	if (priv_clear_caps(errbuf) == -1)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot set no_new_privs: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
