"""Reports: the per-transaction due-diligence report (Markdown, HTML, PDF) and the public annual report."""
