/*
 * escape.c - text and numbers as they are given to Graphviz.
 *
 * Text from the graph is hostile (scraped pages).  Every string given to
 * Graphviz goes through ag__render_put_text(): invalid UTF-8 becomes U+FFFD,
 * control bytes and DEL become spaces, U+FFFE/U+FFFF (not XML) become
 * U+FFFD, '&' becomes "&amp;" (Graphviz decodes entities, "&#1;" would
 * otherwise reach the SVG), and backslashes are doubled in labels and names
 * (an escape such as \N would expand) and quadrupled in tooltips (Graphviz
 * unescapes tooltips twice).  Values are ordinary quoted strings, never HTML
 * labels: agwrite quotes them, so "<b>x</b>" stays text.  (The legend's one
 * HTML-like label holds only our own markup; legend.c escapes the text in it.)
 *
 * Numbers have fixed decimals whatever the locale (ag__render_fmt_num), so
 * that the output is deterministic.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render/render.h"
#include "util/utf8.h"

/* Labels: wrapped at this many characters, at most this many lines. */
#define LABEL_WRAP 22
#define LABEL_LINES 3
#define LABEL_WORD_MAX 40

/*
 * Append the first n bytes of s, made safe for a Graphviz string value (see
 * the top of the file), stopping with "…" after max_chars characters
 * (0 = no limit).
 */
int ag__render_put_text(ag_buf *b, const char *s, size_t n, size_t max_chars, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t chars = 0;
	int rc = 0;

	while (p < end && rc == 0) {
		uint32_t cp;
		size_t len = ag__utf8_decode(p, (size_t)(end - p), &cp);

		if (max_chars && chars == max_chars)
			return ag__buf_puts(b, "\xE2\x80\xA6");
		chars++;
		if (len == 0 || cp == 0xFFFE || cp == 0xFFFF) {
			rc = ag__buf_puts(b, "\xEF\xBF\xBD");
			p += len ? len : 1;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F)
			rc = ag__buf_putc(b, ' ');
		else if (cp == '\\')
			rc = ag__buf_puts(b, (flags & AG_RENDER_TXT_BS4)   ? "\\\\\\\\"
			                     : (flags & AG_RENDER_TXT_BS2) ? "\\\\"
			                                                   : "\\");
		else if (cp == '&')
			rc = ag__buf_puts(b, "&amp;");
		else
			rc = ag__buf_append(b, (const char *)p, len);
		p += len;
	}
	return rc;
}

int ag__render_put_str(ag_buf *b, const char *s, size_t max_chars, unsigned flags)
{
	return ag__render_put_text(b, s, strlen(s), max_chars, flags);
}

/* Characters (code points, or stray bytes) in s[0..n). */
static size_t count_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* A node label: words wrapped at LABEL_WRAP characters on at most LABEL_LINES lines. */
int ag__render_put_label(ag_buf *b, const char *s)
{
	size_t line = 0, lines = 1;
	const char *p = s;
	int rc = 0;

	while (*p && rc == 0) {
		const char *w;
		size_t wl, wc;

		/* control bytes count as spaces, as ag__render_put_text turns them into spaces */
		while (*p && (unsigned char)*p <= 0x20)
			p++;
		if (!*p)
			break;
		w = p;
		while (*p && (unsigned char)*p > 0x20)
			p++;
		wl = (size_t)(p - w);
		wc = count_chars(w, wl);
		if (wc > LABEL_WORD_MAX)
			wc = LABEL_WORD_MAX + 1;
		if (line && line + 1 + wc > LABEL_WRAP) {
			if (lines == LABEL_LINES)
				return ag__buf_puts(b, "\xE2\x80\xA6");
			rc = ag__buf_puts(b, "\\n");
			lines++;
			line = 0;
		} else if (line) {
			rc = ag__buf_putc(b, ' ');
			line++;
		}
		if (rc == 0)
			rc = ag__render_put_text(b, w, wl, LABEL_WORD_MAX, AG_RENDER_TXT_BS2);
		line += wc;
	}
	return rc;
}

/*
 * A number in a fixed format, whatever the C locale says about decimal
 * commas; trailing zeros of a "%.Nf" format are dropped ("1.50" -> "1.5",
 * "10.0" -> "10").
 */
void ag__render_fmt_num(char *out, size_t size, const char *fmt, double v)
{
	char *dot = NULL, *end;

	snprintf(out, size, fmt, v);
	for (char *c = out; *c; c++)
		if (*c == ',' || *c == '.') {
			*c = '.';
			dot = c;
		}
	if (!dot || fmt[strlen(fmt) - 1] != 'f')
		return;
	end = out + strlen(out);
	while (end > dot + 1 && end[-1] == '0')
		*--end = '\0';
	if (end == dot + 1)
		*dot = '\0';
}
