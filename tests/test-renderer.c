/* test-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-renderer"

#include "config.h"

#include <string.h>

#include "helder-renderer.h"

static HelderCourse *
load_test_course (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", "course", NULL);
  g_autoptr(GError) error = NULL;
  HelderCourse *course = helder_course_load (path, &error);

  g_assert_no_error (error);
  return course;
}

static char *
render_page (HelderRenderer *renderer,
             HelderCourse   *course,
             const char     *file)
{
  g_autoptr(GString) html = g_string_new (NULL);
  HelderPage *page = helder_course_find_page (course, file);
  g_autofree char *module_id = g_strndup (file, strchr (file, '/') - file);

  g_assert_nonnull (page);
  helder_renderer_render_page (renderer, helder_course_find_module (course, module_id), page,
                               html);
  return g_string_free (g_steal_pointer (&html), FALSE);
}

static void
test_escaping (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autoptr(HelderRenderer) renderer = helder_renderer_new (course);
  g_autofree char *html = render_page (renderer, course, "01-basis/01-tekst.md");

  /* Raw HTML shows as text, never as markup. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<div onclick"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;div onclick=&quot;alert(2)&quot;&gt;"));
  /* Links: the web stays, javascript: and paths out of the course go. */
  g_assert_nonnull (strstr (html, "<a href=\"https://www.rijksoverheid.nl\">"));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "buiten.html"));
  g_assert_nonnull (strstr (html, "gevaarlijke link en lokale link"));
  /* Code keeps its characters, escaped. */
  g_assert_nonnull (strstr (html, "print(&quot;&lt;hallo&gt;&quot;)"));
  /* The page carries its id for the player. */
  g_assert_nonnull (strstr (html, "data-page=\"01-basis/01-tekst\""));
  g_assert_cmpuint (helder_renderer_get_problems (renderer)->len, ==, 0);
}

static void
test_every_block_kind (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autoptr(HelderRenderer) renderer = helder_renderer_new (course);
  g_autoptr(GPtrArray) modules = g_ptr_array_new ();
  g_autofree char *html = NULL;
  gboolean seen[HELDER_N_BLOCK_KINDS] = { FALSE, };
  const char *expected[] = {
    "<html lang=\"nl\">",
    "<title>Proefcursus &lt;export&gt; &amp; “test”</title>",
    "<aside class=\"helder-callout helder-callout-action\"",
    ">Wat kun jij doen?</h2>",
    ">Tip</h2>",
    "<img src=\"media/vierkant.png\" alt=\"Een blauw vierkant met de tekst &quot;&lt;AI&gt;&quot;.\"",
    "<img src=\"media/blauw%20vlak%20é.png\"",
    "<img src=\"media/lijn.svg\" alt=\"\"",
    "<figcaption>Een vierkant &amp; een bijschrift.</figcaption>",
    "<video controls preload=\"metadata\" poster=\"media/vierkant.png\" aria-label=\"Uitleg over AI\">",
    "<source src=\"media/uitleg.webm\" type=\"video/webm\">",
    "<track kind=\"captions\" default src=\"data:text/vtt;base64,",
    "<audio controls",
    "<summary>Uitgeschreven tekst</summary>",
    "<p>Een tweede alinea met &lt;tekens&gt; &amp; meer.</p>",
    "<p>Een <strong>kort</strong> geluid van één seconde.</p>",
    "<details><summary>Onaanvaardbaar risico</summary>",
    "<p>Deze AI is <strong>verboden</strong>.</p>",
    "data-helder=\"tabs\"",
    "<ol class=\"helder-steps\" data-helder=\"steps\">",
    "data-helder=\"flashcards\"",
    "<p class=\"helder-card-back\">Een verzameling gegevens.</p>",
    "data-best=\"yes\" data-feedback=\"Goed. Jij blijft verantwoordelijk.\"",
    "data-helder=\"check\" data-kind=\"single\"",
    "data-helder=\"check\" data-kind=\"multiple\"",
    "type=\"checkbox\"",
    "data-helder=\"question\" data-kind=\"single\" data-id=\"pre-1\" data-test=\"pre\"",
    "data-id=\"post-3\" data-test=\"post\"",
    "data-helder=\"survey\" data-id=\"tevreden-inhoud\" data-kind=\"likert\"",
    "5 van 5: Helemaal mee eens",
    "data-kind=\"open\"",
    "<textarea",
    "<div class=\"helder-continue\" data-helder=\"continue\"><button type=\"button\">Verder</button>",
    "<pre><code class=\"language-python\">",
    "<aside class=\"helder-sources\" data-helder=\"sources\"",
    ">Bronnen</h2>",
    "<li><a href=\"https://eur-lex.europa.eu/eli/reg/2024/1689/oj\">AI-verordening (EU) "
      "2024/1689 &amp; de toelichting</a></li>",
    "<li>Gesprek met de privacy-adviseur</li>",
    "<p class=\"helder-sources-checked\">Gecontroleerd op 20 november 2026</p>",
    "style=\"--helder-accent: #7a3b8f\"",
    /* The player in the page: no request before the first paint. */
    "<link rel=\"icon\" href=\"data:,\">\n<style>/* player.css",
    "<script>/* player.js",
    "<header class=\"helder-cover\">",
    "<nav class=\"helder-contents\" id=\"helder-contents\"",
    "<a href=\"#page=02-toets/01-voortoets\" data-page=\"02-toets/01-voortoets\">Voortoets</a>",
  };

  /* The test course must hold every block kind for this test to mean it. */
  for (guint m = 0; m < helder_course_get_n_modules (course); m++)
    {
      HelderModule *module = helder_course_get_module (course, m);

      g_ptr_array_add (modules, module);
      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          const HelderPageContent *content =
            helder_page_get_content (helder_module_get_page (module, p));

          for (guint b = 0; b < content->blocks->len; b++)
            seen[((HelderBlock *) g_ptr_array_index (content->blocks, b))->kind] = TRUE;
        }
    }
  for (guint kind = 0; kind < HELDER_N_BLOCK_KINDS; kind++)
    {
      if (!seen[kind])
        g_test_message ("missing block kind %s", helder_block_kind_to_string (kind));
      g_assert_true (seen[kind]);
    }

  html = helder_renderer_render_document (renderer, modules, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (strstr (html, expected[i]) == NULL)
        g_test_message ("not found: %s", expected[i]);
      g_assert_nonnull (strstr (html, expected[i]));
    }
  /* A document without an LMS loads no tracking script. */
  g_assert_null (strstr (html, "<script src=\"lib/scorm.js\""));
  g_assert_cmpuint (helder_renderer_get_problems (renderer)->len, ==, 0);
}

