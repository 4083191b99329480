/* helder-csv.h
 *
 * Reads CSV files record by record (libcsv), with the line each record
 * starts on, for the LMS reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called once per non-empty record. fields are UTF-8, NUL-terminated and
 * owned by the reader; line is the 1-based line the record starts on.
 * Return FALSE to stop reading.
 */
typedef gboolean (*HelderCsvRowFunc) (const char * const *fields,
                                      guint               n_fields,
                                      guint               line,
                                      gpointer            user_data);

/* What the reader found out about a file while reading it. */
typedef struct
{
  char   separator;       /* ',', ';' or '\t' */
  gboolean windows_1252;  /* some or all lines were not UTF-8 */
  guint  converted_lines; /* lines read as Windows-1252 */
  guint  utf8_lines_with_8bit; /* when not all is UTF-8: the lines that are, beyond ASCII */
  guint  broken_records;  /* records skipped because their quotes are broken */
  guint  first_broken_line;
  guint  undefined_bytes; /* bytes Windows-1252 does not define, read as U+FFFD */
  guint  first_undefined_line;
  guint  first_undefined_column; /* in bytes, 1-based */
  gboolean utf16;         /* the file was UTF-16 */
} HelderCsvInfo;

gboolean helder_csv_read_bytes (const char       *data,
                                gsize             length,
                                HelderCsvRowFunc  func,
                                gpointer          user_data,
                                HelderCsvInfo    *info,
                                GError          **error);
gboolean helder_csv_read_file  (const char       *path,
                                HelderCsvRowFunc  func,
                                gpointer          user_data,
                                HelderCsvInfo    *info,
                                GError          **error);

/* Writing: one record, RFC 4180 style (fields with a comma, quote or line
 * break are quoted, quotes doubled, CRLF at the end). A field that starts
 * with = + - or @ gets a leading apostrophe, so a spreadsheet shows it as
 * text instead of running it as a formula.
 */
void     helder_csv_append_row (GString            *out,
                                const char * const *fields,
                                guint               n_fields);

G_END_DECLS
