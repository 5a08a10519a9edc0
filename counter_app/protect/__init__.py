"""Data protection: the data key, its wrapping by the office password, and encryption of the database and files."""
