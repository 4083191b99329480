/* helder-webvtt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-webvtt"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "helder-diagnostic.h"
#include "helder-webvtt.h"

/* Defaults from the caption guidelines named in docs/accessibility.md:
 * 42 characters per line and 2 lines (BBC Subtitle Guidelines, DCMP
 * Captioning Key), 15 characters per second for readers at B1 level
 * (below the 17 cps adults read fluently), and 5 seconds as the longest
 * silence a caption track may leave.
 */
const HelderCaptionGuidelines helder_caption_guidelines_default = {
  .max_line_chars = 42,
  .max_lines = 2,
  .max_chars_per_second = 15.0,
  .max_gap = 5000,
};

typedef struct
{
  gsize start; /* first byte of the line */
  gsize end;   /* the byte after its last one, before the line break */
} Line;

typedef struct
{
  const char   *text;
  GArray       *lines; /* of Line */
  HelderWebVtt *vtt;
} Parser;

static void
cue_free (HelderCue *cue)
{
  g_free (cue->identifier);
  g_free (cue->settings);
  g_free (cue->text);
  g_free (cue);
}

/* Frees @self, its cues and its diagnostics. */
void
helder_webvtt_free (HelderWebVtt *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_ptr_array_unref (self->cues);
  g_ptr_array_unref (self->diagnostics);
  g_free (self);
}

static HelderWebVtt *
webvtt_new (const char *file)
{
  HelderWebVtt *self = g_new0 (HelderWebVtt, 1);

  self->file = g_strdup (file);
  self->cues = g_ptr_array_new_with_free_func ((GDestroyNotify) cue_free);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  return self;
}

/* Splits at LF, CRLF or CR, the three line terminators WebVTT allows. */
static GArray *
split_lines (const char *text,
             gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gsize pos = 0;

  /* A byte order mark is allowed before the signature. */
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    pos = 3;

  while (pos < length)
    {
      Line line = { pos, pos };

      while (line.end < length && text[line.end] != '\n' && text[line.end] != '\r')
        line.end++;
      g_array_append_val (lines, line);
      pos = line.end;
      if (pos < length && text[pos] == '\r')
        pos++;
      if (pos < length && text[pos] == '\n' && (pos == line.end || text[pos - 1] == '\r'))
        pos++;
    }

  return lines;
}

static const Line *
line_at (Parser *parser,
         guint   index)
{
  return &g_array_index (parser->lines, Line, index);
}

static gboolean
line_is_blank (Parser *parser,
               guint   index)
{
  const Line *line = line_at (parser, index);

  return line->start == line->end;
}

/* Finds the next block of non-blank lines at or after *@next: sets
 * [*@first, *@end) and moves *@next to its end. FALSE after the last one.
 */
static gboolean
next_block (Parser *parser,
            guint  *next,
            guint  *first,
            guint  *end)
{
  guint i = *next;

  while (i < parser->lines->len && line_is_blank (parser, i))
    i++;
  if (i >= parser->lines->len)
    return FALSE;
  *first = i;
  while (i < parser->lines->len && !line_is_blank (parser, i))
    i++;
  *end = *next = i;
  return TRUE;
}

static char *
line_dup (Parser *parser,
          guint   index)
{
  const Line *line = line_at (parser, index);

  return g_strndup (parser->text + line->start, line->end - line->start);
}

/* Reports a problem at byte @offset of line @index (0-based), spanning
 * @length bytes, or the rest of the line when @length is 0.
 */
static void
report (Parser         *parser,
        guint           index,
        gsize           offset,
        gsize           length,
        HelderSeverity  severity,
        const char     *rule,
        const char     *message)
{
  const Line *line = line_at (parser, MIN (index, parser->lines->len - 1));
  gsize start = MIN (line->start + offset, line->end);
  gsize end = length > 0 ? MIN (start + length, line->end) : line->end;
  guint column = 1 + (guint) g_utf8_strlen (parser->text + line->start, start - line->start);

  g_ptr_array_add (parser->vtt->diagnostics,
                   helder_diagnostic_new (parser->vtt->file, start, MAX (start, end),
                                          MIN (index, parser->lines->len - 1) + 1, column,
                                          severity, rule, message));
}

