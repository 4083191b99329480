/* test-a11y-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-a11y-rules.h"
#include "helder-checks.h"
#include "helder-media.h"
#include "helder-test-utils.h"

/* "rule:line" of every accessibility finding, in order. */
static char *
summarise (GPtrArray *diagnostics)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (!g_str_has_prefix (d->rule, "a11y-"))
        continue;
      g_string_append_printf (out, "%s%s:%u", out->len > 0 ? " " : "", d->rule, d->line);
    }

  return g_string_free (out, FALSE);
}

static GPtrArray *
check_page_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(HelderPage) page = helder_page_new ("m/p.md", bytes);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

  helder_a11y_check_page (NULL, page, found);
  return found;
}

static void
assert_page (const char *text,
             const char *expected)
{
  g_autoptr(GPtrArray) found = check_page_text (text);
  g_autofree char *summary = summarise (found);

  g_assert_cmpstr (summary, ==, expected);
}

static const HelderDiagnostic *
first_finding (GPtrArray *found)
{
  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

static void
test_alt (void)
{
  g_autoptr(GPtrArray) prefixed = NULL;
  const HelderDiagnostic *d;

  /* Good alt text, decorative images: nothing. */
  assert_page ("# T\n\n```image\nsrc: media/a.png\nalt: Een kaart van Utrecht.\n```\n", "");
  assert_page ("# T\n\n```image\nsrc: media/a.png\ndecorative: yes\n```\n", "");
  assert_page ("# T\n\nZie ![Kaart van de wijk](media/a.png).\n", "");
  assert_page ("# T\n\n```image\nsrc: media/a.png\nalt: Fotograaf van het jaar met camera.\n```\n",
               "");

  /* File names. */
  assert_page ("# T\n\n```image\nsrc: media/a.png\nalt: kaart.PNG\n```\n", "a11y-alt-file-name:5");
  assert_page ("# T\n\n```image\nsrc: media/stadskaart.png\nalt: stadskaart\n```\n",
               "a11y-alt-file-name:5");
  assert_page ("# T\n\nZie ![DSC_0042](media/a.png).\n", "a11y-alt-file-name:3");

  /* Missing alt on an inline image. */
  assert_page ("# T\n\nZie ![](media/a.png).\n", "a11y-alt-missing:3");

  /* Redundant prefixes, with the rest as suggestion. */
  prefixed = check_page_text ("# T\n\n```image\nsrc: media/a.png\nalt: foto van een bus\n```\n");
  d = first_finding (prefixed);
  g_assert_cmpstr (d->rule, ==, "a11y-alt-redundant");
  g_assert_cmpuint (d->line, ==, 5);
  g_assert_cmpuint (d->column, ==, 6);
  g_assert_cmpuint (d->suggestions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (d->suggestions, 0), ==, "Een bus");
  assert_page ("# T\n\n```image\nsrc: media/a.png\nalt: Afbeelding van: ezel\n```\n",
               "a11y-alt-redundant:5");
  assert_page ("# T\n\n```image\nsrc: media/a.png\nalt: Image of a bus\n```\n",
               "a11y-alt-redundant:5");

  /* Long alt text: 151 characters is too long, 150 is fine. */
  {
    g_autofree char *a150 = g_strnfill (150, 'a');
    g_autofree char *a151 = g_strnfill (151, 'a');
    g_autofree char *page150 = g_strdup_printf ("# T\n\n```image\nsrc: m/a.png\nalt: %s\n```\n", a150);
    g_autofree char *page151 = g_strdup_printf ("# T\n\n```image\nsrc: m/a.png\nalt: %s\n```\n", a151);

    assert_page (page150, "");
    assert_page (page151, "a11y-alt-long:5");
  }
}

static void
test_headings (void)
{
  g_autoptr(GPtrArray) skipped = NULL;
  const HelderDiagnostic *d;

  assert_page ("# T\n\n## A\n\n### B\n\n## C\n\n### D\n", "");
  assert_page ("# T\n\n### A\n", "a11y-heading-order:3");
  assert_page ("# T\n\n## A\n\n#### B\n\n## C\n", "a11y-heading-order:5");
  assert_page ("# T\n\nTekst.\n\n# Tweede\n", "a11y-title:5");
  assert_page ("Titel\n=====\n\nTekst.\n\nNog een\n=======\n", "a11y-title:6");

  skipped = check_page_text ("# T\n\n  ### A\n");
  d = first_finding (skipped);
  g_assert_cmpuint (d->column, ==, 3);
  g_assert_cmpuint (d->end - d->start, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (d->suggestions, 0), ==, "##");
}

static void
test_links (void)
{
  g_autoptr(GPtrArray) vague = NULL;
  const HelderDiagnostic *d;

  assert_page ("# T\n\nLees [de AI-verordening](https://eur-lex.europa.eu/) door.\n", "");
  assert_page ("# T\n\nZie ![kaart van de wijk](media/hier.png).\n", "");
  assert_page ("# T\n\nDe [hieronder](#x) genoemde regels.\n", "");
  assert_page ("# T\n\n[Klik hier](https://a.nl/).\n", "a11y-link-text:3");
  assert_page ("# T\n\nMeer? [**Lees meer**.](https://a.nl/)\n", "a11y-link-text:3");
  assert_page ("# T\n\n- [read more](https://a.nl/)\n", "a11y-link-text:3");
  assert_page ("# T\n\nZie [https://a.nl](https://a.nl).\n", "a11y-link-text:3");
  assert_page ("# T\n\nZie [](https://a.nl).\n", "a11y-link-text:3");
  assert_page ("# T\n\nKijk op https://www.rijksoverheid.nl/ai voor meer.\n", "a11y-bare-url:3");
  assert_page ("# T\n\nKijk op www.rijksoverheid.nl.\n", "a11y-bare-url:3");
  assert_page ("# T\n\nKijk op <https://rijksoverheid.nl>.\n", "a11y-bare-url:3");

  vague = check_page_text ("# T\n\nLees de wet: [klik hier](https://a.nl/).\n");
  d = first_finding (vague);
  g_assert_cmpuint (d->column, ==, 15);
  g_assert_cmpuint (d->end - d->start, ==, strlen ("klik hier"));
  g_assert_nonnull (strstr (d->message, "\"klik hier\""));
}

static gboolean
has_finding (GPtrArray  *diagnostics,
             const char *file,
             guint       line,
             const char *rule,
             const char *text)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->file, file) && d->line == line && g_str_equal (d->rule, rule) &&
          strstr (d->message, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static guint
count_rule (GPtrArray  *diagnostics,
            const char *file,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      n += g_str_equal (d->file, file) && g_str_equal (d->rule, rule);
    }

  return n;
}

