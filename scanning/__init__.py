"""Digitisation (số hóa): scanner sources, clean-up, quality gate, PDF assembly, signing (issue 5)."""
