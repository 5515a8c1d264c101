/*
 * The system calls cap-bpf.c makes, and nothing else: open a BPF device,
 * ioctl, poll, read, close.  Two files implement it: bpfsys-freebsd.c
 * (the kernel's /dev/bpf; built on FreeBSD only) and bpfsys-fake.c (a
 * table of the same calls run by zmodel.c with the kernel's error rules,
 * so the backend runs end to end on Linux).  Each call returns what the
 * system call would, with errno set on failure.  bpfsys_limit() narrows
 * the descriptor to reading, polling and the ioctls listed (Capsicum's
 * cap_rights_limit and cap_ioctls_limit; a kernel without Capsicum is
 * not an error).  bpfsys_ifdrops() reads an interface's input drops
 * (getifaddrs(3), if_data's ifi_iqdrops).
 */
#ifndef ZBTOP_BPFSYS_H
#define ZBTOP_BPFSYS_H

#include <stddef.h>
#include <sys/types.h>

int	 bpfsys_open(void);
int	 bpfsys_ioctl(int, unsigned long, void *);
int	 bpfsys_poll(int, int, int);
ssize_t	 bpfsys_read(int, void *, size_t);
int	 bpfsys_limit(int, const unsigned long *, size_t);
int	 bpfsys_ifdrops(const char *, unsigned long long *);
void	 bpfsys_close(int);

/* Only the fake has these: the test's hands on the "kernel". */
struct zmodel;
void	 bpfsys_fake_reset(int);
int	 bpfsys_fake_put(const void *, unsigned, long long, unsigned);
struct zmodel *bpfsys_fake_model(void);
void	 bpfsys_fake_fail(unsigned long, int);
void	 bpfsys_fake_ifdrops(unsigned long long);
unsigned long bpfsys_fake_calls(unsigned long);

#endif /* ZBTOP_BPFSYS_H */
