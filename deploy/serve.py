"""Serve Reuring with production settings: `make serve` (HOST and PORT as for `make run`).

    .venv/bin/python deploy/serve.py --host 127.0.0.1 --port 8000

1. Production settings (DJANGO_DEBUG=false). Without DJANGO_SECRET_KEY, a key is generated
   once into var/secret-key (readable by this user only) and reused on every start, so
   sessions and signed links survive a restart. Without DJANGO_ALLOWED_HOSTS, the localhost
   names. On localhost only, no redirect to HTTPS (there is no TLS proxy in front).
2. `manage.py migrate`, `manage.py collectstatic` (hashed, compressed files for WhiteNoise)
   and `manage.py generateimages` (renditions an upgrade added, made once).
3. gunicorn with deploy/gunicorn.conf.py (2 x CPU cores + 1 sync workers) and the task
   worker (`manage.py db_worker`, the mail about comments) beside it. When one of them stops,
   or on Ctrl-C, both stop.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
LOCAL_HOSTS = "127.0.0.1,localhost,[::1]"


def secret_key(var_dir: Path) -> str:
    """The key from var/secret-key, made on the first start."""
    path = var_dir / "secret-key"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two starts at once cannot each write a different key.
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(64))
            print(f"Generated a secret key in {path}; keep it out of backups you share.")
    return path.read_text().strip()


def production_environment(host: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    var_dir = Path(env.get("REURING_VAR_DIR", ROOT / "var"))
    env["DJANGO_SETTINGS_MODULE"] = "reuring.settings"
    env["DJANGO_DEBUG"] = "false"
    if not env.get("DJANGO_SECRET_KEY"):
        env["DJANGO_SECRET_KEY"] = secret_key(var_dir)
    env.setdefault("DJANGO_ALLOWED_HOSTS", LOCAL_HOSTS)
    only_local = set(env["DJANGO_ALLOWED_HOSTS"].split(",")) <= set(LOCAL_HOSTS.split(","))
    if only_local:
        # Plain HTTP on this machine; behind a TLS proxy the redirect stays on.
        env.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    env.setdefault("REURING_SITE_URL", f"http://{host}:{port}")
    env["REURING_BIND"] = f"{host}:{port}"
    return env


def manage(env: dict[str, str], *args: str, quiet: bool = False) -> None:
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=output)


def supervise(processes: dict[str, subprocess.Popen]) -> int:
    """Wait until one process stops or we are asked to stop; then stop the others."""
    stopping = []

    def stop(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    code = 0
    while not stopping:
        ended = [name for name, process in processes.items() if process.poll() is not None]
        if ended:
            code = processes[ended[0]].returncode or 1
            print(f"{ended[0]} stopped (exit code {processes[ended[0]].returncode}).")
            break
        time.sleep(0.5)
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    for process in processes.values():
        try:
            process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0 if stopping else code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()

    env = production_environment(args.host, args.port)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    # Image files added by an upgrade (AVIF, focal-point crops) are made once, here.
    manage(env, "generateimages", quiet=True)
    processes = {
        "task worker": subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--no-reload", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
        ),
        "gunicorn": subprocess.Popen(
            [GUNICORN, "--config", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env
        ),
    }
    print(
        f"Serving on http://{args.host}:{args.port}/ with production settings "
        f"(health: /gezond/); Ctrl-C stops the server and the task worker."
    )
    return supervise(processes)


if __name__ == "__main__":
    sys.exit(main())
