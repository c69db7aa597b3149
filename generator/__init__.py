"""Park Yearbook: turns curated YAML about high-tech parks into a static yearbook site."""
