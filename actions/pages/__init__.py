"""The pages for readers: episodes, states, the landing page's data, and the
pictures they show (server-drawn SVG, no script, nothing from another host)."""