static gboolean
read_digits (const char  *text,
             gsize       *pos,
             gsize        length,
             guint       *count,
             gint64      *value)
{
  *count = 0;
  *value = 0;
  while (*pos < length && g_ascii_isdigit (text[*pos]))
    {
      if (*value < G_MAXINT32)
        *value = *value * 10 + (text[*pos] - '0');
      (*pos)++;
      (*count)++;
    }

  return *count > 0;
}

/* Parses a WebVTT timestamp, (hh:)mm:ss.ttt, at text[*pos] within
 * [*pos, length). On failure returns NULL; otherwise *pos is after it.
 * Returns the problem, for a person, or NULL when it was read.
 */
static const char *
parse_timestamp (const char *text,
                 gsize      *pos,
                 gsize       length,
                 gint64     *time)
{
  gint64 parts[3] = { 0 };
  guint digits[3] = { 0 };
  guint n_parts = 0;
  gint64 fraction;
  guint fraction_digits;

  for (;;)
    {
      if (!read_digits (text, pos, length, &digits[n_parts], &parts[n_parts]))
        return _("a timestamp is written as mm:ss.ttt or hh:mm:ss.ttt");
      n_parts++;
      if (*pos < length && text[*pos] == ':' && n_parts < 3)
        {
          (*pos)++;
          continue;
        }
      break;
    }

  if (n_parts < 2)
    return _("a timestamp is written as mm:ss.ttt or hh:mm:ss.ttt");
  if (*pos < length && text[*pos] == ',')
    return _("use a full stop before the milliseconds (00:01.500), not a comma as in SRT");
  if (*pos >= length || text[*pos] != '.')
    return _("a timestamp needs milliseconds: mm:ss.ttt");
  (*pos)++;
  if (!read_digits (text, pos, length, &fraction_digits, &fraction) || fraction_digits != 3)
    return _("the milliseconds of a timestamp have exactly three digits");

  /* Minutes and seconds: exactly two digits, at most 59. */
  for (guint i = n_parts - 2; i < n_parts; i++)
    if (digits[i] != 2 || parts[i] > 59)
      return _("minutes and seconds are two digits from 00 to 59");
  if (n_parts == 3 && digits[0] < 2)
    return _("hours have at least two digits (01:02:03.000)");

  *time = ((n_parts == 3 ? parts[0] : 0) * 3600 + parts[n_parts - 2] * 60 + parts[n_parts - 1]) *
          1000 + fraction;
  return NULL;
}

typedef struct
{
  const char *name;
  const char *pattern;
} SettingSpec;

#define PERCENT "(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)%"

static const SettingSpec setting_specs[] = {
  { "vertical", "^(rl|lr)$" },
  { "line", "^(" PERCENT "|-?[0-9]+)(,(start|center|end))?$" },
  { "position", "^" PERCENT "(,(line-left|center|line-right))?$" },
  { "size", "^" PERCENT "$" },
  { "align", "^(start|center|end|left|right)$" },
  { "region", "^[^\\s]+$" },
};

static gboolean
setting_value_is_valid (guint       index,
                        const char *value)
{
  static GRegex *regexes[G_N_ELEMENTS (setting_specs)];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < G_N_ELEMENTS (setting_specs); i++)
        regexes[i] = g_regex_new (setting_specs[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }

  return g_regex_match (regexes[index], value, 0, NULL);
}

