"""Optional language checks: LanguageTool grammar (EC510, EC511) and Hunspell spelling (EC520).

Both families are off by default and cost nothing when off: :mod:`editcheck.grammar.settings`
is the only module imported on a normal run; ``language_tool_python`` and ``hunspell`` are
imported (and the dictionary loaded) only when a rule of the family actually runs.

* :mod:`~editcheck.grammar.settings` -- ``grammar:`` / ``spelling:`` config, opt-in filtering,
  run notices.
* :mod:`~editcheck.grammar.prose` -- the prose text sent to LanguageTool with a map back to
  the draft, and UTF-16 <-> code point conversion.
* :mod:`~editcheck.grammar.languagetool` -- the LanguageTool session (language-tool-python).
* :mod:`~editcheck.grammar.hunspell` -- the Hunspell dictionary and Arabic word keys.
"""
