"""The paper as an A4 PDF (fpdf2) with an embedded Unicode font, bookmarks per section, alt
text on figures and a page footer."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF, FontFace, XPos, YPos
from PIL import Image

from .document import Document, Paragraph, Picture, Table

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
NUMBER_WIDTH = 10  # mm for "12."
CONTENT_WIDTH = 170  # A4 210 mm less 20 mm margins


class _Paper(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, size=8)
        self.set_text_color(80, 80, 80)
        self.cell(0, 5, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def _space_for(pdf: FPDF, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def write_pdf(doc: Document) -> bytes:
    pdf = _Paper(format="A4", unit="mm")
    pdf.footer_text = f"{doc.title}: 12 months to {doc.period_label}"
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_font(FONT, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    pdf.set_title(f"{doc.title}: 12 months to {doc.period_label}")
    pdf.set_author(dict(doc.title_block).get("Report of", ""))
    pdf.set_subject(doc.board)
    pdf.set_lang("en-GB")
    pdf.set_creator("CSP Hub")
    pdf.add_page()

    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(0, 6, doc.board.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    for label, value in doc.title_block:
        pdf.set_font(FONT, "B", 10)
        pdf.cell(30, 6, label)
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(0, 6, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 9, doc.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 7, f"12 months to {doc.period_label}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)

    for part in doc.sections:
        _space_for(pdf, 30)
        pdf.start_section(part.heading, level=0)
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(0, 8, part.heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        for block in part.blocks:
            if isinstance(block, Paragraph):
                pdf.set_font(FONT, "", 10)
                _space_for(pdf, 12)
                pdf.cell(NUMBER_WIDTH, 5.5, f"{block.number}.")
                pdf.multi_cell(0, 5.5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(2.5)
            elif isinstance(block, Table):
                _space_for(pdf, 12 + 7 * min(len(block.rows), 4))
                pdf.set_font(FONT, "B", 9)
                pdf.multi_cell(0, 5, block.caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(1)
                pdf.set_font(FONT, "", 8)
                with pdf.table(
                    col_widths=(62, 22, 22, 18, 20, 26),
                    width=CONTENT_WIDTH,
                    text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT", "LEFT"),
                    headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
                    line_height=4.5,
                    padding=1,
                ) as table:
                    for values in [block.header, *block.rows]:
                        row = table.row()
                        for value in values:
                            row.cell(value)
                pdf.ln(4)
            elif isinstance(block, Picture):
                width = CONTENT_WIDTH
                with Image.open(io.BytesIO(block.png)) as image:
                    height = width * image.height / image.width
                _space_for(pdf, height + 10)
                pdf.image(
                    io.BytesIO(block.png),
                    x=pdf.l_margin,
                    w=width,
                    alt_text=block.alt,
                    title=block.caption,
                )
                pdf.set_font(FONT, "I", 8.5)
                pdf.multi_cell(0, 4.5, block.caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(4)
    return bytes(pdf.output())
