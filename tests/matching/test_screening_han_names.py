"""Chinese company names in Han script and in pinyin, as lists and customer files write them.

Names: the registered Chinese names of three companies on the US non-SDN CMIC list (OFAC, public domain) as
OpenSanctions publishes them as aliases: Hikvision 杭州海康威视数字技术股份有限公司, SenseTime 商汤集团有限公司
(商湯集團有限公司 in its Hong Kong filings, traditional characters), Megvii 北京旷视科技有限公司. A customer file may
write the Han name, its pinyin ("Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi"), another Chinese legal
form (有限公司 for 股份有限公司) or the short name (海康威视). Each Han character is one pinyin syllable
(ontology.names.normalize_name) and the Chinese company forms are legal forms (ontology/data/legal_forms.tsv).
"""

import pytest

from redflag.matching.screening import Candidate, Screener

HIKVISION, SENSETIME, MEGVII, DAHUA = "hikvision", "sensetime", "megvii", "dahua"
WORLD = [
    Candidate(id=HIKVISION, name="HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", aliases=["杭州海康威视数字技术股份有限公司"],
              countries=["CN"], lists=["NS-CMIC"]),
    Candidate(id=SENSETIME, name="SENSETIME GROUP LIMITED", aliases=["商汤集团有限公司"], countries=["CN"],
              lists=["NS-CMIC"]),
    Candidate(id=MEGVII, name="MEGVII TECHNOLOGY LIMITED", aliases=["北京旷视科技有限公司"], countries=["CN"],
              lists=["NS-CMIC"]),
    Candidate(id=DAHUA, name="ZHEJIANG DAHUA TECHNOLOGY CO., LTD.", aliases=["浙江大华技术股份有限公司"], countries=["CN"],
              lists=["EL"]),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(WORLD)


@pytest.mark.parametrize(("query", "expected"), [
    ("Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi", HIKVISION),
    ("HANGZHOU HAIKANG WEISHI SHUZI JISHU CO LTD", HIKVISION),
    ("杭州海康威视数字技术有限公司", HIKVISION),
    ("海康威视", HIKVISION),
    ("商湯集團有限公司", SENSETIME),
    ("北京旷视科技有限公司", MEGVII),
    ("Beijing Kuangshi Keji Youxian Gongsi", MEGVII),
])
def test_han_and_pinyin_spellings_match_the_listed_company(screener, query, expected):
    result = screener.screen(query, country="CN")
    assert result.matches, f"{query!r} came back clear"
    assert result.matches[0].id == expected
    assert result.matches[0].score >= screener.match_threshold


@pytest.mark.parametrize("query", ["杭州海康汽车技术有限公司", "浙江宇视科技有限公司"])
def test_other_chinese_companies_of_the_same_trade_do_not_match(screener, query):
    """Hikauto (杭州海康汽车技术), Uniview (浙江宇视科技): other companies; not matches."""
    matches = screener.screen(query, country="CN").matches
    assert all(m.id not in (HIKVISION, DAHUA, MEGVII) for m in matches), [(m.id, m.score) for m in matches]
