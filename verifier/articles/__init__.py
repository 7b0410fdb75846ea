"""Articles: loading text, Markdown, HTML and claims files, and the quotes with their credits."""
