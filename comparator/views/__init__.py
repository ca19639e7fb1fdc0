"""Format-neutral view models: what each view shows, decided once for every format."""
