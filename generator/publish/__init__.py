"""Build machinery: the full build, the MkDocs hook and shards, search index, live preview and reuse."""
