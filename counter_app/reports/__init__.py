"""The office's figures: what happened to each dossier, per period, field and clerk, and the 766 estimate."""
