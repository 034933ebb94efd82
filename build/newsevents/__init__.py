"""Build, validate and publish the news-derived event dataset."""
