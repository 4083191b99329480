/* helder-csv.c
 *
 * Reads the CSV files that learning platforms and spreadsheets export:
 * UTF-8 (with or without a byte order mark) or Windows-1252, even mixed
 * line by line, or UTF-16 (Excel's "Unicode text"); comma, semicolon or tab as the separator; quoted fields
 * with separators, quotes and line breaks inside. The parsing itself is
 * libcsv's, in strict mode: a record with broken quotes is skipped and
 * counted, and reading goes on at the next line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-csv"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-csv.h"

typedef struct
{
  HelderCsvRowFunc  func;
  gpointer          user_data;
  GString          *text;        /* the record's fields, each ending in a NUL */
  GArray           *offsets;     /* of gsize: where each field starts in text */
  GPtrArray        *fields;      /* of const char*, into text, for func */
  guint             line;        /* line the current record starts on */
  guint             next_line;   /* line after the text seen so far */
  gboolean          stopped;
} Reader;

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  Reader *reader = user_data;
  const char *text = data != NULL ? data : "";

  for (const char *p = memchr (text, '\n', length); p != NULL;
       p = memchr (p + 1, '\n', length - (p + 1 - text)))
    reader->next_line++;

  /* One buffer for the whole record: no allocation per field. */
  g_array_append_val (reader->offsets, reader->text->len);
  g_string_append_len (reader->text, text, length);
  g_string_append_c (reader->text, '\0');
}

static void
record_cb (int   terminator,
           void *user_data)
{
  Reader *reader = user_data;

  if (reader->offsets->len > 0 && !reader->stopped)
    {
      g_ptr_array_set_size (reader->fields, 0);
      for (guint i = 0; i < reader->offsets->len; i++)
        g_ptr_array_add (reader->fields, reader->text->str + g_array_index (reader->offsets, gsize, i));
      g_ptr_array_add (reader->fields, NULL);
      if (!reader->func ((const char * const *) reader->fields->pdata,
                         reader->offsets->len, reader->line, reader->user_data))
        reader->stopped = TRUE;
    }
  g_string_truncate (reader->text, 0);
  g_array_set_size (reader->offsets, 0);

  /* With CSV_REPALL_NL every line break outside quotes ends up here;
   * a CR of a CRLF pair only ends the record, the LF counts the line.
   */
  if (terminator == '\n')
    reader->next_line++;
  reader->line = reader->next_line;
}

/* The separator is the one of ',', ';' and tab that occurs most often
 * outside quotes on the first line; spreadsheets in Dutch settings write
 * semicolons because the comma is the decimal sign.
 */
static char
detect_separator (const char *text,
                  gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && (quoted || (text[i] != '\n' && text[i] != '\r')); i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == ',')
        commas++;
      else if (!quoted && text[i] == ';')
        semicolons++;
      else if (!quoted && text[i] == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

static gboolean
has_8bit (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Windows-1252's characters for the bytes 0x80 to 0x9F (the others are
 * Latin-1's); 0 for the five it leaves undefined.
 */
static const gunichar windows_1252_c1[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Appends the line @line (@length bytes, line number @number) read as
 * Windows-1252. An undefined byte (0x81, 0x8D, 0x8F, 0x90, 0x9D) cannot
 * be a character of a name or a date: it becomes U+FFFD and is counted,
 * the first located, so one stray byte does not cost the file.
 */
static void
append_windows_1252 (GString       *out,
                     const char    *line,
                     gsize          length,
                     guint          number,
                     HelderCsvInfo *info)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar byte = (guchar) line[i];
      gunichar c = byte;

      if (byte >= 0x80 && byte < 0xA0)
        c = windows_1252_c1[byte - 0x80];
      if (c == 0 && byte != 0)
        {
          c = 0xFFFD;
          if (info->undefined_bytes++ == 0)
            {
              info->first_undefined_line = number;
              info->first_undefined_column = i + 1;
            }
        }
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }
}

/* Returns the text as UTF-8. Lines that are not valid UTF-8 are read as
 * Windows-1252, the encoding Excel uses on Dutch Windows machines.
 */
static char *
to_utf8 (const char    *data,
         gsize          length,
         HelderCsvInfo *info,
         gsize         *out_length)
{
  GString *out;
  const char *end = data + length;
  guint number = 1;

  if (g_utf8_validate_len (data, length, NULL))
    {
      *out_length = length;
      return g_strndup (data, length);
    }

  out = g_string_sized_new (length + length / 8);
  for (const char *line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl + 1 : end;
      gsize line_length = line_end - line;

      if (g_utf8_validate_len (line, line_length, NULL))
        {
          if (has_8bit (line, line_length))
            info->utf8_lines_with_8bit++;
          g_string_append_len (out, line, line_length);
        }
      else
        {
          append_windows_1252 (out, line, line_length, number, info);
          info->converted_lines++;
        }
      line = line_end;
      number++;
    }

  info->windows_1252 = TRUE;
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* Whether @data is UTF-16: it starts with a byte order mark, or with a
 * NUL byte beside the first character, which no text in an 8-bit
 * encoding has.
 */
static gboolean
is_utf16 (const char *data,
          gsize       length)
{
  return length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0 ||
                         (data[0] == '\0') != (data[1] == '\0'));
}

/* Returns UTF-16 text @data (@length bytes) as UTF-8, or NULL with @error
 * set at the line of the first unit that is not UTF-16.
 */
static char *
utf16_to_utf8 (const char  *data,
               gsize        length,
               gsize       *out_length,
               GError     **error)
{
  gboolean marked = (guchar) data[0] + (guchar) data[1] == 0xFF + 0xFE;
  gboolean little = marked ? (guchar) data[0] == 0xFF : data[1] == '\0';
  gsize start = marked ? 2 : 0;
  g_autoptr(GError) local_error = NULL;
  gsize read = 0;
  char *text;
  guint line = 1;

  text = g_convert (data + start, length - start, "UTF-8", little ? "UTF-16LE" : "UTF-16BE",
                    &read, out_length, &local_error);
  if (text != NULL)
    return text;

  for (gsize i = start; i + 1 < read + start; i += 2)
    if (data[i + (little ? 0 : 1)] == '\n' && data[i + (little ? 1 : 0)] == '\0')
      line++;
  g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
               _("line %u: the file says it is UTF-16 but is broken from here on; save or "
                 "export it again, preferably as CSV in UTF-8"), line);
  return NULL;
}