/* The cue settings after the end time: name:value, separated by spaces. */
static void
check_settings (Parser *parser,
                guint   index,
                gsize   offset)
{
  const Line *line = line_at (parser, index);
  guint seen = 0;
  gsize pos = line->start + offset;

  while (pos < line->end)
    {
      gsize start;
      g_autofree char *setting = NULL;
      const char *colon;
      guint spec = G_N_ELEMENTS (setting_specs);

      while (pos < line->end && (parser->text[pos] == ' ' || parser->text[pos] == '\t'))
        pos++;
      if (pos >= line->end)
        break;
      start = pos;
      while (pos < line->end && parser->text[pos] != ' ' && parser->text[pos] != '\t')
        pos++;
      setting = g_strndup (parser->text + start, pos - start);
      colon = strchr (setting, ':');

      if (colon != NULL)
        for (spec = 0; spec < G_N_ELEMENTS (setting_specs); spec++)
          if (strlen (setting_specs[spec].name) == (gsize) (colon - setting) &&
              strncmp (setting, setting_specs[spec].name, colon - setting) == 0)
            break;

      if (spec == G_N_ELEMENTS (setting_specs))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown cue setting \"%s\"; use vertical, line, position, size, "
                               "align or region, written as name:value"), setting);

          report (parser, index, start - line->start, pos - start, HELDER_SEVERITY_WARNING,
                  "webvtt-setting", message);
        }
      else if (!setting_value_is_valid (spec, colon + 1))
        {
          g_autofree char *message =
            g_strdup_printf (_("\"%s\" is not a valid value for the cue setting \"%s\"; see "
                               "the WebVTT specification, section 4.4"),
                             colon + 1, setting_specs[spec].name);

          report (parser, index, start - line->start, pos - start, HELDER_SEVERITY_WARNING,
                  "webvtt-setting", message);
        }
      else if (seen & (1u << spec))
        {
          g_autofree char *message =
            g_strdup_printf (_("the cue setting \"%s\" is given twice; keep one"),
                             setting_specs[spec].name);

          report (parser, index, start - line->start, pos - start, HELDER_SEVERITY_WARNING,
                  "webvtt-setting", message);
        }
      else
        seen |= 1u << spec;
    }
}

static gboolean
line_has_arrow (Parser *parser,
                guint   index)
{
  const Line *line = line_at (parser, index);

  return g_strstr_len (parser->text + line->start, line->end - line->start, "-->") != NULL;
}

static gboolean
line_starts_block (Parser     *parser,
                   guint       index,
                   const char *keyword)
{
  const Line *line = line_at (parser, index);
  gsize length = strlen (keyword);
  gsize line_length = line->end - line->start;
  const char *text = parser->text + line->start;

  return line_length >= length && strncmp (text, keyword, length) == 0 &&
         (line_length == length || text[length] == ' ' || text[length] == '\t');
}

