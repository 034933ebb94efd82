"""The common core: project paths, errors, table definitions, YAML and the published CSV format."""
