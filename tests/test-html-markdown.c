/* test-html-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cmark.h>

#include "helder-html-markdown.h"
#include "helder-test-utils.h"

static gboolean
has_key (GPtrArray  *dropped,
         const char *key)
{
  for (guint i = 0; i < dropped->len; i++)
    if (g_str_equal (g_ptr_array_index (dropped, i), key))
      return TRUE;

  return FALSE;
}

/* The CommonMark must read back without raw HTML: what was text stays
 * text.
 */
static void
assert_no_html (const char *markdown)
{
  cmark_node *doc = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node_type type = cmark_node_get_type (cmark_iter_get_node (iter));

      g_assert_cmpint (type, !=, CMARK_NODE_HTML_BLOCK);
      g_assert_cmpint (type, !=, CMARK_NODE_HTML_INLINE);
      g_assert_cmpint (type, !=, CMARK_NODE_IMAGE);
      g_assert_cmpint (type, !=, CMARK_NODE_CODE_BLOCK);
    }

  cmark_iter_free (iter);
  cmark_node_free (doc);
}

static void
check_fragment (const char *name,
                const char * const *keys)
{
  g_autofree char *html_name = g_strdup_printf ("html/%s.html", name);
  g_autofree char *md_name = g_strdup_printf ("html/%s.md", name);
  g_autofree char *html_path = helder_test_data_path (html_name);
  g_autofree char *md_path = helder_test_data_path (md_name);
  g_autofree char *html = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  gsize length;

  g_assert_true (g_file_get_contents (html_path, &html, &length, NULL));
  g_assert_true (g_file_get_contents (md_path, &expected, NULL, NULL));

  markdown = helder_html_to_commonmark (html, length, dropped);
  g_assert_cmpstr (markdown, ==, expected);
  assert_no_html (markdown);

  g_assert_cmpuint (dropped->len, ==, g_strv_length ((char **) keys));
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_true (has_key (dropped, keys[i]));
}

static void
test_word (void)
{
  const char * const keys[] = { "table", "image", NULL };

  check_fragment ("word", keys);
}

static void
test_google_docs (void)
{
  const char * const keys[] = { "image", NULL };

  check_fragment ("google-docs", keys);
}

static void
test_web_page (void)
{
  const char * const keys[] = { "script", "style", "iframe", "video", "form", "object", NULL };
  g_autofree char *path = helder_test_data_path ("html/web-page.md");
  g_autofree char *markdown = NULL;

  check_fragment ("web-page", keys);

  /* The script and the style left nothing behind, not even their text. */
  g_assert_true (g_file_get_contents (path, &markdown, NULL, NULL));
  g_assert_null (strstr (markdown, "dataLayer"));
  g_assert_null (strstr (markdown, "color"));
}

static void
test_email (void)
{
  const char * const keys[] = { "image", NULL };

  check_fragment ("email", keys);
}

static void
test_script (void)
{
  const char *html = "<h2>Titel</h2><ul><li>een</li><li>twee</li></ul>"
                     "<script>alert('hallo')</script><p>Klaar</p>";
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *markdown = helder_html_to_commonmark (html, -1, dropped);

  g_assert_cmpstr (markdown, ==, "## Titel\n\n- een\n- twee\n\nKlaar\n");
  g_assert_cmpuint (dropped->len, ==, 1);
  g_assert_true (has_key (dropped, "script"));
}