/* Reads the timing line @index of a cue; FALSE when it is not one. */
static gboolean
parse_timing (Parser    *parser,
              guint      index,
              HelderCue *cue)
{
  const Line *line = line_at (parser, index);
  const char *text = parser->text;
  const char *problem;
  gsize pos = line->start;
  gsize mark;

  problem = parse_timestamp (text, &pos, line->end, &cue->start);
  if (problem != NULL)
    {
      report (parser, index, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-timestamp", problem);
      return FALSE;
    }

  while (pos < line->end && (text[pos] == ' ' || text[pos] == '\t'))
    pos++;
  if (line->end - pos < 3 || strncmp (text + pos, "-->", 3) != 0)
    {
      report (parser, index, pos - line->start, 0, HELDER_SEVERITY_ERROR, "webvtt-timing",
              _("write \" --> \" between the start and the end time"));
      return FALSE;
    }
  pos += 3;
  while (pos < line->end && (text[pos] == ' ' || text[pos] == '\t'))
    pos++;

  mark = pos;
  problem = parse_timestamp (text, &pos, line->end, &cue->end);
  if (problem != NULL)
    {
      report (parser, index, mark - line->start, 0, HELDER_SEVERITY_ERROR, "webvtt-timestamp",
              problem);
      return FALSE;
    }

  if (pos < line->end && text[pos] != ' ' && text[pos] != '\t')
    {
      report (parser, index, pos - line->start, 0, HELDER_SEVERITY_ERROR, "webvtt-timing",
              _("put a space between the end time and the cue settings"));
      return FALSE;
    }

  while (pos < line->end && (text[pos] == ' ' || text[pos] == '\t'))
    pos++;
  if (pos < line->end)
    {
      cue->settings = g_strndup (text + pos, line->end - pos);
      check_settings (parser, index, pos - line->start);
    }

  return TRUE;
}

/* One block between blank lines, lines [first, last). */
static void
parse_block (Parser      *parser,
             guint        first,
             guint        last,
             GHashTable  *identifiers)
{
  g_autoptr(GString) payload = NULL;
  HelderCue *cue;
  HelderCue *previous;
  guint timing = first;

  if (line_starts_block (parser, first, "NOTE"))
    {
      for (guint i = first; i < last; i++)
        if (line_has_arrow (parser, i))
          report (parser, i, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-note",
                  _("a NOTE must not contain \"-->\"; put a blank line before the next cue"));
      return;
    }

  if ((line_starts_block (parser, first, "STYLE") || line_starts_block (parser, first, "REGION")) &&
      !line_has_arrow (parser, first))
    {
      if (parser->vtt->cues->len > 0)
        report (parser, first, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-style",
                _("STYLE and REGION blocks must come before the first cue; move this block up"));
      return;
    }

  cue = g_new0 (HelderCue, 1);
  if (!line_has_arrow (parser, first))
    {
      if (first + 1 >= last || !line_has_arrow (parser, first + 1))
        {
          report (parser, first, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-block",
                  _("this is not a cue: a cue is an optional identifier line, then a timing "
                    "line \"00:01.000 --> 00:04.000\", then its text"));
          cue_free (cue);
          return;
        }
      cue->identifier = line_dup (parser, first);
      timing = first + 1;
    }

  cue->line = timing + 1;
  cue->offset = line_at (parser, timing)->start;
  cue->text_end = line_at (parser, last - 1)->end;
  if (!parse_timing (parser, timing, cue))
    {
      cue_free (cue);
      return;
    }

  payload = g_string_new (NULL);
  for (guint i = timing + 1; i < last; i++)
    {
      const Line *line = line_at (parser, i);

      if (line_has_arrow (parser, i))
        report (parser, i, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-arrow-in-text",
                _("cue text must not contain \"-->\"; a blank line is probably missing before "
                  "the next cue"));
      if (payload->len > 0)
        g_string_append_c (payload, '\n');
      g_string_append_len (payload, parser->text + line->start, line->end - line->start);
    }
  cue->text = g_string_free (g_steal_pointer (&payload), FALSE);

  if (cue->end <= cue->start)
    report (parser, timing, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-end-before-start",
            _("the cue ends before it starts; the end time must be later than the start time"));

  previous = parser->vtt->cues->len > 0
               ? g_ptr_array_index (parser->vtt->cues, parser->vtt->cues->len - 1) : NULL;
  if (previous != NULL && cue->start < previous->start)
    {
      g_autofree char *at = helder_webvtt_format_time (previous->start, '.');
      g_autofree char *message =
        g_strdup_printf (_("the cue starts before the cue above it (%s); cues must be in order "
                           "of their start time"), at);

      report (parser, timing, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-order", message);
    }
  else if (previous != NULL && cue->start < previous->end)
    {
      g_autofree char *at = helder_webvtt_format_time (previous->end, '.');
      g_autofree char *message =
        g_strdup_printf (_("the cue starts before the cue above it ends (%s); overlapping "
                           "captions are shown stacked and hard to read"), at);

      report (parser, timing, 0, 0, HELDER_SEVERITY_WARNING, "webvtt-overlap", message);
    }

  if (cue->text[strspn (cue->text, " \t\n")] == '\0')
    report (parser, timing, 0, 0, HELDER_SEVERITY_WARNING, "webvtt-empty-cue",
            _("the cue has no text; write what is said, or remove the cue"));

  if (cue->identifier != NULL)
    {
      if (g_hash_table_contains (identifiers, cue->identifier))
        {
          g_autofree char *message =
            g_strdup_printf (_("the cue identifier \"%s\" is used twice; identifiers must be "
                               "unique"), cue->identifier);

          report (parser, first, 0, 0, HELDER_SEVERITY_WARNING, "webvtt-identifier", message);
        }
      else
        g_hash_table_add (identifiers, g_strdup (cue->identifier));
    }

  g_ptr_array_add (parser->vtt->cues, cue);
}

/* Begins reading @parser's text as @file: the result to fill, and the
 * text's lines. %FALSE, with the problem reported as @rule, when the text
 * is not UTF-8.
 */
static gboolean
parser_begin (Parser     *parser,
              const char *file,
              gsize       length,
              const char *rule,
              const char *message)
{
  parser->vtt = webvtt_new (file);
  if (!g_utf8_validate_len (parser->text, length, NULL))
    {
      g_ptr_array_add (parser->vtt->diagnostics,
                       helder_diagnostic_new (file, 0, 0, 1, 1, HELDER_SEVERITY_ERROR, rule,
                                              message));
      return FALSE;
    }

  parser->lines = split_lines (parser->text, length);
  return TRUE;
}

/**
 * helder_webvtt_parse:
 *
 * Reads a WebVTT file as the WebVTT specification describes its
 * structure (signature, header, blocks separated by blank lines: cues,
 * NOTE, STYLE and REGION) and reports every problem with its line.
 *
 * Returns: (transfer full): the cues and the problems found.
 */
HelderWebVtt *
helder_webvtt_parse (const char *file,
                     const char *text,
                     gsize       length)
{
  g_autoptr(GHashTable) identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  g_autoptr(GArray) lines = NULL;
  Parser parser = { text, NULL, NULL };
  HelderWebVtt *self;
  guint i, first, end;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!parser_begin (&parser, file, length, "webvtt-encoding",
                     _("the caption file is not valid UTF-8; save it as UTF-8")))
    return parser.vtt;
  self = parser.vtt;
  lines = parser.lines;

  if (lines->len == 0 || !line_starts_block (&parser, 0, "WEBVTT"))
    {
      g_ptr_array_add (self->diagnostics,
                       helder_diagnostic_new (file, 0, lines->len > 0 ? line_at (&parser, 0)->end : 0,
                                              1, 1, HELDER_SEVERITY_ERROR, "webvtt-header",
                                              _("a WebVTT file must start with the line "
                                                "\"WEBVTT\"; an SRT file must be imported and "
                                                "converted first")));
      return self;
    }

  /* The header runs to the first blank line. */
  for (i = 1; i < lines->len && !line_is_blank (&parser, i); i++)
    if (line_has_arrow (&parser, i))
      {
        report (&parser, i, 0, 0, HELDER_SEVERITY_ERROR, "webvtt-header",
                _("put a blank line between the WEBVTT line and the first cue"));
        break;
      }

  while (next_block (&parser, &i, &first, &end))
    parse_block (&parser, first, end, identifiers);

  if (self->cues->len == 0)
    g_ptr_array_add (self->diagnostics,
                     helder_diagnostic_new (file, 0, line_at (&parser, 0)->end, 1, 1,
                                            HELDER_SEVERITY_ERROR, "webvtt-no-cues",
                                            _("the caption file has no cues; add the captions "
                                              "of the media")));

  return self;
}

/* "mm:ss.ttt", or "hh:mm:ss.ttt" from an hour on; SRT always has hours
 * and a comma.
 */
char *
helder_webvtt_format_time (gint64 time,
                           char   separator)
{
  gint64 hours = time / 3600000;
  int minutes = (int) (time / 60000 % 60);
  int seconds = (int) (time / 1000 % 60);
  int millis = (int) (time % 1000);

  if (hours > 0 || separator == ',')
    return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d:%02d%c%03d", hours, minutes, seconds,
                            separator, millis);
  return g_strdup_printf ("%02d:%02d%c%03d", minutes, seconds, separator, millis);
}

