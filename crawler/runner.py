"""Run a crawl of catalog sources in this process (one Scrapy reactor): ``python -m crawler.runner``.

The application layer starts this module in a child process, so that each crawl gets a fresh
reactor; progress is printed as JSON lines on stdout when ``--progress`` is given. SIGINT stops the
crawl gracefully: spiders close with reason ``shutdown`` and their runs are marked ``interrupted``.
"""

from __future__ import annotations

import argparse
import os
import signal
import threading
import time
from pathlib import Path

from crawler.sources import Source, SourceError, load_sources, merge_catalogs, select

SPIDER_PATHS = {
    "hrr": "crawler.spiders.hrr.HrrSpider",
    "ngo": "crawler.spiders.ngo.NgoSpider",
    "research": "crawler.spiders.research.ResearchSpider",
    "feeds": "crawler.spiders.feeds.FeedsSpider",
    "lists": "crawler.spiders.lists.ListsSpider",
    "site": "crawler.spiders.site.SiteSpider",
    "link": "crawler.spiders.link.LinkSpider",
}


def crawl(
    sources: list[Source],
    archive_dir: Path,
    *,
    since: str | None = None,
    country_lookup: str = "",
    progress: bool = False,
    overrides: dict[str, str] | None = None,
) -> None:
    """Crawl SOURCES into the archive at ARCHIVE_DIR; returns when every spider has closed."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.misc import load_object
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("REDFLAG_ARCHIVE_DIR", str(archive_dir), priority="cmdline")
    settings.set("REDFLAG_COUNTRY_LOOKUP", country_lookup, priority="cmdline")
    settings.set("REDFLAG_PROGRESS", progress, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings, install_root_handler=True)
    for source in sources:
        base = load_object(SPIDER_PATHS[source.spider])
        # per-source politeness: a subclass carrying the source's own settings (Scrapy's custom_settings)
        custom = {
            **(base.custom_settings or {}),
            "CONCURRENT_REQUESTS_PER_DOMAIN": source.concurrency,
            "DOWNLOAD_DELAY": source.download_delay,
        }
        spidercls = type(base.__name__, (base,), {"custom_settings": custom})
        process.crawl(spidercls, source=source.to_dict(), since=since)
    process.start()


def stop_with_parent(interval: float = 0.5) -> None:
    """Stop this crawl gracefully (SIGTERM: runs end ``interrupted``) if the process that started it dies.

    The caller serves the sample site and reads the progress lines; killed with ``kill -9`` it cannot pass
    a signal on, and an orphaned crawl would go on writing errors into the archive beside the next run.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m crawler.runner", description=__doc__)
    p.add_argument("--archive", required=True, type=Path)
    p.add_argument("--sources", type=Path, default=None, help="catalog file (default: crawler/sources.toml)")
    p.add_argument("--user-sources", type=Path, default=None, help="the analyst's catalog, merged after --sources")
    p.add_argument("--base-url", default="", help="expands {base} in the catalog's URLs")
    p.add_argument("--canonical-base", default="", help="archive URLs under this base instead of --base-url")
    p.add_argument("--only", nargs="*", default=[], help="source ids (default: all)")
    p.add_argument("--since", default=None)
    p.add_argument("--country-lookup", default="")
    p.add_argument("--progress", action="store_true")
    p.add_argument("--revalidate", action="store_true",
                   help="request every page (conditional requests), also leaf pages whose archived copy is fresh")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    args = p.parse_args(argv)
    stop_with_parent()
    try:
        catalog = load_sources(args.sources) if args.sources else load_sources()
        if args.user_sources is not None and args.user_sources.exists():
            catalog = merge_catalogs(catalog, load_sources(args.user_sources), args.user_sources)
        chosen = [s.with_base(args.base_url) if args.base_url else s for s in select(catalog, args.only)]
    except SourceError as exc:
        p.error(str(exc))
    overrides = dict(item.split("=", 1) for item in args.set)
    if args.revalidate:
        overrides["REDFLAG_REVALIDATE"] = "True"
    if args.canonical_base and args.base_url:
        overrides.update(REDFLAG_LIVE_BASE=args.base_url, REDFLAG_CANONICAL_BASE=args.canonical_base)
    crawl(chosen, args.archive, since=args.since, country_lookup=args.country_lookup, progress=args.progress,
          overrides=overrides)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
