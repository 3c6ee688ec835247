"""The rule API, the rule registry, YAML extension points and built-in code rules.

Not to be confused with the top-level ``rules/`` folder, which holds YAML rule packs (data).
"""