/* If @p starts with a character reference WebVTT defines (&amp; &lt; &gt;
 * &nbsp; &lrm; &rlm;), appends the text it stands for to @out and returns
 * its length; otherwise returns 0.
 */
static gsize
decode_reference (const char *p,
                  GString    *out)
{
  static const struct { const char *reference; const char *text; } references[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", "\xc2\xa0" },
    { "&lrm;", "" }, { "&rlm;", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (g_str_has_prefix (p, references[i].reference))
      {
        g_string_append (out, references[i].text);
        return strlen (references[i].reference);
      }

  return 0;
}

static char *decode_cue_text (const char *text,
                              gboolean    keep_shared_tags);

/* The text a viewer reads: tags (<v Anna>, <i>, <00:01.000>) removed,
 * character references decoded.
 */
char *
helder_webvtt_cue_plain_text (const HelderCue *cue)
{
  g_return_val_if_fail (cue != NULL, NULL);

  return decode_cue_text (cue->text, FALSE);
}

/* All cue text, one cue per line: what a transcript should cover. */
char *
helder_webvtt_plain_text (HelderWebVtt *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->cues->len; i++)
    {
      g_autofree char *text = helder_webvtt_cue_plain_text (g_ptr_array_index (self->cues, i));

      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static HelderDiagnostic *
cue_diagnostic (HelderWebVtt    *self,
                const HelderCue *cue,
                HelderSeverity   severity,
                const char      *rule,
                const char      *message)
{
  return helder_diagnostic_new (self->file, cue->offset, cue->text_end, cue->line, 1,
                                severity, rule, message);
}

/**
 * helder_webvtt_check_quality:
 * @media_duration: length of the media in ms, or -1 when unknown
 *
 * Checks the cues against caption guidelines: line length, lines per
 * cue, reading speed, silent gaps and coverage of the media.
 */
void
helder_webvtt_check_quality (HelderWebVtt                  *self,
                             const HelderCaptionGuidelines *guidelines,
                             gint64                         media_duration,
                             GPtrArray                     *diagnostics)
{
  gint64 covered = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (guidelines != NULL);
  g_return_if_fail (diagnostics != NULL);

  for (guint i = 0; i < self->cues->len; i++)
    {
      const HelderCue *cue = g_ptr_array_index (self->cues, i);
      g_autofree char *plain = helder_webvtt_cue_plain_text (cue);
      g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
      guint n_lines = g_strv_length (lines);
      glong chars = 0;
      double seconds = (cue->end - cue->start) / 1000.0;

      if (n_lines > guidelines->max_lines)
        {
          g_autofree char *message =
            g_strdup_printf (_("the cue has %u lines; show at most %u at a time by splitting "
                               "the cue"), n_lines, guidelines->max_lines);

          g_ptr_array_add (diagnostics, cue_diagnostic (self, cue, HELDER_SEVERITY_WARNING,
                                                        "captions-lines", message));
        }

      for (guint j = 0; j < n_lines; j++)
        {
          glong length = g_utf8_strlen (lines[j], -1);

          chars += length;
          if (length > (glong) guidelines->max_line_chars)
            {
              g_autofree char *message =
                g_strdup_printf (_("line %u of the cue has %ld characters; keep caption lines "
                                   "to %u characters"), j + 1, length,
                                 guidelines->max_line_chars);

              g_ptr_array_add (diagnostics, cue_diagnostic (self, cue, HELDER_SEVERITY_WARNING,
                                                            "captions-line-length", message));
            }
        }

      if (seconds > 0 && chars / seconds > guidelines->max_chars_per_second)
        {
          g_autofree char *message =
            g_strdup_printf (_("the cue asks for %.1f characters per second, more than the %g "
                               "a B1 reader can follow; show it longer or shorten the text"),
                             chars / seconds, guidelines->max_chars_per_second);

          g_ptr_array_add (diagnostics, cue_diagnostic (self, cue, HELDER_SEVERITY_WARNING,
                                                        "captions-reading-speed", message));
        }

      if (cue->start - covered > guidelines->max_gap)
        {
          g_autofree char *from = helder_webvtt_format_time (covered, '.');
          g_autofree char *message =
            g_strdup_printf (_("no captions for %.1f s before this cue (from %s); if anyone "
                               "speaks there, add captions"),
                             (cue->start - covered) / 1000.0, from);

          g_ptr_array_add (diagnostics, cue_diagnostic (self, cue, HELDER_SEVERITY_WARNING,
                                                        "captions-gap", message));
        }
      covered = MAX (covered, cue->end);

      if (media_duration >= 0 && cue->start >= media_duration)
        {
          g_autofree char *length = helder_webvtt_format_time (media_duration, '.');
          g_autofree char *message =
            g_strdup_printf (_("the cue starts after the media ends (%s); correct its time"),
                             length);

          g_ptr_array_add (diagnostics, cue_diagnostic (self, cue, HELDER_SEVERITY_ERROR,
                                                        "captions-coverage", message));
        }
    }

  if (media_duration >= 0 && media_duration - covered > guidelines->max_gap)
    {
      g_autofree char *end = helder_webvtt_format_time (covered, '.');
      g_autofree char *length = helder_webvtt_format_time (media_duration, '.');
      g_autofree char *message =
        g_strdup_printf (_("the captions stop at %s but the media lasts %s; caption the rest "
                           "of the media"), end, length);
      const HelderCue *last = self->cues->len > 0
                                ? g_ptr_array_index (self->cues, self->cues->len - 1) : NULL;

      g_ptr_array_add (diagnostics,
                       last != NULL
                         ? cue_diagnostic (self, last, HELDER_SEVERITY_WARNING,
                                           "captions-coverage", message)
                         : helder_diagnostic_new (self->file, 0, 0, 1, 1,
                                                  HELDER_SEVERITY_WARNING,
                                                  "captions-coverage", message));
    }
}

/* Returns: (transfer full): the cues as a WebVTT file. */
char *
helder_webvtt_to_string (HelderWebVtt *self)
{
  GString *out = g_string_new ("WEBVTT\n");

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->cues->len; i++)
    {
      const HelderCue *cue = g_ptr_array_index (self->cues, i);
      g_autofree char *start = helder_webvtt_format_time (cue->start, '.');
      g_autofree char *end = helder_webvtt_format_time (cue->end, '.');

      g_string_append_c (out, '\n');
      if (cue->identifier != NULL)
        g_string_append_printf (out, "%s\n", cue->identifier);
      g_string_append_printf (out, "%s --> %s", start, end);
      if (cue->settings != NULL)
        g_string_append_printf (out, " %s", cue->settings);
      g_string_append_printf (out, "\n%s\n", cue->text);
    }

  return g_string_free (out, FALSE);
}

/* Whether @p starts an <i>, <b> or <u> tag (or its end tag), the only
 * markup SRT and WebVTT share.
 */
static gsize
shared_tag_length (const char *p)
{
  static const char * const tags[] = { "<i>", "</i>", "<b>", "</b>", "<u>", "</u>" };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_ascii_strncasecmp (p, tags[i], strlen (tags[i])) == 0)
      return strlen (tags[i]);

  return 0;
}

/* SRT cue text as WebVTT cue text: the shared tags kept, <font> and other
 * tags dropped, '&' and a bare '<' escaped, and "-->" broken up.
 */
static char *
srt_text_to_webvtt (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      gsize tag = shared_tag_length (p);

      if (tag > 0)
        {
          for (gsize i = 0; i < tag; i++)
            g_string_append_c (out, g_ascii_tolower (p[i]));
          p += tag - 1;
        }
      else if (*p == '<' && strchr (p, '>') != NULL &&
               (g_ascii_isalpha (p[1]) || p[1] == '/'))
        p = strchr (p, '>');
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else if (g_str_has_prefix (p, "-->"))
        {
          g_string_append (out, "--&gt;");
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Cue text with its tags dropped (with @keep_shared_tags, all but the
 * tags SRT shares, for SRT) and its character references decoded.
 */
static char *
decode_cue_text (const char *text,
                 gboolean    keep_shared_tags)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      gsize tag = keep_shared_tags ? shared_tag_length (p) : 0;
      gsize reference;

      if (tag > 0)
        {
          g_string_append_len (out, p, tag);
          p += tag - 1;
        }
      else if (*p == '<' && strchr (p, '>') != NULL)
        p = strchr (p, '>');
      else if (*p == '&' && (reference = decode_reference (p, out)) > 0)
        p += reference - 1;
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): the cues as an SRT file, shared tags kept and
 * character references decoded.
 */
char *
helder_webvtt_to_srt (HelderWebVtt *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->cues->len; i++)
    {
      const HelderCue *cue = g_ptr_array_index (self->cues, i);
      g_autofree char *start = helder_webvtt_format_time (cue->start, ',');
      g_autofree char *end = helder_webvtt_format_time (cue->end, ',');
      g_autofree char *text = decode_cue_text (cue->text, TRUE);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%u\n%s --> %s\n%s\n", i + 1, start, end, text);
    }

  return g_string_free (out, FALSE);
}

/* Reads an SRT timestamp, hh:mm:ss,mmm (a full stop is tolerated).
 * Returns NULL, or what is wrong with it.
 */
static const char *
parse_srt_time (GMatchInfo *match,
                guint       group,
                gint64     *time)
{
  gint64 parts[4];

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *digits = g_match_info_fetch (match, group + i);

      parts[i] = g_ascii_strtoll (digits, NULL, 10);
    }
  /* Hours beyond 99,999 fit no video, and would overflow the sum below. */
  if (parts[0] < 0 || parts[0] > 99999)
    return _("the hours are more than any video lasts; check the timing");
  if (parts[1] > 59 || parts[2] > 59)
    return _("minutes and seconds are two digits from 00 to 59");

  *time = ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000 + parts[3];
  return NULL;
}

