"""Demo content for `manage.py load_demo_content` (what `make run` shows).

`loader` creates the Dutch demo content of `content` (pictures from `images`, PDFs from
`pdf`) where it is missing and never changes what exists; `admin_user` makes a demo
administrator on development machines.
"""
