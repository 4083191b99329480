/* test-reading-order.c
 *
 * A learner's page as a screen reader reads it: the lines, their kinds
 * and their order, for a hand-made page and for the sample course.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-course.h"
#include "helder-reading-order.h"
#include "helder-renderer.h"

static GString *
describe (GPtrArray *items)
{
  static const char *const kinds[] = {
    [HELDER_READING_TEXT] = "text",
    [HELDER_READING_HEADING] = "heading",
    [HELDER_READING_LIST_ITEM] = "item",
    [HELDER_READING_IMAGE] = "image",
    [HELDER_READING_CHOICE] = "choice",
    [HELDER_READING_BUTTON] = "button",
    [HELDER_READING_VIDEO] = "video",
    [HELDER_READING_AUDIO] = "audio",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      HelderReadingItem *item = g_ptr_array_index (items, i);

      g_string_append (out, kinds[item->kind]);
      if (item->level > 0)
        g_string_append_printf (out, "%u", item->level);
      g_string_append_printf (out, ": %s\n", item->text);
    }
  return out;
}

static void
test_reading_order (void)
{
  const char *html =
    "<section><h1>Wat is   AI?</h1>\n"
    "<p>AI leert van <b>voorbeelden</b>. Lees <a href='https://x.nl'>de site</a>.<br>Nieuwe regel.</p>"
    "<script>alert('niet lezen')</script><style>p{}</style>"
    "<nav hidden><button>Volgende</button></nav>"
    "<div aria-hidden=\"true\">42%</div>"
    "<figure><img src='a.png' alt=''></figure>"
    "<figure><img src='b.png' alt='Een schema.'><figcaption>Zo werkt het.</figcaption></figure>"
    "<img src='c.png'>"
    "<ul><li>Een</li><li>Twee <ul><li>Drie</li></ul></li></ul>"
    "<form><fieldset><legend>Wie controleert?</legend>"
    "<div><input type='radio' id='q-0' name='q'><label for='q-0'>Een mens</label></div>"
    "<div><input type='checkbox' id='q-1' name='q'><label for='q-1'>De computer</label></div>"
    "</fieldset><button type='submit'>Controleer</button><div role='status'></div></form>"
    "<video controls aria-label='Een korte uitleg'><source src='v.webm'><track src='v.vtt'></video>"
    "<audio controls title='Een gesprek'></audio>"
    "<details><summary>Uitgeschreven tekst</summary><p>Hallo.</p></details></section>";
  g_autoptr(GPtrArray) items = helder_reading_order_from_html (html, -1);
  g_autoptr(GString) described = describe (items);

  g_assert_cmpstr (described->str, ==,
                   "heading1: Wat is AI?\n"
                   "text: AI leert van voorbeelden. Lees de site.\n"
                   "text: Nieuwe regel.\n"
                   "image: Een schema.\n"
                   "text: Zo werkt het.\n"
                   "image: \n"
                   "item: Een\n"
                   "item: Twee\n"
                   "item: Drie\n"
                   "text: Wie controleert?\n"
                   "choice: Een mens\n"
                   "choice: De computer\n"
                   "button: Controleer\n"
                   "video: Een korte uitleg\n"
                   "audio: Een gesprek\n"
                   "text: Uitgeschreven tekst\n"
                   "text: Hallo.\n");
}

/* Broken markup, no markup and an empty page read without trouble. */
static void
test_broken_html (void)
{
  g_autoptr(GPtrArray) empty = helder_reading_order_from_html ("", 0);
  g_autoptr(GPtrArray) plain = helder_reading_order_from_html ("Alleen tekst", -1);
  g_autoptr(GPtrArray) broken = helder_reading_order_from_html ("<p>Open <b>vet<li>lijst</p></ul>", -1);
  g_autoptr(GString) described = describe (broken);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (plain->len, ==, 1);
  g_assert_cmpstr (((HelderReadingItem *) plain->pdata[0])->text, ==, "Alleen tekst");
  g_assert_nonnull (strstr (described->str, "lijst"));
}

/* The sample course's "Wat is AI?" page, as the learner's screen reader
 * reads it: its words, the knowledge check's choices, the video by its
 * title, and nothing of the file's syntax.
 */
static void
test_sample_page (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                            "ai-bewustzijn", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (path, &error);
  g_autoptr(HelderRenderer) renderer = NULL;
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) described = NULL;
  g_auto(GStrv) lines = NULL;
  HelderModule *module;
  HelderPage *page;

  g_assert_no_error (error);
  module = helder_course_find_module (course, "01-introductie");
  page = helder_course_find_page (course, "01-introductie/02-wat-is-ai.md");
  g_assert_nonnull (module);
  g_assert_nonnull (page);
  renderer = helder_renderer_new (course);
  helder_renderer_render_page (renderer, module, page, html);
  items = helder_reading_order_from_html (html->str, html->len);
  described = describe (items);
  g_test_message ("%s", described->str);

  g_assert_nonnull (strstr (described->str, "heading1: Wat is AI?\n"));
  g_assert_nonnull (strstr (described->str, "video: Wat is AI? Een korte uitleg\n"));
  g_assert_nonnull (strstr (described->str, "text: Wat is het verschil tussen AI en een gewoon computerprogramma?\n"));
  g_assert_nonnull (strstr (described->str, "choice: Er is geen verschil.\n"));
  lines = g_strsplit (described->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strstr (lines[i], "```"));
      g_assert_null (strstr (lines[i], "question:"));
      g_assert_null (strstr (lines[i], "feedback:"));
      g_assert_null (strstr (lines[i], "<"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reading-order/reading-order", test_reading_order);
  g_test_add_func ("/reading-order/broken-html", test_broken_html);
  g_test_add_func ("/reading-order/sample-page", test_sample_page);
  return g_test_run ();
}
