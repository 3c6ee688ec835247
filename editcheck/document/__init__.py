"""Drafts as documents: front matter and blocks with original offsets."""
