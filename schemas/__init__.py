"""The data contracts (pandera YAML), shipped inside the package as ``cleaner.schemas``."""
