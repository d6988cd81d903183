"""Site search in Dutch over articles, blog posts, speakers and whitepapers.

`text` splits, folds and stems Dutch words (no Django); `backends` holds what differs
between PostgreSQL and SQLite; `indexing` keeps the index in step with the content;
`results` answers a query with a page of ranked, highlighted hits.
"""
