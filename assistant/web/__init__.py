"""The web workspace: server-rendered pages (Jinja2) over the same services as the API, Chinese by default."""