/**
 * helder_webvtt_from_srt:
 *
 * Imports a SubRip (.srt) file: numbered blocks of a timing line
 * "00:00:01,000 --> 00:00:04,000" and text. The cues keep their number
 * as identifier; the problems of the SRT file are reported with their
 * line, and a block that cannot be read is left out.
 *
 * Returns: (transfer full): the cues, ready for helder_webvtt_to_string().
 */
HelderWebVtt *
helder_webvtt_from_srt (const char *file,
                        const char *text,
                        gsize       length)
{
  static GRegex *timing = NULL;
  g_autoptr(GArray) lines = NULL;
  Parser parser = { text, NULL, NULL };
  HelderWebVtt *self;
  guint next = 0, first, end;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (g_once_init_enter (&timing))
    g_once_init_leave (&timing,
                       g_regex_new ("^\\s*([0-9]+):([0-9]{2}):([0-9]{2})[,.]([0-9]{3})\\s*-->\\s*"
                                    "([0-9]+):([0-9]{2}):([0-9]{2})[,.]([0-9]{3})(\\s.*)?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (!parser_begin (&parser, file, length, "srt-encoding",
                     _("the SRT file is not valid UTF-8; save it as UTF-8")))
    return parser.vtt;
  self = parser.vtt;
  lines = parser.lines;

  while (next_block (&parser, &next, &first, &end))
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *timing_line = NULL;
      g_autoptr(GString) payload = NULL;
      g_autofree char *identifier = NULL;
      HelderCue *cue;
      const char *problem;
      guint i = first;

      timing_line = line_dup (&parser, i);
      if (strstr (timing_line, "-->") == NULL)
        {
          identifier = g_steal_pointer (&timing_line);
          g_strstrip (identifier);
          i++;
          timing_line = i < end ? line_dup (&parser, i) : g_strdup ("");
        }

      if (!g_regex_match (timing, timing_line, 0, &match))
        {
          report (&parser, i < end ? i : first, 0, 0, HELDER_SEVERITY_ERROR, "srt-timing",
                  _("expected an SRT timing line such as \"00:00:01,000 --> 00:00:04,000\"; "
                    "this block is left out"));
          continue;
        }

      cue = g_new0 (HelderCue, 1);
      cue->identifier = g_steal_pointer (&identifier);
      cue->line = i + 1;
      cue->offset = line_at (&parser, i)->start;
      if ((problem = parse_srt_time (match, 1, &cue->start)) != NULL ||
          (problem = parse_srt_time (match, 5, &cue->end)) != NULL)
        report (&parser, i, 0, 0, HELDER_SEVERITY_ERROR, "srt-timing", problem);
      else if (cue->end <= cue->start)
        report (&parser, i, 0, 0, HELDER_SEVERITY_ERROR, "srt-timing",
                _("the cue ends before it starts; the end time must be later than the start "
                  "time"));

      payload = g_string_new (NULL);
      for (i++; i < end; i++)
        {
          g_autofree char *line = line_dup (&parser, i);
          g_autofree char *converted = srt_text_to_webvtt (line);

          if (payload->len > 0)
            g_string_append_c (payload, '\n');
          g_string_append (payload, converted);
        }
      cue->text = g_string_free (g_steal_pointer (&payload), FALSE);
      cue->text_end = line_at (&parser, i - 1)->end;
      g_ptr_array_add (self->cues, cue);
    }

  if (self->cues->len == 0)
    g_ptr_array_add (self->diagnostics,
                     helder_diagnostic_new (file, 0, 0, 1, 1, HELDER_SEVERITY_ERROR, "srt-empty",
                                            _("the SRT file has no cues")));

  return self;
}
