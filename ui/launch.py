"""Start Streamlit on ui/app.py so that every first request, deep links included, gets the app's navigation.

Streamlit treats a ``pages/`` folder next to the main script as a classic multipage app until
``st.navigation`` has been called once in the server process (``PagesManager.uses_pages_directory``, Streamlit
1.4x+): until then a deep link such as ``/transactions?transaction=ID`` ran ``ui/pages/transactions.py``
directly, with a navigation of raw file names. ui/app.py always calls ``st.navigation``, so the flag is set
to what it would become anyway before the server starts. ``redflag ui`` runs ``python -m ui.launch run ...``
with the arguments of ``streamlit run``.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv[0] = "streamlit"
    cli.main()


if __name__ == "__main__":
    main()
