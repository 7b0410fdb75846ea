"""The corpus: transcripts in memory or in an index, one search-space protocol, and filters."""
