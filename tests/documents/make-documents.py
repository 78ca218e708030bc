#!/usr/bin/python3
"""Make the PDF and DOCX test inputs of the 'documents' suite, at test time.

  make-documents.py SAMPLE_TXT OUT_DIR [STAMP]

Writes into OUT_DIR, from the bundled sample report (text form) and small
texts of our own:
  sample.docx      the sample report: a heading numbered by its style
                   (styles.xml), list numbers from numbering.xml, line
                   breaks, a bold run, a footnote (footnotes.xml)
  sample.pdf       the sample report on small pages: a running head, the
                   `Số:` header block repeated on every page, page numbers,
                   paragraphs broken across pages, a raised footnote marker
                   and its body at the page foot (DejaVu Sans for Vietnamese)
  sample.odt       the sample report as ODT: a text:h heading, spans, a
                   footnote (text:note), line breaks, text:s spaces
  table.docx       a two-column table (w:tbl) …
  table.md         … and the same table as markdown pipes (table.odt: in ODT)
  layout.pdf       a page with the two-column header block, a word
                   hyphenated at a row end and a two-column table
  bad/*            inputs that must each return a status: a scan (image
                   only), an encrypted, a truncated and a garbage PDF, a
                   10,000-page PDF, a zip bomb, deeply nested XML, external
                   entities (XXE), a billion-laughs DOCTYPE, entry names out
                   of the archive, a ZIP that is no DOCX, an ODT with no text.
"""
import io
import os
import re
import sys
import zipfile
import zlib

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NOTE_TEXT = "Theo số liệu sơ bộ của Cục Thống kê tỉnh."
NOTE_AFTER = "so với năm 2021"        # where the footnote marker goes


def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        return [p.strip() for p in f.read().split("\n\n") if p.strip()]


# ---------------------------------------------------------------- DOCX

NUMBERING = """<w:abstractNum %s w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>
</w:abstractNum>""" % nsdecls("w")
NUM = '<w:num %s w:numId="90"><w:abstractNumId w:val="90"/></w:num>' % nsdecls("w")
# Heading 1 numbered by its style (styles.xml), in Roman numerals
HEADING_NUMBERING = """<w:abstractNum %s w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%%1."/></w:lvl>
</w:abstractNum>""" % nsdecls("w")
HEADING_NUM = '<w:num %s w:numId="91"><w:abstractNumId w:val="91"/></w:num>' % nsdecls("w")


def add_numbering(doc):
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.insert(0, parse_xml(HEADING_NUMBERING))
    numbering.append(parse_xml(NUM))
    numbering.append(parse_xml(HEADING_NUM))
    heading = doc.styles["Heading 1"].element
    heading.get_or_add_pPr().append(parse_xml(
        '<w:numPr %s><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>' % nsdecls("w")))


def number_paragraph(p):
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml('<w:numPr %s><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
                         % nsdecls("w")))


FOOTNOTES = ('<w:footnotes %s>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
             '<w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote></w:footnotes>') % (nsdecls("w"), NOTE_TEXT)


