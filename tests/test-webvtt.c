/* test-webvtt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-diagnostic.h"
#include "helder-media-summary.h"
#include "helder-test-utils.h"
#include "helder-webvtt.h"

typedef struct
{
  const char *name;
  const char *text;
  guint       n_cues;
  const char *rule;    /* NULL: the file is valid */
  guint       line;
  const char *message; /* a part of the expected message */
} Case;

#define CUE "00:01.000 --> 00:03.000\nHallo allemaal.\n"

static const Case cases[] = {
  /* Valid files. */
  { "minimal", "WEBVTT\n\n" CUE, 1, NULL, 0, NULL },
  { "header-text", "WEBVTT - Wat is AI?\n\n" CUE, 1, NULL, 0, NULL },
  { "bom", "\xef\xbb\xbfWEBVTT\n\n" CUE, 1, NULL, 0, NULL },
  { "crlf", "WEBVTT\r\n\r\n00:01.000 --> 00:03.000\r\nHallo.\r\n", 1, NULL, 0, NULL },
  { "cr-only", "WEBVTT\r\r00:01.000 --> 00:03.000\rHallo.\r", 1, NULL, 0, NULL },
  { "hours", "WEBVTT\n\n01:00:01.000 --> 01:00:03.000\nLaat.\n", 1, NULL, 0, NULL },
  { "identifiers", "WEBVTT\n\nintro\n" CUE "\n2\n00:03.000 --> 00:05.000\nTwee.\n", 2, NULL, 0,
    NULL },
  { "note", "WEBVTT\n\nNOTE gemaakt door het team\n\n" CUE, 1, NULL, 0, NULL },
  { "style", "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n" CUE, 1, NULL, 0, NULL },
  { "settings", "WEBVTT\n\n00:01.000 --> 00:03.000 line:90% position:50%,center align:start "
    "size:80%\nTekst.\n", 1, NULL, 0, NULL },
  { "settings-line-number", "WEBVTT\n\n00:01.000 --> 00:03.000 line:-1,end vertical:rl\nT.\n",
    1, NULL, 0, NULL },
  { "voice-and-tags", "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Anna>Hallo <i>jij</i> &amp; ik\n",
    1, NULL, 0, NULL },
  { "two-lines", "WEBVTT\n\n00:01.000 --> 00:04.000\nEen regel\nen nog een\n", 1, NULL, 0, NULL },
  { "metadata-header", "WEBVTT\nKind: captions\nLanguage: nl\n\n" CUE, 1, NULL, 0, NULL },
  { "many-blank-lines", "WEBVTT\n\n\n\n" CUE "\n\n\n", 1, NULL, 0, NULL },

  /* Invalid files, each with its message and line. */
  { "empty-file", "", 0, "webvtt-header", 1, "must start with the line \"WEBVTT\"" },
  { "no-signature", "1\n00:00:01,000 --> 00:00:03,000\nHallo\n", 0, "webvtt-header", 1,
    "SRT file must be imported" },
  { "signature-glued", "WEBVTTX\n\n" CUE, 0, "webvtt-header", 1, "\"WEBVTT\"" },
  { "lowercase-signature", "webvtt\n\n" CUE, 0, "webvtt-header", 1, "\"WEBVTT\"" },
  { "no-blank-after-header", "WEBVTT\n" CUE, 1, "webvtt-header", 2, "blank line between" },
  { "no-cues", "WEBVTT\n\nNOTE alleen een notitie\n", 0, "webvtt-no-cues", 1, "no cues" },
  { "comma-milliseconds", "WEBVTT\n\n00:01,000 --> 00:03.000\nT.\n", 0, "webvtt-timestamp", 3,
    "not a comma" },
  { "two-digit-millis", "WEBVTT\n\n00:01.00 --> 00:03.000\nT.\n", 0, "webvtt-timestamp", 3,
    "exactly three digits" },
  { "seconds-60", "WEBVTT\n\n00:60.000 --> 01:03.000\nT.\n", 0, "webvtt-timestamp", 3,
    "00 to 59" },
  { "one-digit-minutes", "WEBVTT\n\n0:01.000 --> 0:03.000\nT.\n", 0, "webvtt-timestamp", 3,
    "00 to 59" },
  { "one-digit-hours", "WEBVTT\n\n1:00:01.000 --> 1:00:03.000\nT.\n", 0, "webvtt-timestamp", 3,
    "at least two digits" },
  { "no-millis", "WEBVTT\n\n00:01 --> 00:03\nT.\n", 0, "webvtt-timestamp", 3,
    "needs milliseconds" },
  { "bad-end", "WEBVTT\n\n00:01.000 --> soon\nT.\n", 0, "webvtt-timestamp", 3, "mm:ss.ttt" },
  { "arrow-missing-spaces", "WEBVTT\n\n00:01.000 -> 00:03.000\nT.\n", 0, "webvtt-block", 3,
    "not a cue" },
  { "settings-glued", "WEBVTT\n\n00:01.000 --> 00:03.000align:start\nT.\n", 0, "webvtt-timing",
    3, "space between the end time" },
  { "end-before-start", "WEBVTT\n\n00:05.000 --> 00:03.000\nT.\n", 1, "webvtt-end-before-start",
    3, "ends before it starts" },
  { "zero-length", "WEBVTT\n\n00:05.000 --> 00:05.000\nT.\n", 1, "webvtt-end-before-start", 3,
    "later than the start" },
  { "out-of-order", "WEBVTT\n\n00:05.000 --> 00:06.000\nA.\n\n00:01.000 --> 00:02.000\nB.\n", 2,
    "webvtt-order", 6, "in order of their start time" },
  { "overlap", "WEBVTT\n\n00:01.000 --> 00:04.000\nA.\n\n00:03.000 --> 00:05.000\nB.\n", 2,
    "webvtt-overlap", 6, "before the cue above it ends (00:04.000)" },
  { "empty-cue", "WEBVTT\n\n00:01.000 --> 00:03.000\n\n" CUE, 2, "webvtt-empty-cue", 3,
    "no text" },
  { "arrow-in-text", "WEBVTT\n\n00:01.000 --> 00:03.000\nA.\n00:03.000 --> 00:05.000\nB.\n", 1,
    "webvtt-arrow-in-text", 5, "blank line is probably missing" },
  { "unknown-setting", "WEBVTT\n\n00:01.000 --> 00:03.000 colour:red\nT.\n", 1, "webvtt-setting",
    3, "unknown cue setting \"colour:red\"" },
  { "bad-setting-value", "WEBVTT\n\n00:01.000 --> 00:03.000 align:middle\nT.\n", 1,
    "webvtt-setting", 3, "not a valid value for the cue setting \"align\"" },
  { "percent-too-big", "WEBVTT\n\n00:01.000 --> 00:03.000 size:120%\nT.\n", 1, "webvtt-setting",
    3, "\"size\"" },
  { "setting-twice", "WEBVTT\n\n00:01.000 --> 00:03.000 align:start align:end\nT.\n", 1,
    "webvtt-setting", 3, "given twice" },
  { "duplicate-id", "WEBVTT\n\na\n" CUE "\na\n00:04.000 --> 00:05.000\nB.\n", 2,
    "webvtt-identifier", 7, "used twice" },
  { "stray-text", "WEBVTT\n\nzomaar wat tekst\n\n" CUE, 1, "webvtt-block", 3, "not a cue" },
  { "note-with-arrow", "WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\n\n" CUE, 1, "webvtt-note", 4,
    "must not contain" },
  { "style-after-cue", "WEBVTT\n\n" CUE "\nSTYLE\n::cue { color: red }\n", 1, "webvtt-style", 6,
    "before the first cue" },
  { "not-utf8", "WEBVTT\n\n00:01.000 --> 00:03.000\nCaf\xe9\n", 0, "webvtt-encoding", 1,
    "UTF-8" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(HelderWebVtt) vtt = helder_webvtt_parse ("media/x.vtt", c->text, strlen (c->text));

  g_assert_cmpuint (vtt->cues->len, ==, c->n_cues);

  if (c->rule == NULL)
    {
      for (guint i = 0; i < vtt->diagnostics->len; i++)
        {
          g_autofree char *line = helder_diagnostic_to_string (g_ptr_array_index (vtt->diagnostics, i));

          g_test_message ("unexpected: %s", line);
        }
      g_assert_cmpuint (vtt->diagnostics->len, ==, 0);
    }
  else
    {
      const HelderDiagnostic *d;

      g_assert_cmpuint (vtt->diagnostics->len, >=, 1);
      d = g_ptr_array_index (vtt->diagnostics, 0);
      g_assert_cmpstr (d->rule, ==, c->rule);
      g_assert_cmpuint (d->line, ==, c->line);
      g_assert_cmpstr (d->file, ==, "media/x.vtt");
      if (strstr (d->message, c->message) == NULL)
        g_error ("message \"%s\" lacks \"%s\"", d->message, c->message);
    }
}

static void
test_cue_values (void)
{
  const char *text = "WEBVTT\n\nintro\n01:02:03.456 --> 01:02:05.000 align:start\n"
                     "<v Anna>Zo &amp; zo</v>\n<i>tweede</i> regel\n";
  g_autoptr(HelderWebVtt) vtt = helder_webvtt_parse ("x.vtt", text, strlen (text));
  const HelderCue *cue;
  g_autofree char *plain = NULL;

  g_assert_cmpuint (vtt->cues->len, ==, 1);
  cue = g_ptr_array_index (vtt->cues, 0);
  g_assert_cmpstr (cue->identifier, ==, "intro");
  g_assert_cmpint (cue->start, ==, 3723456);
  g_assert_cmpint (cue->end, ==, 3725000);
  g_assert_cmpstr (cue->settings, ==, "align:start");
  g_assert_cmpuint (cue->line, ==, 4);
  plain = helder_webvtt_cue_plain_text (cue);
  g_assert_cmpstr (plain, ==, "Zo & zo\ntweede regel");
}

static const char srt[] =
  "1\n00:00:01,000 --> 00:00:03,500\nWelkom bij de cursus.\n\n"
  "2\n00:00:04,000 --> 00:00:07,250\n<i>AI</i> is overal & nergens.\nRegel < twee?\n\n"
  "3\n01:00:00,000 --> 01:00:02,000\nLaatste.\n";

static void
test_srt_round_trip (void)
{
  g_autoptr(HelderWebVtt) imported = helder_webvtt_from_srt ("x.srt", srt, strlen (srt));
  g_autofree char *webvtt = NULL;
  g_autoptr(HelderWebVtt) reparsed = NULL;
  g_autofree char *back = NULL;

  g_assert_cmpuint (imported->diagnostics->len, ==, 0);
  g_assert_cmpuint (imported->cues->len, ==, 3);
  webvtt = helder_webvtt_to_string (imported);
  g_assert_true (g_str_has_prefix (webvtt, "WEBVTT\n\n1\n00:01.000 --> 00:03.500\n"));
  g_assert_nonnull (strstr (webvtt, "<i>AI</i> is overal &amp; nergens.\nRegel &lt; twee?"));
  g_assert_nonnull (strstr (webvtt, "01:00:00.000 --> 01:00:02.000"));

  /* The WebVTT Helder writes is valid WebVTT... */
  reparsed = helder_webvtt_parse ("x.vtt", webvtt, strlen (webvtt));
  g_assert_cmpuint (reparsed->diagnostics->len, ==, 0);
  g_assert_cmpuint (reparsed->cues->len, ==, 3);

  /* ...and converts back to the same SRT. */
  back = helder_webvtt_to_srt (reparsed);
  g_assert_cmpstr (back, ==, srt);
}

/* The plain text and the SRT decode the same character references. */
static void
test_references (void)
{
  const char *text = "WEBVTT\n\n00:01.000 --> 00:03.000\n"
                     "a&amp;b&lt;c&gt;d&nbsp;e&lrm;f&rlm;g &copy;\n";
  g_autoptr(HelderWebVtt) vtt = helder_webvtt_parse ("x.vtt", text, strlen (text));
  g_autofree char *plain = helder_webvtt_cue_plain_text (g_ptr_array_index (vtt->cues, 0));
  g_autofree char *as_srt = helder_webvtt_to_srt (vtt);

  g_assert_cmpstr (plain, ==, "a&b<c>d\xc2\xa0" "efg &copy;");
  g_assert_cmpstr (as_srt, ==, "1\n00:00:01,000 --> 00:00:03,000\na&b<c>d\xc2\xa0" "efg &copy;\n");
}

/* Hours beyond any video are refused, not multiplied past the end of a
 * 64-bit number (signed overflow).
 */
static void
test_srt_huge_hours (void)
{
  const char *text = "1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nNooit.\n\n"
                     "2\n00:00:01,000 --> 00:00:02,000\nWel.\n";
  g_autoptr(HelderWebVtt) imported = helder_webvtt_from_srt ("x.srt", text, strlen (text));
  const HelderDiagnostic *d;

  g_assert_cmpuint (imported->diagnostics->len, ==, 1);
  d = g_ptr_array_index (imported->diagnostics, 0);
  g_assert_cmpstr (d->rule, ==, "srt-timing");
  g_assert_cmpuint (d->line, ==, 2);
  g_assert_nonnull (strstr (d->message, "hours"));
}

static void
test_srt_problems (void)
{
  const char *text = "1\n00:00:01,000 --> 00:00:03,000\n<font color=\"red\">Rood</font>\n\n"
                     "2\n00:00:04 --> 00:00:05,000\nKapot.\n\n"
                     "3\n00:00:06,000 --> 00:00:05,000\nAchteruit.\n";
  g_autoptr(HelderWebVtt) imported = helder_webvtt_from_srt ("x.srt", text, strlen (text));
  const HelderCue *cue;
  const HelderDiagnostic *d;

  g_assert_cmpuint (imported->cues->len, ==, 2);
  cue = g_ptr_array_index (imported->cues, 0);
  g_assert_cmpstr (cue->text, ==, "Rood");
  g_assert_cmpuint (imported->diagnostics->len, ==, 2);
  d = g_ptr_array_index (imported->diagnostics, 0);
  g_assert_cmpstr (d->rule, ==, "srt-timing");
  g_assert_cmpuint (d->line, ==, 6);
  d = g_ptr_array_index (imported->diagnostics, 1);
  g_assert_cmpuint (d->line, ==, 10);
  g_assert_nonnull (strstr (d->message, "ends before it starts"));
}

static GPtrArray *
check_quality (const char *text,
               gint64      duration)
{
  g_autoptr(HelderWebVtt) vtt = helder_webvtt_parse ("c.vtt", text, strlen (text));
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  g_assert_cmpuint (vtt->diagnostics->len, ==, 0);
  helder_webvtt_check_quality (vtt, &helder_caption_guidelines_default, duration, found);
  return found;
}

static void
assert_rules (GPtrArray  *found,
              const char *expected)
{
  g_autoptr(GString) rules = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (found, i);

      g_string_append_printf (rules, "%s%s:%u", i > 0 ? " " : "", d->rule, d->line);
    }
  g_assert_cmpstr (rules->str, ==, expected);
}

