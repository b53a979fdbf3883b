"""The redflag investigation UI: ``redflag ui`` runs ``streamlit run ui/app.py``.

Pages live in ui/pages/; they call services only. The data folder comes from REDFLAG_DATA_DIR.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from graph.errors import StoreError
from ui.auth import require_login, sidebar_account, signed_in
from ui.common import settings, sidebar_user

HERE = Path(__file__).parent

PAGES = [
    ("pages/overview.py", "Overview", ":material/dashboard:"),
    ("pages/search.py", "Search & profile", ":material/search:"),
    ("pages/network.py", "Network explorer", ":material/hub:"),
    ("pages/paths.py", "Diversion paths", ":material/route:"),
    ("pages/transactions.py", "Transactions", ":material/receipt_long:"),
    ("pages/review.py", "Review queue", ":material/fact_check:"),
    ("pages/sources.py", "Sources", ":material/cloud_sync:"),
    ("pages/reports.py", "Reports", ":material/description:"),
    ("pages/screen_name.py", "Screen a name", ":material/person_search:"),
    ("pages/screening.py", "Bulk screening", ":material/playlist_add_check:"),
    ("pages/items.py", "Item register", ":material/inventory_2:"),
    ("pages/grievances.py", "Grievances", ":material/report:"),
    ("pages/monitoring.py", "Monitoring alerts", ":material/notifications:"),
]


def main() -> None:
    # a local icon: ":material/...:" or emoji favicons are fetched by the browser from an outside host
    st.set_page_config(page_title="redflag", page_icon=str(HERE / "assets" / "flag.png"), layout="wide")
    pages = [st.Page(str(HERE / path), title=title, icon=icon) for path, title, icon in PAGES]
    # navigation first (so Streamlit never falls back to running ui/pages/*.py on their own), hidden until signed in
    nav = st.navigation(pages, position="sidebar" if signed_in() else "hidden")
    who = (
        require_login()
    )  # a sign-in form and nothing else until the session is authenticated (if configured)
    if who is None:
        sidebar_user()
    else:
        sidebar_account(who)
    st.sidebar.caption(f"Data folder: {settings().data_dir}")
    try:
        nav.run()
    except StoreError as exc:
        # the database went away mid-page (stopped or killed): say so; the store reconnects on the next load
        st.error(f"{exc}. Reload the page to reconnect; if this persists, run `redflag status`.")


main()