def add_footnotes_part(path):
    """python-docx writes no footnotes part: add word/footnotes.xml, its
    relationship and its content type to the saved file."""
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    rels = items["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>",
                        '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                        "</Relationships>")
    items["word/_rels/document.xml.rels"] = rels.encode()
    ct = items["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    items["[Content_Types].xml"] = ct.encode()
    items["word/footnotes.xml"] = FOOTNOTES.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in items.items():
            z.writestr(n, data)


def add_runs(p, text):
    """The paragraph's text as runs: a bold run for the first number, and
    a footnote reference after NOTE_AFTER."""
    m = re.search(r"\d[\d.,]*", text)
    pieces = [(text, False)] if not m else [
        (text[:m.start()], False), (m.group(), True), (text[m.end():], False)]
    for piece, bold in pieces:
        if NOTE_AFTER in piece:
            a, b = piece.split(NOTE_AFTER, 1)
            p.add_run(a + NOTE_AFTER).bold = bold
            p._p.append(parse_xml('<w:r %s><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  '<w:footnoteReference w:id="1"/></w:r>' % nsdecls("w")))
            piece = b
        if piece:
            p.add_run(piece).bold = bold


def make_sample_docx(paras, path):
    doc = Document()
    add_numbering(doc)
    for text in paras:
        m = re.match(r"(\d+)\. (.*)", text, re.S)
        if re.match(r"[IVX]+\. ", text):     # numbered by the style
            p = doc.add_paragraph(style="Heading 1")
            p.add_run(text.split(" ", 1)[1])
        elif m:
            p = doc.add_paragraph()
            number_paragraph(p)
            add_runs(p, m.group(2))
        elif "\n" in text:           # lines of the header block: line breaks
            p = doc.add_paragraph()
            for i, line in enumerate(text.split("\n")):
                run = p.add_run(line)
                if i < text.count("\n"):
                    run.add_break()
        else:
            p = doc.add_paragraph()
            add_runs(p, text)
    doc.save(path)
    add_footnotes_part(path)


TABLE = [("Chỉ tiêu", "Năm 2022"),
         ("Diện tích lúa mùa (ha)", "19.870,5"),
         ("Sản lượng lương thực (tấn)", "303.410"),
         ("Tổng đàn trâu (con)", "94.300")]
TABLE_INTRO = "Biểu số 01. Một số chỉ tiêu nông nghiệp năm 2022"


def make_table(docx_path, md_path):
    doc = Document()
    doc.add_paragraph(TABLE_INTRO)
    t = doc.add_table(rows=0, cols=2)
    for a, b in TABLE:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = a, b
    doc.save(docx_path)
    lines = [TABLE_INTRO, ""]
    for i, (a, b) in enumerate(TABLE):
        lines.append("| %s | %s |" % (a, b))
        if i == 0:
            lines.append("| --- | --- |")
    with open(md_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- ODT

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def odt_bytes(body):
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s '
               'office:version="1.2"><office:body><office:text>%s</office:text></office:body>'
               '</office:document-content>' % (ODT_NS, body))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("content.xml", content.encode(), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def odt_paragraph(text):
    """text:p (text:h for Roman headings), a bold span for the first number,
    a footnote after NOTE_AFTER, line breaks, double spaces as text:s."""
    tag = "text:h" if re.match(r"[IVX]+\. ", text) else "text:p"
    x = xml_escape(text).replace("\n", "<text:line-break/>")
    x = re.sub(r"\d[\d.,]*", lambda m: '<text:span text:style-name="B">%s</text:span>'
               % m.group(), x, count=1)
    x = x.replace(NOTE_AFTER, NOTE_AFTER + '<text:note text:id="n1" text:note-class="footnote">'
                  '<text:note-citation>1</text:note-citation><text:note-body><text:p>%s'
                  '</text:p></text:note-body></text:note>' % NOTE_TEXT, 1)
    x = x.replace(": ", ":<text:s/>", 1)
    return "<%s>%s</%s>" % (tag, x, tag)


def make_sample_odt(paras, path):
    with open(path, "wb") as f:
        f.write(odt_bytes("".join(odt_paragraph(p) for p in paras)))


def make_table_odt(path):
    rows = "".join("<table:table-row><table:table-cell><text:p>%s</text:p></table:table-cell>"
                   "<table:table-cell><text:p>%s</text:p></table:table-cell></table:table-row>"
                   % (xml_escape(a), xml_escape(b)) for a, b in TABLE)
    with open(path, "wb") as f:
        f.write(odt_bytes("<text:p>%s</text:p><table:table>%s</table:table>"
                          % (TABLE_INTRO, rows)))


# ---------------------------------------------------------------- PDF

def wrap(text, font, size, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        cand = (cur + " " + w).strip()
        if pdfmetrics.stringWidth(cand, font, size) > width and cur:
            lines.append(cur)
            cur = w
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


def make_sample_pdf(paras, path):
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    w, h = A5
    c = canvas.Canvas(path, pagesize=A5)
    left, right, size, lead = 40, w - 40, 10, 14
    page = [1]
    header = ["ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI", "Số: 412/BC-UBND"]

    def furniture():
        c.setFont("DejaVu", 7)
        c.drawString(left, h - 20, "Báo cáo tình hình kinh tế - xã hội tỉnh Yên Bái năm 2022")
        c.drawCentredString(w / 2, 20, str(page[0]))
        if page[0] > 1:             # the header block again on every page
            c.setFont("DejaVu", size)
            for i, line in enumerate(header):
                c.drawString(left, h - 45 - i * lead, line)

    y = [h - 45]

    def new_page():
        c.showPage()
        page[0] += 1
        furniture()
        y[0] = h - 45 - len(header) * lead - lead

    note_pending = [False]
    furniture()
    rows = [(line, i) for i, text in enumerate(paras) for part in text.split("\n")
            for line in wrap(part, "DejaVu", size, right - left)]
    last = None
    for line, para in rows:
        if last is not None and para != last:
            y[0] -= lead / 2
        last = para
        if True:
            if y[0] < 60:
                if note_pending[0]:
                    c.setFont("DejaVu", 5)
                    c.drawString(left, 42, "1")
                    c.setFont("DejaVu", 7)
                    c.drawString(left + 4, 40, NOTE_TEXT)
                    note_pending[0] = False
                new_page()
            c.setFont("DejaVu", size)
            if NOTE_AFTER in line and not note_pending[0]:
                a, b = line.split(NOTE_AFTER, 1)
                a += NOTE_AFTER
                c.drawString(left, y[0], a)
                x = left + pdfmetrics.stringWidth(a, "DejaVu", size)
                c.setFont("DejaVu", 6)
                c.drawString(x, y[0] + 4, "1")
                c.setFont("DejaVu", size)
                c.drawString(x + pdfmetrics.stringWidth("1", "DejaVu", 6), y[0], b)
                note_pending[0] = True
            else:
                c.drawString(left, y[0], line)
            y[0] -= lead
    c.showPage()
    c.save()


LAYOUT_HEADER = [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                 ("TỈNH YÊN BÁI", "Độc lập - Tự do - Hạnh phúc"),
                 ("Số: 415/BC-UBND", "Yên Bái, ngày 10 tháng 12 năm 2022")]
LAYOUT_TITLE = ["BÁO CÁO", "Kết quả sản xuất nông nghiệp năm 2022"]
LAYOUT_PARA = ("1. Trồng trọt: Diện tích lúa mùa đạt 19.870,5 ha, tăng 2,1% so với năm 2021; "
               "sản lượng ngô ước đạt 61.200 tấn; chương trình hỗ trợ tái cơ cấu ngành "
               "(restructuring) được triển khai đồng bộ trên địa bàn toàn tỉnh.")
HYPHENATED = "(restructuring)"


def hyphenate(lines):
    """Break HYPHENATED over two rows, `(re-` ending the row before it."""
    for i in range(1, len(lines)):
        if HYPHENATED in lines[i]:
            before, after = lines[i].split(HYPHENATED, 1)
            if before:   # move the word to the start of its row first
                lines[i - 1] += " " + before.strip()
            lines[i - 1] += " (re-"
            lines[i] = "structuring)" + after
            return lines
    return lines


def make_layout_pdf(path):
    """One page as provinces print it: the header block in two columns, a
    word hyphenated at a row end, a two-column table."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    w, h = A5
    c = canvas.Canvas(path, pagesize=A5)
    y = h - 40
    for a, b in LAYOUT_HEADER:
        c.setFont("DejaVu", 8)
        c.drawString(30, y, a)
        c.drawString(180, y, b)
        y -= 12
    y -= 10
    c.setFont("DejaVu", 9)
    body = LAYOUT_TITLE + hyphenate(wrap(LAYOUT_PARA, "DejaVu", 9, w - 90))
    for line in body:
        c.drawString(30, y, line)
        y -= 13
    y -= 10
    for a, b in TABLE:
        c.drawString(30, y, a)
        c.drawRightString(w - 40, y, b)
        y -= 13
    c.showPage()
    c.save()


# ---------------------------------------------------------------- bad inputs

def pdf_from_objects(objs):
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objs) + 1, xref))
    return out.getvalue()


def scan_pdf():
    """One page showing one grey image, no text: what a scanner gives."""
    img = bytes(range(64)) * 64
    stream = b"q 200 0 0 200 50 50 cm /Im1 Do Q"
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] "
        b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(img) + img + b"\nendstream",
    ])


def many_pages_pdf(n):
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
            b"<< /Length 0 >>\nstream\n\nendstream"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 3 0 R >>"] * n
    return pdf_from_objects(objs)


def encrypted_pdf(path):
    from reportlab.lib import pdfencrypt
    enc = pdfencrypt.StandardEncryption("user-secret", "owner-secret", strength=128)
    c = canvas.Canvas(path, encrypt=enc)
    c.drawString(50, 700, "GRDP tang 7,15%")
    c.save()


def zip_bytes(entries, compress=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as z:
        for name, data in entries:
            z.writestr(name, data)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def doc_xml(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document %s><w:body>%s</w:body></w:document>' % (W, body)).encode()


def bomb_docx():
    """word/document.xml expands to 200 MB from a few hundred kB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(doc_xml("")[:-len("</w:body></w:document>")])
            chunk = b"<w:p/>" * (1 << 16)
            for _ in range(200 * (1 << 20) // len(chunk)):
                f.write(chunk)
    return out.getvalue()


def nested_docx():
    depth = 100000
    body = "<w:p>" * depth + "</w:p>" * depth
    return zip_bytes([("word/document.xml", doc_xml(body))])


def xxe_docx():
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document %s><w:body><w:p><w:r><w:t>&x; tăng 5%%</w:t></w:r></w:p></w:body>'
           '</w:document>' % W)
    return zip_bytes([("word/document.xml", xml.encode())])


def laughs_docx():
    ents = '<!ENTITY a0 "ha">' + "".join(
        '<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10) for i in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [%s]><w:document %s><w:body><w:p><w:r>'
           '<w:t>&a9;</w:t></w:r></w:p></w:body></w:document>' % (ents, W))
    return zip_bytes([("word/document.xml", xml.encode())])


def path_trick_docx():
    ok = doc_xml("<w:p><w:r><w:t>GRDP tăng 7,15%</w:t></w:r></w:p>")
    return zip_bytes([("word/document.xml", ok), ("../../etc/cron.d/evil", b"x")])


def main():
    sample, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out_dir, "bad"), exist_ok=True)
    paras = paragraphs(sample)
    make_sample_docx(paras, os.path.join(out_dir, "sample.docx"))
    make_sample_pdf(paras, os.path.join(out_dir, "sample.pdf"))
    make_table(os.path.join(out_dir, "table.docx"), os.path.join(out_dir, "table.md"))
    make_layout_pdf(os.path.join(out_dir, "layout.pdf"))
    make_sample_odt(paras, os.path.join(out_dir, "sample.odt"))
    make_table_odt(os.path.join(out_dir, "table.odt"))
    bad = os.path.join(out_dir, "bad")
    encrypted_pdf(os.path.join(bad, "encrypted.pdf"))
    with open(os.path.join(out_dir, "sample.pdf"), "rb") as f:
        good_pdf = f.read()
    files = {
        "scan.pdf": scan_pdf(),
        "truncated.pdf": good_pdf[:len(good_pdf) // 3],
        "garbage.pdf": b"%PDF-1.7\n" + bytes((i * 7919) % 251 for i in range(4000)),
        "pages-10000.pdf": many_pages_pdf(10000),
        "bomb.docx": bomb_docx(),
        "nested.docx": nested_docx(),
        "xxe.docx": xxe_docx(),
        "laughs.docx": laughs_docx(),
        "path-trick.docx": path_trick_docx(),
        "not-docx.zip": zip_bytes([("readme.txt", b"hello")]),
        "empty.odt": zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text"),
                                ("content.xml", b"<office:document-content/>")]),
        "truncated.docx": zip_bytes([("word/document.xml", doc_xml("<w:p>" * 10))])[:-30],
    }
    for name, data in files.items():
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data)
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            f.write("ok\n")


if __name__ == "__main__":
    main()
