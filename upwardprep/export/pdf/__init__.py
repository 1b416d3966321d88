"""PDF rendering: the theme, the Markdown walker and the page layout of the documents."""
