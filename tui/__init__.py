"""The quotecheck review UI (Textual): a fact-checker's desk in the terminal."""
