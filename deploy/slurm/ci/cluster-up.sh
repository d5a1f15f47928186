#!/usr/bin/env bash
# Starts a one-node Slurm cluster (munge + slurmctld + slurmd) on this machine, for CI and for
# trying the job array locally. Needs Debian's slurm-wlm, slurm-client and munge installed, and root.
# No systemd here, so the daemons are started by hand; their PIDs go to $STATE/pids so that
# cluster-down.sh stops exactly these processes (never by name: other Slurm daemons are not ours).
# The configuration and its traps are recorded in ../shared/docs/SLURM.md.
set -euo pipefail
STATE=${GASNET_SLURM_STATE:-/run/gasnet-slurm}
mkdir -p "$STATE"
: >"$STATE/pids"

host=$(hostname -s)
# The node line is what slurmd measures on this machine (CPUs, memory), minus the start-up time.
hw=$(slurmd -C | head -n1 | sed -e 's/^NodeName=[^ ]* //')

mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /run/slurm /var/log/slurm
chown slurm:slurm /var/spool/slurmctld /run/slurm /var/log/slurm
cat >/etc/slurm/slurm.conf <<CONF
ClusterName=gasnet-ci
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=slurm
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MailProg=/bin/true
MinJobAge=300
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=${host} NodeAddr=127.0.0.1 ${hw} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF

mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
[ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key; }
setsid setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground >/var/log/slurm/munged.out 2>&1 &
echo "munged $!" >>"$STATE/pids"
for _ in $(seq 50); do [ -S /run/munge/munge.socket.2 ] && break; sleep 0.1; done

setsid /usr/sbin/slurmctld -D >/var/log/slurm/slurmctld.out 2>&1 &
echo "slurmctld $!" >>"$STATE/pids"
for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.2; done

setsid /usr/sbin/slurmd -D >/var/log/slurm/slurmd.out 2>&1 &
echo "slurmd $!" >>"$STATE/pids"
for _ in $(seq 150); do
  st=$(sinfo -h -o %T 2>/dev/null || true)
  [ "$st" = idle ] && { echo "slurm: node $host idle"; exit 0; }
  sleep 0.2
done
echo "slurm: node did not become idle (sinfo says '${st:-nothing}'); logs in /var/log/slurm" >&2
exit 1
