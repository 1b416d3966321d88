"""PDF rendering: fonts, theme, the Markdown walker, custom flowables, blocks and the page layout
of the documents (render.py puts them together)."""
