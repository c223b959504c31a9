"""The pages of `volte serve` (pages.py), their stance charts (charts.py), templates and static files."""