/* Reads CSV from @data (@length bytes), calling @func once per non-empty
 * record and filling @info; FALSE with a message for a person in @error
 * when it cannot be read.
 */
gboolean
helder_csv_read_bytes (const char        *data,
                       gsize              length,
                       HelderCsvRowFunc   func,
                       gpointer           user_data,
                       HelderCsvInfo     *info,
                       GError           **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) record = g_string_sized_new (256);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  HelderCsvInfo local_info = { 0 };
  Reader reader = { func, user_data, record, offsets, fields, 1, 1, FALSE };
  struct csv_parser parser;
  gsize text_length = 0;
  gsize offset = 0;
  guint line_at_offset = 1;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (info == NULL)
    info = &local_info;
  memset (info, 0, sizeof *info);
  info->separator = ',';
  if (length == 0)
    return TRUE;

  if (is_utf16 (data, length))
    {
      text = utf16_to_utf8 (data, length, &text_length, error);
      if (text == NULL)
        return FALSE;
      info->utf16 = TRUE;
    }
  else
    {
      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        {
          data += 3;
          length -= 3;
        }
      text = to_utf8 (data, length, info, &text_length);
    }
  info->separator = detect_separator (text, text_length);

  while (offset < text_length && !reader.stopped)
    {
      gsize used;

      if (csv_init (&parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0)
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM, g_strerror (ENOMEM));
          return FALSE;
        }
      csv_set_delim (&parser, (unsigned char) info->separator);

      used = csv_parse (&parser, text + offset, text_length - offset, field_cb, record_cb, &reader);
      if (used == text_length - offset &&
          csv_fini (&parser, field_cb, record_cb, &reader) == 0)
        {
          csv_free (&parser);
          break;
        }
      csv_free (&parser);

      /* Broken quotes: skip the record's first line and read on from
       * the next one, so one stray quote costs one record, not the file.
       */
      {
        gsize restart = offset;

        for (guint line = line_at_offset; line <= reader.line && restart < text_length; line++)
          {
            const char *nl = memchr (text + restart, '\n', text_length - restart);

            restart = nl != NULL ? (gsize) (nl + 1 - text) : text_length;
          }

        if (info->broken_records == 0)
          info->first_broken_line = reader.line;
        info->broken_records++;
        g_string_truncate (record, 0);
        g_array_set_size (offsets, 0);

        offset = restart;
        line_at_offset = reader.line + 1;
        reader.line = reader.next_line = line_at_offset;
      }
    }

  return TRUE;
}

/* Like helder_csv_read_bytes() on the file at @path. */
gboolean
helder_csv_read_file (const char        *path,
                      HelderCsvRowFunc   func,
                      gpointer           user_data,
                      HelderCsvInfo     *info,
                      GError           **error)
{
  g_autoptr(GMappedFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;

  return helder_csv_read_bytes (g_mapped_file_get_contents (file),
                                g_mapped_file_get_length (file),
                                func, user_data, info, error);
}

void
helder_csv_append_row (GString            *out,
                       const char * const *fields,
                       guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      gboolean formula = strchr ("=+-@", field[0]) != NULL && field[0] != '\0';
      gboolean quote = formula || strpbrk (field, ",;\"\r\n\t") != NULL;

      if (i > 0)
        g_string_append_c (out, ',');
      if (!quote)
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