static void
test_escapes (void)
{
  const struct
  {
    const char *html;
    const char *markdown;
  } cases[] = {
    { "<p>a_b *c* `d` [e] &lt;f&gt; \\g</p>", "a\\_b \\*c\\* \\`d\\` \\[e\\] \\<f\\> \\\\g\n" },
    { "<p>1. eerst</p>", "1\\. eerst\n" },
    { "<p>2024) jaar</p>", "2024\\) jaar\n" },
    { "<p>- los</p><p>+ plus</p><p>-5 graden</p>", "\\- los\n\n\\+ plus\n\n-5 graden\n" },
    { "<p>---</p><p>===</p>", "\\---\n\n\\===\n" },
    { "<p>&amp;copy; en Q&amp;A</p>", "\\&copy; en Q&A\n" },
    { "<h1>C# #1</h1>", "# C\\# \\#1\n" },
    { "<p>  veel \n\t ruimte&nbsp;&nbsp;hier </p>", "veel ruimte hier\n" },
    { "<p><b>vet </b>en<i> schuin</i></p>", "**vet** en *schuin*\n" },
    { "<p><b>a<i>b</i></b></p>", "**a*b***\n" },
    { "<p>een<br>twee<br><br>drie<br></p>", "een\\\ntwee\n\ndrie\n" },
    { "<p><a href='https://x.nl/a b(c)'>link</a> <a href='ftp://x'>ftp</a> <a href='#top'>top</a></p>",
      "[link](https://x.nl/a%20b%28c%29) ftp top\n" },
    { "<p><a href='https://x.nl'><img src='a.png'></a>zie</p>", "zie\n" },
    { "<p><b><a href='https://x.nl'>vet</a></b> rest</p>", "[**vet**](https://x.nl) rest\n" },
    { "<p><code>a`b</code> <code> </code></p>", "``a`b``\n" },
    { "<ol start='3'><li>drie<ol><li>sub</li></ol></li><li>vier</li></ol>", "3. drie\n   1. sub\n4. vier\n" },
    { "<blockquote><p>een</p><ul><li>twee</li></ul></blockquote><p>drie</p>", "> een\n>\n> - twee\n\ndrie\n" },
    { "<span style='font-weight:700'>vet</span> <span style='font-style:italic'>schuin</span>", "**vet** *schuin*\n" },
    { "", "" },
    { "<p> </p><!-- niets -->", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markdown = helder_html_to_commonmark (cases[i].html, -1, NULL);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (markdown, ==, cases[i].markdown);
      assert_no_html (markdown);
    }
}

/* Some browsers hand over their clipboard HTML as UTF-16. */
static void
test_utf16 (void)
{
  const char *html = "<p>één <b>twee</b></p>";
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *markdown = NULL;
  gsize length;

  utf16 = g_convert (html, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  with_bom = g_malloc (length + 2);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, utf16, length);

  markdown = helder_html_to_commonmark (with_bom, length + 2, NULL);
  g_assert_cmpstr (markdown, ==, "één **twee**\n");
  g_clear_pointer (&markdown, g_free);

  markdown = helder_html_to_commonmark (utf16, length, NULL);
  g_assert_cmpstr (markdown, ==, "één **twee**\n");
}

/* Broken HTML gives text, never a crash or a hang. */
static void
test_broken (void)
{
  const char *inputs[] = {
    "<p><b>open <i>nooit dicht",
    "</li></ul><li>los",
    "<table><td>a<td>b<tr><td>c",
    "<![if x]><o:p>weg</o:p>",
    "<a href=>x</a><a>y</a>",
    "\xff\xfe\x00",
    "<<<>>>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *markdown = helder_html_to_commonmark (inputs[i], -1, NULL);

      g_assert_nonnull (markdown);
      g_assert_true (g_utf8_validate (markdown, -1, NULL));
      assert_no_html (markdown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-markdown/word", test_word);
  g_test_add_func ("/html-markdown/google-docs", test_google_docs);
  g_test_add_func ("/html-markdown/web-page", test_web_page);
  g_test_add_func ("/html-markdown/email", test_email);
  g_test_add_func ("/html-markdown/script", test_script);
  g_test_add_func ("/html-markdown/escapes", test_escapes);
  g_test_add_func ("/html-markdown/utf16", test_utf16);
  g_test_add_func ("/html-markdown/broken", test_broken);

  return g_test_run ();
}
