"""The review screen's panes: quote list, aligned diff, attribution, context."""
