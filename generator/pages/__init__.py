"""Assemble, render and write the site's pages, charts and downloads: the only writer of docs/."""
