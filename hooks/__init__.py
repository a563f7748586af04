"""Site logic for the KL14 legal-information site.

Every module here is plain Python that knows nothing of MkDocs, except
`site.py`, the one hook that wires MkDocs events to the others.
"""
