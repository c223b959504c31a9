"""Language processing: quotations, their speakers and dates, over spaCy documents."""
