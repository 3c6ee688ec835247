"""Allow ``python -m editcheck``."""

from editcheck.cli import main

main()
