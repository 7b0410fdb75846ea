"""Screens of the review UI: the review desk, the article, a transcript, dialogs, help."""