static void
test_quality (void)
{
  g_autoptr(GPtrArray) good = check_quality ("WEBVTT\n\n00:00.500 --> 00:03.000\n"
                                             "Een korte zin.\nNog een regel.\n", 4000);
  g_autoptr(GPtrArray) bad = check_quality (
    "WEBVTT\n\n"
    "00:01.000 --> 00:09.000\nDeze regel is veel te lang voor een ondertitel op het scherm.\n\n"
    "00:09.000 --> 00:13.000\nEen\ntwee\ndrie\n\n"
    "00:13.000 --> 00:14.000\nDit is veel te snel om te lezen.\n\n"
    "00:20.000 --> 00:22.000\nNa een stilte.\n\n"
    "01:30.000 --> 01:32.000\nNa het einde.\n", 60000);
  g_autoptr(GPtrArray) short_captions = check_quality ("WEBVTT\n\n00:01.000 --> 00:03.000\n"
                                                       "Alleen het begin.\n", 120000);

  assert_rules (good, "");
  assert_rules (bad, "captions-line-length:3 captions-lines:6 captions-reading-speed:11 "
                     "captions-gap:14 captions-gap:17 captions-coverage:17");
  assert_rules (short_captions, "captions-coverage:3");
  g_assert_nonnull (strstr (((HelderDiagnostic *) g_ptr_array_index (short_captions, 0))->message,
                            "the media lasts 02:00.000"));
}

