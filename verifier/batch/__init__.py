"""Many articles into one JSONL report: a process pool on one machine, or a Dask cluster."""
