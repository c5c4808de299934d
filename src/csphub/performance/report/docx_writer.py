"""The paper as a Word document (python-docx): numbered paragraphs are written as text
("1.") with a hanging indent so the numbering cannot drift when the paper is edited."""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .document import Document, Paragraph, Picture, Table

FONT = "Arial"


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _alt_text(inline_shape, alt: str, title: str) -> None:
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", alt)
    doc_pr.set("title", title)


def write_docx(doc: Document) -> bytes:
    word = new_docx()
    _set_up_page(word, doc)
    _title_page(word, doc)
    for part in doc.sections:
        word.add_heading(part.heading, level=1)
        for block in part.blocks:
            if isinstance(block, Paragraph):
                _numbered_paragraph(word, block)
            elif isinstance(block, Table):
                _table(word, block)
            elif isinstance(block, Picture):
                _picture(word, block)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _set_up_page(word: DocxDocument, doc: Document) -> None:
    """A4, the council's margins and fonts, and the file's properties."""
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    for name, size in (("Title", 18), ("Heading 1", 13), ("Caption", 9)):
        style = word.styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
    word.core_properties.title = f"{doc.title}: 12 months to {doc.period_label}"
    word.core_properties.author = dict(doc.title_block).get("Report of", "")
    word.core_properties.language = "en-GB"


def _title_page(word: DocxDocument, doc: Document) -> None:
    board = word.add_paragraph()
    board.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = board.add_run(doc.board.upper())
    run.bold = True
    grid = word.add_table(rows=0, cols=2)
    for label, value in doc.title_block:
        cells = grid.add_row().cells
        cells[0].width, cells[1].width = Cm(3.5), Cm(13)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    word.add_heading(doc.title, level=0)
    word.add_paragraph(f"12 months to {doc.period_label}").runs[0].bold = True


def _numbered_paragraph(word: DocxDocument, block: Paragraph) -> None:
    para = word.add_paragraph(f"{block.number}.\t{block.text}")
    fmt = para.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Cm(1.0), Cm(-1.0)
    fmt.tab_stops.add_tab_stop(Cm(1.0))
    fmt.space_after = Pt(8)


def _table(word: DocxDocument, block: Table) -> None:
    """A captioned table, its header repeated on each page, figures right-aligned."""
    word.add_paragraph(block.caption, style="Caption")
    table = word.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            if i:
                cell.paragraphs[0].alignment = (
                    WD_ALIGN_PARAGRAPH.RIGHT if i < 4 else WD_ALIGN_PARAGRAPH.LEFT
                )
    for table_row in table.rows:
        for cell in table_row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(9)
    word.add_paragraph()


def _picture(word: DocxDocument, block: Picture) -> None:
    holder = word.add_paragraph()
    holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
    shape = holder.add_run().add_picture(io.BytesIO(block.png), width=Cm(16))
    _alt_text(shape, block.alt, block.caption)
    word.add_paragraph(block.caption, style="Caption")
