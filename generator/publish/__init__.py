"""Publishing the site: generate, the MkDocs build and its shards, the MkDocs plugin, search index, live preview."""