static void
test_course (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "a11y", "course", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) page = NULL;

  g_assert_no_error (error);
  found = helder_checks_run_course (course);

  /* Contrast: the theme accent and the first module's colour fail, the
   * second module's colour passes.
   */
  g_assert_true (has_finding (found, "course.json", 7, "a11y-contrast",
                              "links (#ff66aa on #ffffff) is 2.71:1"));
  g_assert_true (has_finding (found, "course.json", 7, "a11y-contrast", "#d13a83"));
  g_assert_true (has_finding (found, "01-basis/module.json", 3, "a11y-contrast",
                              "button labels and the module header (#ffffff on #f4b400) is 1.84:1"));
  g_assert_cmpuint (count_rule (found, "course.json", "a11y-contrast"), ==, 3);
  g_assert_cmpuint (count_rule (found, "02-goed/module.json", "a11y-contrast"), ==, 0);

  /* Captions, read against the 12 s audio, and the short transcript. */
  g_assert_true (has_finding (found, "media/uitleg.vtt", 8, "captions-coverage",
                              "the media lasts 00:12.000"));
  g_assert_true (has_finding (found, "media/uitleg.vtt", 8, "captions-reading-speed", "37.3"));
  g_assert_true (has_finding (found, "01-basis/03-media.md", 6, "a11y-transcript",
                              "1 word but the captions have 13"));

  /* Time budget: module 1 plans far too much time, module 2 fits. */
  g_assert_true (has_finding (found, "01-basis/module.json", 4, "a11y-time-budget",
                              "less than the 30 min planned"));
  g_assert_cmpuint (count_rule (found, "02-goed/module.json", "a11y-time-budget"), ==, 0);
  /* The estimate the rule judges: reading and interactions, and the 12 s of audio. */
  {
    HelderModule *module = helder_course_find_module (course, "01-basis");

    g_assert_cmpfloat_with_epsilon (helder_a11y_estimate_minutes (course, module),
                                    helder_module_estimate_minutes (module) + 12 / 60.0, 0.001);
  }

  /* The page rules through the single entry point. */
  page = helder_checks_run_page (course, helder_course_find_page (course, "01-basis/02-structuur.md"));
  {
    g_autofree char *summary = summarise (page);

    g_assert_cmpstr (summary, ==, "a11y-heading-order:3 a11y-title:11 a11y-link-text:13 "
                                  "a11y-link-text:14 a11y-bare-url:15 a11y-link-text:17");
  }
}

/* The lines of @file with a damaged-picture finding, as "11 17". */
static char *
damaged_lines (GPtrArray  *diagnostics,
               const char *file)
{
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->file, file) && g_str_equal (d->rule, "a11y-picture-damaged"))
        {
          g_assert_cmpint (d->severity, ==, HELDER_SEVERITY_ERROR);
          g_assert_nonnull (strstr (d->message, "\"logo.png\" cannot be shown"));
          g_string_append_printf (lines, "%s%u", lines->len > 0 ? " " : "", d->line);
        }
    }

  return g_string_free (lines, FALSE);
}

