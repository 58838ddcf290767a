"""archiver: extract the URLs a text cites, capture them into WARC files, read their
text, and report which links are dead, redirected, soft-404, blocked or changed."""

__version__ = "0.1.0"
USER_AGENT = f"archiver/{__version__} (+https://github.com/archiver-project/archiver)"
