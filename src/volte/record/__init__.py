"""What is built across articles: clusters, timelines, reversals."""
