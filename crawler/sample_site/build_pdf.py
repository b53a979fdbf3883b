"""Write the sample NGO report's full-text PDF (``faces-in-the-crowd.pdf``) with fpdf2.

The PDF carries findings that the HTML summary page does not: the procurement annex, the shipping
records that put Meridian Freight Services FZE between the Port Meridian Free Zone and Helix Integrators
LLC, and the ownership link from Helix Security Holdings to Strata Communications. All of it is fictional.
The text uses the core Helvetica font, so it must stay within Latin-1 (plain quotes and hyphens).

Run: ``.venv/bin/python crawler/sample_site/build_pdf.py`` (rewrites the PDF; the output is deterministic).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

OUT = (
    Path(__file__).resolve().parent
    / "site"
    / "ngo"
    / "reports"
    / "faces-in-the-crowd"
    / "faces-in-the-crowd.pdf"
)

TITLE = "Faces in the Crowd"
SUBTITLE = "Facial Recognition and the Punishment of Protest in the Ostrava Republic"
PUBLISHED = datetime(2025, 11, 18, 9, 0, tzinfo=UTC)

# (heading, paragraphs). A heading starting with "#" is a chapter, "##" a sub-heading.
CHAPTERS: list[tuple[str, list[str]]] = [
    (
        "# Summary",
        [
            "Between October 10 and November 6, 2025, the Civil Liberties Observatory interviewed 53 people in the "
            "Ostrava Republic and in exile who were identified, summoned, fined, detained or dismissed from their "
            "jobs after taking part in peaceful protests against the conduct of the October 5 parliamentary "
            "election. In 38 of these cases, officials of the State Security Directorate (SSD) or the police showed "
            "the person still images from Kessel's surveillance cameras annotated with match scores produced by "
            "facial-recognition software.",
            "According to procurement records reviewed by the Civil Liberties Observatory, Helix Integrators LLC, "
            "a systems integrator registered in Calder, installed the facial-recognition cameras on Unity Square "
            "and in 14 metro stations in Kessel and holds a maintenance and support contract that runs until 2027.",
        ],
    ),
    (
        "# I. Additional Findings",
        [],
    ),
    (
        "## Shipping records",
        [
            "Bills of lading and transit declarations seen by the Civil Liberties Observatory show that at least "
            "four consignments described as 'video analytics servers and software licences' were shipped between "
            "March 2023 and August 2024 from a bonded warehouse in the Port Meridian Free Zone to Kessel. The "
            "shipper on all four documents is Meridian Freight Services FZE, a freight forwarder licensed in the "
            "free zone, and the consignee is Helix Integrators LLC at a warehouse address on Tram Depot Road in "
            "Kessel. None of the documents names the manufacturer of the software.",
            "Two of the consignments arrived in Kessel less than three weeks before new cameras were switched on "
            "at metro stations, according to the city administration's own announcements.",
        ],
    ),
    (
        "## The monitoring center",
        [
            "Two former municipal employees told us that the face-search function is operated from a monitoring "
            "center inside the SSD headquarters on Varnak Street. One of them said that engineers employed by "
            "Helix Integrators LLC visited the center every week during the October 2025 protests to 'tune the "
            "watchlists' and to add cameras to the search. The State Security Directorate used the system to "
            "identify protesters and journalists, who were then summoned for questioning.",
        ],
    ),
    (
        "## Corporate links",
        [
            "Company registry records in Calder show that Helix Integrators LLC and Helix Security Holdings share "
            "a director, D. Varga, and a registered address: 4th Floor, Corniche Tower, 18 Admiralty Road, Port "
            "Meridian. Helix Security Holdings owns 60 percent of Strata Communications, a telecommunications "
            "equipment company that researchers have linked to the supply of mobile-phone interception equipment "
            "to the SSD, and which the United States added to its Entity List in September 2025.",
        ],
    ),
    (
        "# II. Testimonies",
        [
            "'They did not ask whether I was there. They told me I was there, and showed me the picture.' - "
            "Student, 19, detained for 10 days after the October 9 protest.",
            "'I was filming for my outlet with a press card around my neck. Two days later the SSD called me and "
            "read out the time I entered the metro.' - Journalist, Kessel.",
        ],
    ),
    (
        "# Annex: Procurement Records",
        [
            "KCA-2022-031 (June 2022): video surveillance with facial recognition, Unity Square and approaches; "
            "contractor Helix Integrators LLC; value 6.2 million Ostravan crowns.",
            "KCA-2023-088 (April 2023): facial-recognition cameras, metro stations, phase 1 (8 stations); "
            "contractor Helix Integrators LLC; value 7.9 million crowns.",
            "KCA-2024-117 (May 2024): facial-recognition cameras, metro stations, phase 2 (6 stations), with "
            "maintenance and technical support until December 2027; contractor Helix Integrators LLC; value "
            "7.1 million crowns.",
            "The contracting authority on all three records is the Kessel city administration, 'acting on the "
            "technical requirements of the competent state security body'.",
        ],
    ),
]


def build(path: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(PUBLISHED)
    pdf.set_title(TITLE)
    pdf.set_author("Civil Liberties Observatory")
    pdf.set_subject(SUBTITLE)
    pdf.set_creator("redflag sample site")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(20, 20, 20)

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 12, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    pdf.multi_cell(0, 8, SUBTITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        0,
        6,
        "Civil Liberties Observatory - November 18, 2025 - Index: CLO/EUR 41/2025",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.multi_cell(
        0,
        6,
        "Fictional sample document for software testing. All parties are invented.",
        new_x="LMARGIN",
        new_y="NEXT",
    )

    for heading, paragraphs in CHAPTERS:
        level = len(heading) - len(heading.lstrip("#"))
        text = heading.lstrip("# ")
        if level == 1:
            pdf.add_page()
            pdf.set_font("Helvetica", "B", 16)
            pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("Helvetica", "", 11)
        for para in paragraphs:
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def main() -> None:
    build(OUT)


if __name__ == "__main__":
    main()
