"""gunicorn's configuration for Reuring (`make serve`, the benchmark, the two-server check).

    gunicorn -c deploy/gunicorn.conf.py reuring.wsgi:application

Workers: sync workers, 2 x CPU cores + 1 (gunicorn's own rule of thumb), or WEB_CONCURRENCY.
A page is mostly Python work (template rendering), so one worker per core keeps the cores
busy; the second per core takes over while another waits on PostgreSQL or Redis, and the
+1 covers the moment a worker is restarted. More only adds memory (about 80 MB each) and
queueing. Sync workers need a buffering proxy in front (nginx, a load balancer): a slow
reader then never holds a worker. Extra flags: GUNICORN_CMD_ARGS (e.g. "--access-logfile -").
"""

import os


def cpu_cores() -> int:
    # The cores this process may run on (a container's affinity), not the machine's total.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


wsgi_app = "reuring.wsgi:application"
bind = os.environ.get("REURING_BIND", "127.0.0.1:8000")
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * cpu_cores() + 1))
# Django is loaded once and the workers are forked from it: less memory, faster restarts.
preload_app = True
timeout = 30
graceful_timeout = 30
# Readers arriving in the same instant wait in the queue instead of being refused.
backlog = 2048
# Several gunicorns may run on one machine (two app servers, the benchmark); none needs
# the control socket, and they would all claim the same default path.
control_socket_disable = True
# The workers' heartbeat files in memory, not on a disk that may stall (containers).
if os.path.isdir("/dev/shm"):  # noqa: S108 (files of our own workers only)
    worker_tmp_dir = "/dev/shm"  # noqa: S108
# The proxy logs requests; errors go to the console.
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
