"""The working group's workspace: accounts and roles, drafts with versions, comments, corpus uploads.

The HTTP API and the web pages are thin edges over these services; the CLI uses them too.
"""