/* For the preview: each block's first element carries its source line. */
static void
test_source_lines (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autoptr(HelderRenderer) renderer = helder_renderer_new (course);
  g_autofree char *plain = render_page (renderer, course, "01-basis/01-tekst.md");
  g_autofree char *marked = NULL;

  g_assert_null (strstr (plain, "data-source-line"));

  helder_renderer_set_source_lines (renderer, TRUE);
  marked = render_page (renderer, course, "01-basis/01-tekst.md");
  g_assert_nonnull (strstr (marked, "<h1 data-source-line=\"1\">Welkom bij de proef</h1>"));
  g_assert_nonnull (strstr (marked, "<p data-source-line=\"3\">Dit is"));
  g_assert_nonnull (strstr (marked, "<h2 data-source-line=\"10\">Een lijst</h2>"));
  g_assert_nonnull (strstr (marked, "<ul data-source-line=\"12\">"));
  g_assert_nonnull (strstr (marked, "<aside data-source-line=\"15\" class=\"helder-callout"));
  g_assert_nonnull (strstr (marked, "<pre data-source-line=\"21\">"));
  /* Only the first element of a block is marked. */
  g_assert_null (strstr (marked, "<li data-source-line"));
}

static void
test_media_list (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autoptr(HelderRenderer) renderer = helder_renderer_new (course);
  g_autoptr(GPtrArray) modules = g_ptr_array_new ();
  g_autofree char *html = NULL;
  GPtrArray *media;
  const char *files[] = {
    "media/vierkant.png", "media/blauw vlak é.png", "media/lijn.svg", "media/uitleg.webm",
    "media/geluid.mp3",
  };

  g_ptr_array_add (modules, helder_course_find_module (course, "01-basis"));
  html = helder_renderer_render_document (renderer, modules, "scorm12");
  g_assert_nonnull (strstr (html, "<script src=\"lib/scorm.js\" defer></script>"));
  g_assert_nonnull (strstr (html, "\"lms\":\"scorm12\""));

  /* Each file once; captions and transcripts are written into the page. */
  media = helder_renderer_get_media (renderer);
  g_assert_cmpuint (media->len, ==, G_N_ELEMENTS (files));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (media, files[i], g_str_equal, NULL));
}

static void
test_unsafe_page (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autoptr(HelderRenderer) renderer = helder_renderer_new (course);
  g_autoptr(GString) html = g_string_new (NULL);
  const char *text =
    "# Onveilig\n\n"
    "![geheim](../../etc/passwd) ![weg](media/bestaat-niet.png) ![web](https://example.org/x.png)\n\n"
    "[klik](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n"
    "```image\nsrc: /etc/hosts\nalt: Hosts\n```\n\n"
    "```video\nsrc: media/uitleg.webm\ncaptions: ../geheim.vtt\ntranscript: media/uitleg.txt\n```\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(HelderPage) page = helder_page_new ("01-basis/onveilig.md", bytes);
  GPtrArray *problems;

  helder_renderer_render_page (renderer, helder_course_find_module (course, "01-basis"), page,
                               html);

  g_assert_null (strstr (html->str, "passwd"));
  g_assert_null (strstr (html->str, "example.org"));
  g_assert_null (strstr (html->str, "javascript:"));
  g_assert_null (strstr (html->str, "<img src=x"));
  g_assert_null (strstr (html->str, "/etc/hosts"));
  g_assert_null (strstr (html->str, "geheim.vtt"));
  g_assert_nonnull (strstr (html->str, "&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (html->str, "Dit bestand ontbreekt in het pakket."));

  /* Each refused path is reported at its page. */
  problems = helder_renderer_get_problems (renderer);
  g_assert_cmpuint (problems->len, ==, 5);
  for (guint i = 0; i < problems->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (problems, i);

      g_assert_cmpstr (d->file, ==, "01-basis/onveilig.md");
      g_assert_cmpint (d->severity, ==, HELDER_SEVERITY_ERROR);
    }
  g_assert_false (g_ptr_array_find_with_equal_func (helder_renderer_get_media (renderer),
                                                    "../../etc/passwd", g_str_equal, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/escaping", test_escaping);
  g_test_add_func ("/renderer/every-block-kind", test_every_block_kind);
  g_test_add_func ("/renderer/media-list", test_media_list);
  g_test_add_func ("/renderer/source-lines", test_source_lines);
  g_test_add_func ("/renderer/unsafe-page", test_unsafe_page);

  return g_test_run ();
}
