"""Scrapy settings for the redflag crawler (``SCRAPY_SETTINGS_MODULE=crawler.settings``).

Per-source concurrency and delay come from the source catalog and are applied per crawler by
``crawler.runner``. ``REDFLAG_*`` settings are ours: the archive folder, the country lookup and
whether to print progress lines.
"""

BOT_NAME = "redflag"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "redflag/0.1 (+https://github.com/redflag-hrdd/redflag; contact: redflag-crawler@example.org)"
ROBOTSTXT_OBEY = True

# Politeness: adapt to the server, never hammer it.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
# Items handled in parallel per response. Scrapy starts this many asyncio worker tasks for the output of every
# callback (scrapy.utils.asyncio._parallel_asyncio), however few items it holds; the archive pipeline is
# synchronous (one SQLite transaction per item), so more workers only cost task switches. Scrapy's default of
# 100 made them most of the per-response cost of a crawl (docs/PERFORMANCE.md, Crawl).
CONCURRENT_ITEMS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.0

# Limits.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

# Retries on 5xx and timeouts, with exponential backoff (crawler.middlewares.BackoffRetryMiddleware).
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.ConditionalRequestMiddleware": 560,
}
# Leaf pages whose archived response is still fresh (RFC 9111 freshness, crawler.freshness) are not requested.
SPIDER_MIDDLEWARES = {"crawler.middlewares.FreshnessMiddleware": 950}
ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}

HTTPCACHE_ENABLED = False  # the archive plays this role; enable for development only
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

REDFLAG_ARCHIVE_DIR = "data/archive"
REDFLAG_COUNTRY_LOOKUP = ""  # "module:callable" name -> ISO alpha-2 or None; empty: ontology.countries:country_code
REDFLAG_PROGRESS = False  # print one JSON line per archived item on stdout
REDFLAG_LIVE_BASE = ""  # with REDFLAG_CANONICAL_BASE: archive URLs under a stable base (sample server)
REDFLAG_CANONICAL_BASE = ""
REDFLAG_REVALIDATE = False  # True (redflag crawl --revalidate): request every page, fresh or not (conditional)
