"""The crawler: Scrapy spiders per source family, pure parsers, and the content-addressed archive."""