/* What a video card shows: the sample video's length and first frame, how
 * much of it the captions cover, the transcript's words; a caption file
 * with an error gives it with its line.
 */
static void
test_media_summary (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"),
                                               "content-samples", "ai-bewustzijn", NULL);
  g_autofree char *folder = helder_test_make_temp_dir ();
  g_autoptr(HelderMediaSummary) video = NULL;
  g_autoptr(HelderMediaSummary) broken = NULL;
  g_autoptr(HelderMediaSummary) missing = NULL;
  gsize size;
  const guchar *png;

  video = helder_media_summary_read (samples, "media/wat-is-ai.webm", TRUE, "media/wat-is-ai.vtt",
                                     "media/wat-is-ai.txt");
  g_assert_null (video->media_problem);
  g_assert_cmpint (video->duration, >, 30000);
  g_assert_nonnull (video->first_frame);
  png = g_bytes_get_data (video->first_frame, &size);
  g_assert_cmpuint (size, >, 8);
  g_assert_cmpmem (png, 4, "\x89PNG", 4);
  g_assert_null (video->captions_problem);
  g_assert_cmpuint (video->n_cues, >, 5);
  g_assert_cmpint (video->captions_end, >, 30000);
  g_assert_cmpint (video->captions_end, <=, video->duration);
  g_assert_cmpint (video->transcript_words, >, 50);

  helder_test_write_file (folder, "kapot.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nTerug in de tijd\n");
  helder_test_write_file (folder, "geluid.ogg", "geen geluid");
  broken = helder_media_summary_read (folder, "geluid.ogg", FALSE, "kapot.vtt", "weg.txt");
  g_assert_cmpint (broken->duration, ==, -1);
  g_assert_nonnull (broken->media_problem);
  g_assert_null (broken->first_frame);
  g_assert_true (g_str_has_prefix (broken->captions_problem, "line 3: "));
  g_assert_cmpint (broken->transcript_words, ==, -1);

  /* Nothing chosen yet, or a path out of the course: nothing is read. */
  missing = helder_media_summary_read (folder, NULL, TRUE, "../kapot.vtt", "");
  g_assert_cmpint (missing->duration, ==, -1);
  g_assert_null (missing->media_problem);
  g_assert_null (missing->captions_problem);
  g_assert_cmpint (missing->captions_end, ==, -1);

  helder_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/webvtt/%s/%s", cases[i].rule ? "invalid" : "valid",
                                               cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/webvtt/cue-values", test_cue_values);
  g_test_add_func ("/webvtt/srt-round-trip", test_srt_round_trip);
  g_test_add_func ("/webvtt/srt-problems", test_srt_problems);
  g_test_add_func ("/webvtt/references", test_references);
  g_test_add_func ("/webvtt/srt-huge-hours", test_srt_huge_hours);
  g_test_add_func ("/webvtt/quality", test_quality);
  g_test_add_func ("/webvtt/media-summary", test_media_summary);

  return g_test_run ();
}
