"""quotecheck: check quotes in news articles against official transcripts."""
