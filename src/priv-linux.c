/*
 * The Linux part of dropping privileges (priv.c does the user switch):
 * a process that only had file capabilities (setcap) clears them all,
 * ambient ones included, and no_new_privs is set so that nothing exec'd
 * later regains any (prctl(2), capabilities(7)).
 */
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include <linux/capability.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "priv.h"

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

/* After the user switch: no capability left, none to be had again. */
int
priv_seal(char *errbuf)
{
	if (priv_clear_caps(errbuf) == -1)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot set no_new_privs: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
