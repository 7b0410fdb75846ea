"""Reports: findings as text, Markdown, JSON and YAML, and the reviewer's decisions."""
