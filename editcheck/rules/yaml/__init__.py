"""YAML extension points: rules written as data (Vale's ``extends:`` model, for news)."""
