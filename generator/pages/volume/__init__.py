"""The printed volume of a year: its content, its charts, its typesetting and the store of typeset volumes."""
