"""Plain-Python helpers the gate tests share (link crawler, page sampling)."""
