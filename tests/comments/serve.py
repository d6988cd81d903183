"""Serve the site for the concurrency test: Django's threaded development server, with a
listen backlog like a production server's.

`manage.py runserver` listens with a backlog of 10 connections, so 200 readers arriving in
the same instant get "connection reset" from the operating system before Django sees them;
production servers (gunicorn, uwsgi) queue hundreds. Usage: python -m tests.comments.serve PORT
"""

import sys

import django


def main(port: int) -> None:
    django.setup()
    from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application, run

    class Server(WSGIServer):
        request_queue_size = 1024

    run("127.0.0.1", port, get_internal_wsgi_application(), threading=True, server_cls=Server)


if __name__ == "__main__":
    main(int(sys.argv[1]))
