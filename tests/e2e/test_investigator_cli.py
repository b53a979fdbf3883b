"""The investigator's command line on the demo world in a real embedded FalkorDB, one child process per command:
find and show by name or id (real OFAC SDN entries the demo loads from the sample site's list), the shared
name-or-id resolver of --party/--entity options, path text in names, and the clear answers of monitor (an
alert it could not deliver), report (an output named for another format), resolve and decide.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("REDFLAG_")}
    full.update({"REDFLAG_USER": "investigator", **(env or {})})
    return subprocess.run([sys.executable, "-m", "redflag", "--data-dir", str(data_dir), *args], env=full,
                          capture_output=True, text=True, timeout=900, cwd=ROOT)


def ok(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    res = run(data_dir, *args)
    assert res.returncode == 0, res.stderr
    return res


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data_dir = tmp_path_factory.mktemp("investigator")
    assert "transactions:" in ok(data_dir, "demo", "--no-ui").stdout
    yield data_dir
    falkordb_server.stop(data_dir / "graph")


def closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_find_scores_a_real_ofac_name_and_its_variant(demo: Path) -> None:
    exact = json.loads(ok(demo, "find", "CYTROX HOLDINGS ZRT", "--json").stdout)["candidates"]
    top = exact[0]
    assert top["name"].upper().startswith("CYTROX HOLDINGS") and top["score"] >= 0.9
    assert "SDN" in top["lists"] and "list" in top["origin"] and top["schema"]
    variant = json.loads(ok(demo, "find", "Cytrox Holdings Zrt.", "--json").stdout)["candidates"]
    assert variant[0]["id"] == top["id"]
    assert isinstance(variant[0]["explanation"], dict)  # the match features as an object, not a text
    text = ok(demo, "find", "Intellexa Ltd").stdout
    assert "INTELLEXA" in text.upper() and "SDN" in text and "origin: " in text


@pytest.mark.slow
def test_show_by_id_and_by_name_give_the_same_entity(demo: Path) -> None:
    top = json.loads(ok(demo, "find", "CYTROX HOLDINGS ZRT", "--json").stdout)["candidates"][0]
    by_id = json.loads(ok(demo, "show", top["id"], "--json").stdout)
    named = run(demo, "show", top["name"], "--json")
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout)["id"] == by_id["id"] == top["id"]
    assert "using the entity named" in named.stderr  # said which entity the name was taken to mean
    assert by_id["listings"] and by_id["listings"][0]["list_version"] is not None
    assert by_id["listings"][0]["list_version"]["sha256"]
    text = ok(demo, "show", top["id"]).stdout
    for part in ("lists and programmes:", "list version", "neighbours:", "mentions ("):
        assert part in text, text


@pytest.mark.slow
def test_an_ambiguous_name_lists_the_candidates_and_exits_non_zero(demo: Path) -> None:
    res = run(demo, "show", "Cytrox")
    assert res.returncode == 1
    ids = re.findall(r"^  (\S+)  ", res.stderr, flags=re.M)
    assert len(ids) >= 2, res.stderr
    assert "matches" in res.stderr and "give one of these ids" in res.stderr
    unknown = run(demo, "paths", "--party", "Nobody Whatsoever Trading Qqq")
    assert unknown.returncode == 1 and "no entity" in unknown.stderr


@pytest.mark.slow
def test_paths_take_a_party_name_and_read_in_names_without_repeats(demo: Path) -> None:
    parties = json.loads(ok(demo, "paths", "--transaction", "DEMO-DIVERSION", "--json").stdout)["paths"]
    start = parties[0]["nodes"][1]  # the first party after the exporter
    by_id = json.loads(ok(demo, "paths", "--party", start["id"], "--json").stdout)
    res = run(demo, "paths", "--party", start["name"], "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == by_id
    text = ok(demo, "paths", "--transaction", "DEMO-DIVERSION").stdout
    lines = [ln for ln in text.splitlines() if not ln.startswith("      ")]
    assert lines
    for ln in lines:
        names = [n.strip() for n in re.split(r" (?:->|<-) (?:\[[a-z ]+\] )?", ln[15:])]  # after "risk band "
        assert len(names) >= 2, ln
        assert all(a != b for a, b in zip(names, names[1:], strict=False)), ln
        assert not re.search(r"\bent-[0-9a-f]{6,}", ln), ln
    assert len(lines) == len(set(lines)), "a path shown twice"


@pytest.mark.slow
def test_explanations_say_whose_record_an_address_is_and_repeat_no_word(demo: Path, tmp_path: Path) -> None:
    # In DEMO-DIVERSION the supply chain reaches the Helix Integrators LLC extracted from a report; the shared
    # address is held by the list record of that name, linked to it only as a candidate duplicate.
    flags = json.loads(ok(demo, "flags", "--transaction", "DEMO-DIVERSION", "--json").stdout)["findings"]
    div09 = next(f["explanation"] for f in flags if f["rule"] == "DIV-09")
    # the address belongs to another record of Helix (a list or a deal record), linked only as a candidate
    assert re.search(r"\(of the (list|deal) record Helix Integrators LLC, candidate duplicate \(score", div09), div09
    assert "not confirmed" in div09 and div09.count("4th Floor, Corniche Tower") == 1, div09
    s1 = next(f["explanation"] for f in flags if f["rule"] == "DOS-S1")
    assert "Meridian Freight Services FZE -> Meridian Freight Services FZE" not in s1, s1
    ok(demo, "report", "--transaction", "DEMO-DIVERSION", "--format", "md", "--out", str(tmp_path / "r.md"))
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    for text in [f["explanation"] for f in flags] + [report]:
        assert not re.search(r"\b(\w{4,}), \1\b", text, flags=re.I), text[:300]
    assert not re.search(r"Concerns: [^.]*\bent-[0-9a-f]{8}", report)  # names, not internal ids


@pytest.mark.slow
def test_resolve_and_decide_confirm_in_words_and_in_json(demo: Path) -> None:
    flags = json.loads(ok(demo, "flags", "--transaction", "DEMO-DIVERSION", "--json").stdout)
    fid = flags["findings"][0]["id"]
    res = ok(demo, "resolve", fid, "--status", "confirmed", "--reason", "checked the source", "--by", "ana").stdout
    assert res.startswith(f"recorded: finding {fid} confirmed by ana") and "checked the source" in res
    res = json.loads(ok(demo, "resolve", fid, "--status", "mitigated", "--reason", "licence condition",
                        "--by", "ana", "--json").stdout)
    assert res["finding"] == fid and res["status"] == "mitigated"
    res = ok(demo, "decide", "--transaction", "DEMO-DIVERSION", "--decision", "hold", "--reason", "end-user unclear",
             "--by", "ana").stdout
    assert res.startswith("recorded: transaction DEMO-DIVERSION hold by ana")
    dec = json.loads(ok(demo, "decide", "--transaction", "DEMO-DIVERSION", "--decision", "refuse", "--reason", "x",
                        "--by", "ana", "--json").stdout)
    assert dec["decision"] == "refuse"


@pytest.mark.slow
def test_report_warns_when_the_file_name_says_another_format(demo: Path, tmp_path: Path) -> None:
    res = ok(demo, "report", "--transaction", "DEMO-DIVERSION", "--format", "md", "--out", str(tmp_path / "r.pdf"))
    assert "warning:" in res.stderr and ".pdf" in res.stderr and "--format md" in res.stderr
    assert (tmp_path / "r.pdf").read_text(encoding="utf-8").startswith("#")  # written as asked: Markdown
    quiet = ok(demo, "report", "--transaction", "DEMO-DIVERSION", "--format", "md", "--out", str(tmp_path / "r.md"))
    assert "warning" not in quiet.stderr


@pytest.mark.slow
def test_monitor_exits_non_zero_when_an_alert_cannot_be_delivered(demo: Path) -> None:
    port = closed_port()
    env = {"REDFLAG_SMTP_HOST": "127.0.0.1", "REDFLAG_SMTP_PORT": str(port), "REDFLAG_ALERT_TO": "dd@exporter.test",
           "REDFLAG_ALERT_WEBHOOK": f"http://127.0.0.1:{port}/hook", "REDFLAG_ALERT_TIMEOUT": "3"}
    res = run(demo, "monitor", "--sample", "--updates", "--all-sources", env=env)
    assert "DEMO-MONITOR: DOS-P1" in res.stdout, res.stdout + res.stderr
    assert res.returncode == 1
    assert "not delivered" in res.stderr and "email" in res.stderr and "webhook" in res.stderr
    again = run(demo, "monitor", "--no-crawl", env=env)  # still pending: tried again, still failing
    assert again.returncode == 1 and "email" in again.stderr
    sent_nothing = run(demo, "monitor", "--no-crawl", "--no-send", env=env)
    assert sent_nothing.returncode == 0, sent_nothing.stderr