static GPtrArray *
check_course_at (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);

  g_assert_no_error (error);
  return helder_checks_run_course (course);
}

/* A picture cut off in copying, or a file that is no picture, is found
 * where the page names it: as an image, inline or as a block, and as a
 * video's poster. The verdict follows the file when it changes.
 */
static void
test_damaged_pictures (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *logo = g_build_filename (path, "media", "logo.png", NULL);
  g_autofree char *bytes = NULL;
  gsize length;

  {
    g_autoptr(GPtrArray) found = check_course_at (path);
    g_autofree char *welcome = damaged_lines (found, "01-basis/01-welkom.md");

    g_assert_cmpstr (welcome, ==, "");
  }

  g_assert_true (g_file_get_contents (logo, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 200);
  g_assert_true (g_file_set_contents (logo, bytes, length / 2, NULL));
  {
    g_autoptr(GPtrArray) found = check_course_at (path);
    g_autofree char *welcome = damaged_lines (found, "01-basis/01-welkom.md");
    g_autofree char *blocks = damaged_lines (found, "01-basis/02-blokken.md");

    g_assert_cmpstr (welcome, ==, "11 17 23");
    g_assert_cmpstr (blocks, ==, "42");
  }

  g_assert_true (g_file_set_contents (logo, "Dit is geen plaatje.\n", -1, NULL));
  {
    g_autoptr(GPtrArray) found = check_course_at (path);
    g_autofree char *welcome = damaged_lines (found, "01-basis/01-welkom.md");

    g_assert_cmpstr (welcome, ==, "11 17 23");
  }

  /* Whole again: the finding goes. */
  g_assert_true (g_file_set_contents (logo, bytes, length, NULL));
  {
    g_autoptr(GPtrArray) found = check_course_at (path);
    g_autofree char *welcome = damaged_lines (found, "01-basis/01-welkom.md");

    g_assert_cmpstr (welcome, ==, "");
  }

  /* A whole SVG passes; a kind of file no loader here reads is not
   * judged.
   */
  {
    g_autofree char *svg = g_build_filename (path, "media", "vlak.svg", NULL);
    g_autofree char *unknown = g_build_filename (path, "media", "foto.helder-onbekend", NULL);

    g_assert_true (g_file_set_contents (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                        "width=\"10\" height=\"10\"><rect width=\"10\" "
                                        "height=\"10\"/></svg>\n", -1, NULL));
    g_assert_true (g_file_set_contents (unknown, "Dit is geen plaatje.\n", -1, NULL));
    g_assert_true (helder_media_check_picture (svg, NULL));
    g_assert_true (helder_media_check_picture (unknown, NULL));
  }

  helder_test_remove_tree (path);
}

/* Threads that all wait for one signal, then read one file's length. */
typedef struct
{
  GMutex      lock;
  GCond       go;
  gboolean    started;
  const char *path;
} FirstUse;

static gpointer
read_length_thread (gpointer data)
{
  FirstUse *use = data;
  g_autoptr(GError) error = NULL;
  gint64 duration;

  g_mutex_lock (&use->lock);
  while (!use->started)
    g_cond_wait (&use->go, &use->lock);
  g_mutex_unlock (&use->lock);

  duration = helder_media_get_duration (use->path, &error);
  g_assert_no_error (error);

  return GINT_TO_POINTER ((int) duration);
}

/* Checks in several threads can be the first to read a media file's
 * length at the same moment. Each reads the real length: a thread that
 * went on before GStreamer had loaded its plugins read 0, and a course
 * without errors got "the cue starts after the media ends".
 */
static void
test_length_first_read_in_threads (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = helder_test_data_path ("course-valid/media/verhaal.wav");
      FirstUse use = { .path = path };
      GThread *threads[8];

      g_mutex_init (&use.lock);
      g_cond_init (&use.go);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("length", read_length_thread, &use);
      g_mutex_lock (&use.lock);
      use.started = TRUE;
      g_cond_broadcast (&use.go);
      g_mutex_unlock (&use.lock);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (threads[i])), >, 0);
      g_mutex_clear (&use.lock);
      g_cond_clear (&use.go);
      return;
    }

  /* Each run is a new process, where GStreamer has not started yet. */
  for (guint run = 0; run < 10; run++)
    {
      g_test_trap_subprocess (NULL, 0, 0);
      g_test_trap_assert_passed ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/a11y-rules/alt", test_alt);
  g_test_add_func ("/a11y-rules/headings", test_headings);
  g_test_add_func ("/a11y-rules/links", test_links);
  g_test_add_func ("/a11y-rules/course", test_course);
  g_test_add_func ("/a11y-rules/damaged-pictures", test_damaged_pictures);
  g_test_add_func ("/a11y-rules/length-first-read-in-threads", test_length_first_read_in_threads);

  return g_test_run ();
}
