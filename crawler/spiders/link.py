"""One link (``redflag fetch URL``): a page or file, told by its content, archived and parsed.

HTML pages go through :func:`crawler.parsers.main_text.extract_main_text`, PDFs through the PDF parser,
and list files (:func:`crawler.parsers.sniff.sniff`) become a list item parsed in the archive pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from crawler.items import ListItem
from crawler.parsers.common import ParseError
from crawler.parsers.lists import DEFAULT_DATASETS, ListFile
from crawler.parsers.main_text import extract_main_text
from crawler.parsers.pdf import parse_pdf
from crawler.parsers.sniff import sniff
from crawler.spiders.base import SourceSpider


class LinkSpider(SourceSpider):
    name = "link"

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield self.fetch_item(response)
        what = sniff(response.body)
        url = self.archive_url(response.url)
        try:
            if what == "pdf":
                yield self.document(parse_pdf(response.body, response.url, self.meta, kind="pdf"))
            elif what == "html":
                yield self.document(
                    extract_main_text(response.body, response.url, self.meta, self.encoding(response),
                                      kind=str(self.source.extra.get("document_kind", "article")), min_chars=1)
                )  # fmt: skip
            elif what in DEFAULT_DATASETS:
                digest = hashlib.sha256(f"{url}\x1f{hashlib.sha256(response.body).hexdigest()}\n".encode())
                yield ListItem(source_id=self.source.id, key=self.source.id, dataset=DEFAULT_DATASETS[what],
                               fmt=what, sha256=digest.hexdigest(), files=[ListFile(name=url, data=response.body)])  # fmt: skip
            else:
                yield self.error(response.url, "not HTML, PDF or a list file this tool reads (ofac, csl, ftm, "
                                               "fiw, shutdowns); nothing parsed (the bytes are archived)")  # fmt: skip
        except ParseError as exc:
            yield self.error(response.url, str(exc))
