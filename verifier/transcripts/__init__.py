"""Transcripts: the formats they come in, who speaks each turn, and reporters' names."""
