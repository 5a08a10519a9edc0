"""One module per printed form; each turns a context dataclass from counter_app into PDF bytes."""
