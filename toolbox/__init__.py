"""The site's toolbox: building blocks that know no app of ours.

Uploads and their checks, images and their renditions (with the `picture` tag), the PDF
check, private storage, the sanitised rich-text field, the one-record model base, cache
versions and signing. Apps build on these; nothing here imports `articles`, `comments`
or `reuring` (import-linter checks it, see pyproject.toml).
"""
