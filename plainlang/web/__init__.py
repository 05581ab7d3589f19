"""`plainlang serve`: a page on this computer where a letter is dropped and its findings shown.

The page has no rule logic. `letters.py` runs the engine and the JSON reporter on an upload;
`server.py` is the HTTP side (standard library only); `static/` is the page itself.
"""
