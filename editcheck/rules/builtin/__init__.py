"""Built-in code rules, one module per rule; each module exposes ``RULE``."""
