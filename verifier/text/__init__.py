"""Text as words with offsets: tokens, decoding user files, the shipped word lists."""
