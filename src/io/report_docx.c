/* DOCX: the smallest package Word, WPS and LibreOffice open as a proper
 * document — content types, package and document relationships, styles,
 * font table (仿宋_GB2312 falling back to 仿宋 and 宋体), core properties and
 * the body. Written into a libzip in-memory source, then copied out. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "io/report.h"

#define PART_LIMIT (8u << 20)

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"</Types>";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"</Relationships>";

static const char document_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
	"</Relationships>";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* 仿宋_GB2312 三号 (16pt) body with a fixed 28pt line and two characters of
 * first-line indent; the title in 宋体 二号 (22pt) bold, centred. */
static const char styles[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:styles " W_NS ">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New Roman\" w:hint=\"eastAsia\"/>"
	"<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
	"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	"<w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/>"
	"</w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	"<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>"
	"<w:spacing w:before=\"240\" w:after=\"240\" w:line=\"700\" w:lineRule=\"exact\"/></w:pPr>"
	"<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"方正小标宋简体\" w:hint=\"eastAsia\"/>"
	"<w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr><w:rFonts w:eastAsia=\"楷体_GB2312\" w:hint=\"eastAsia\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>"
	"<w:rPr><w:rFonts w:eastAsia=\"黑体\" w:hint=\"eastAsia\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
	"<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"
	"<w:style w:type=\"table\" w:styleId=\"Figures\"><w:name w:val=\"Figures\"/><w:tblPr><w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"</w:tblBorders></w:tblPr></w:style>"
	"</w:styles>";

/* A font Word lacks is replaced by its altName, then by the charset's
 * default: 仿宋_GB2312 → 仿宋 → 宋体 on a machine without it. */
static const char font_table[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:fonts " W_NS ">"
	"<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
	"<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
	"<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/><w:family w:val=\"script\"/><w:pitch w:val=\"fixed\"/></w:font>"
	"<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
	"<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
	"<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
	"</w:fonts>";

/* Appends s with XML's five special characters escaped; control
 * characters other than tab are dropped (XML 1.0 forbids them). */
static bool put_text(struct buf *b, const char *s)
{
	bool ok = true;
	for (; ok && s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		switch (ch) {
		case '&': ok = buf_puts(b, "&amp;"); break;
		case '<': ok = buf_puts(b, "&lt;"); break;
		case '>': ok = buf_puts(b, "&gt;"); break;
		case '"': ok = buf_puts(b, "&quot;"); break;
		case '\'': ok = buf_puts(b, "&apos;"); break;
		default:
			if (ch >= 0x20 || ch == '\t')
				ok = buf_append(b, s, 1);
		}
	}
	return ok;
}

static bool para(struct buf *b, const char *style, const char *text, bool bold)
{
	bool ok = buf_puts(b, "<w:p>");
	if (style)
		ok = ok && buf_printf(b, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	ok = ok && buf_puts(b, bold ? "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
				    : "<w:r><w:t xml:space=\"preserve\">");
	return ok && put_text(b, text) && buf_puts(b, "</w:t></w:r></w:p>");
}

static bool cell(struct buf *b, const char *text, bool head)
{
	return buf_puts(b, head ? "<w:tc><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/></w:tcPr>"
				: "<w:tc>") &&
	       para(b, "TableText", text, head) && buf_puts(b, "</w:tc>");
}

static bool table(struct buf *b, const struct report_doc *d)
{
	bool ok = true;
	if (d->table_title)
		ok = para(b, "Heading1", d->table_title, false);
	ok = ok && buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"Figures\"/>"
			       "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/></w:tblPr><w:tblGrid>");
	for (size_t c = 0; ok && c < d->n_cols; c++)
		ok = buf_printf(b, "<w:gridCol w:w=\"%zu\"/>", (size_t)8844 / d->n_cols);
	ok = ok && buf_puts(b, "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
	for (size_t c = 0; ok && c < d->n_cols; c++)
		ok = cell(b, d->head[c], true);
	ok = ok && buf_puts(b, "</w:tr>");
	for (size_t r = 0; ok && r < d->n_rows; r++) {
		ok = buf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (size_t c = 0; ok && c < d->n_cols; c++)
			ok = cell(b, d->cells[r * d->n_cols + c], false);
		ok = ok && buf_puts(b, "</w:tr>");
	}
	return ok && buf_puts(b, "</w:tbl>");
}

/* A4 with the margins of GB/T 9704 (top 37mm, bottom 35mm, left 28mm,
 * right 26mm) in twentieths of a point. */
static bool document(struct buf *b, const struct report_doc *d)
{
	bool ok = buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			      "<w:document " W_NS "><w:body>");
	ok = ok && para(b, "Title", d->title ? d->title : "", false);
	if (d->subtitle)
		ok = ok && para(b, "Subtitle", d->subtitle, false);
	for (size_t i = 0; ok && i < d->n_paras; i++)
		ok = para(b, NULL, d->paras[i], false);
	if (d->head && d->n_cols > 0)
		ok = ok && table(b, d);
	return ok && buf_puts(b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
				 "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\""
				 " w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
				 "</w:body></w:document>");
}

static bool core(struct buf *b, const struct report_doc *d)
{
	return buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			   "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
			   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>") &&
	       put_text(b, d->title) &&
	       buf_puts(b, "</dc:title><dc:creator>Guatu 挂图</dc:creator></cp:coreProperties>");
}

/* Copies the finished archive out of its in-memory source. */
static bool drain(zip_source_t *src, struct buf *out)
{
	zip_stat_t st;
	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) < 0)
		return false;
	char chunk[1 << 15];
	zip_int64_t n;
	bool ok = true;
	while (ok && (n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		ok = buf_append(out, chunk, (size_t)n);
	zip_source_close(src);
	return ok;
}

static bool add(zip_t *z, const char *name, const char *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);
	if (!s)
		return false;
	if (zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		return false;
	}
	return true;
}

gcode report_docx(const struct report_doc *d, struct buf *out, struct gerror *e)
{
	struct buf doc, props;
	buf_init(&doc, PART_LIMIT);
	buf_init(&props, PART_LIMIT);
	gcode rc = G_OK;
	if (!document(&doc, d) || !core(&props, d))
		rc = gerr_set(e, G_ERR_TOOLARGE, NULL, "文档过大", "the document is too large");
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = rc == G_OK ? zip_source_buffer_create(NULL, 0, 0, &ze) : NULL;
	zip_t *z = NULL;
	if (src) {
		zip_source_keep(src); /* outlives zip_close, which writes into it */
		z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	}
	bool ok = z && add(z, "[Content_Types].xml", content_types, strlen(content_types)) &&
		  add(z, "_rels/.rels", package_rels, strlen(package_rels)) &&
		  add(z, "word/_rels/document.xml.rels", document_rels, strlen(document_rels)) &&
		  add(z, "word/document.xml", doc.p, doc.len) &&
		  add(z, "word/styles.xml", styles, strlen(styles)) &&
		  add(z, "word/fontTable.xml", font_table, strlen(font_table)) &&
		  add(z, "docProps/core.xml", props.p, props.len);
	if (z && (!ok || zip_close(z) < 0)) {
		zip_discard(z);
		ok = false;
	}
	if (ok && !drain(src, out)) {
		buf_reset(out);
		rc = gerr_set(e, G_ERR_TOOLARGE, NULL, "文档过大", "the document is too large");
	} else if (rc == G_OK && !ok) {
		rc = gerr_set(e, G_ERR_IO, NULL, "无法生成DOCX文件", "cannot write the DOCX file");
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	buf_free(&doc);
	buf_free(&props);
	return rc;
}
