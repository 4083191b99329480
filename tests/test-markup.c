/* test-markup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "helder-markup.h"

/* Every character that can end a text or an attribute is escaped; NULL
 * appends nothing.
 */
static void
test_escaped (void)
{
  g_autoptr(GString) out = g_string_new ("x");

  helder_markup_append_escaped (out, "<b a=\"1\" b='2'>&amp;</b> ë");
  helder_markup_append_escaped (out, NULL);
  helder_markup_append_escaped (out, "");

  g_assert_cmpstr (out->str, ==, "x&lt;b a=&quot;1&quot; b=&apos;2&apos;&gt;&amp;amp;&lt;/b&gt; ë");
}

/* The review and KPI reports start the same way: a page in the
 * translation's language, the title escaped in <title> and <h1>, the
 * style as given.
 */
static void
test_report_head (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  helder_markup_append_report_head (out, "Cursus <script>", "body{color:#000}");

  g_assert_cmpstr (out->str, ==,
                   "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<title>Cursus &lt;script&gt;</title><style>body{color:#000}</style></head>"
                   "<body><main><h1>Cursus &lt;script&gt;</h1>\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markup/escaped", test_escaped);
  g_test_add_func ("/markup/report-head", test_report_head);

  return g_test_run ();
}
