/* test-findings-pane.c
 *
 * The findings pane: the course's findings and the outline's badges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtksourceview/gtksource.h>
#include <webkit/webkit.h>

#include "helder-application.h"
#include "helder-block-dialog.h"
#include "helder-checks.h"
#include "helder-findings-pane.h"
#include "helder-course-settings.h"
#include "helder-export-dialog.h"
#include "helder-kpi-view.h"
#include "helder-kpi-window.h"
#include "helder-page-editor.h"
#include "helder-preferences.h"
#include "helder-preview.h"
#include "helder-review-pane.h"
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static GtkWidget *
badge_of (GtkWidget  *window,
          const char *title)
{
  GtkWidget *outline = find_named (window, "outline");

  for (GtkWidget *row = gtk_widget_get_first_child (outline);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (GTK_IS_BOX (box) &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))), title))
        return gtk_widget_get_last_child (box);
    }

  return NULL;
}

static gboolean
blokken_has_badge (gpointer data)
{
  return g_str_equal (gtk_label_get_text (GTK_LABEL (badge_of (data, "Blokken"))), "1");
}

/* Other pages' findings show in the outline and in the course-wide list,
 * checked in the background.
 */
static void
test_course_findings (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *blokken = g_build_filename (path, "01-basis", "02-blokken.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *subtitle = NULL;
  HelderWindow *window;
  GtkWidget *list;

  g_assert_true (g_file_get_contents (blokken, &text, NULL, NULL));
  broken = g_strconcat (text, "\n```image\nsrc: media/logo.png\n```\n", NULL);
  g_assert_true (g_file_set_contents (blokken, broken, -1, NULL));

  window = open_window (folder);
  wait_for (blokken_has_badge, window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge_of (GTK_WIDGET (window), "Welkom"))), ==, "");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (window),
                                                               "course-scope")), TRUE);
  list = find_named (GTK_WIDGET (window), "findings");
  g_assert_nonnull (gtk_widget_get_first_child (list));
  g_object_get (gtk_widget_get_first_child (list), "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "01-basis/02-blokken.md"));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* The pane on its own, with more findings than it shows, finalizes. */
static void
test_findings_pane_finalize (void)
{
  g_autoptr(HelderCourse) course = helder_test_load_course ("course-valid");
  g_autoptr(GPtrArray) diagnostics = helder_checks_run_course (course);
  GtkWidget *pane = g_object_ref_sink (g_object_new (HELDER_TYPE_FINDINGS_PANE, NULL));

  helder_findings_pane_set_diagnostics (HELDER_FINDINGS_PANE (pane), diagnostics);
  g_assert_cmpuint (helder_findings_pane_get_n_rows (HELDER_FINDINGS_PANE (pane)), ==,
                    MIN (diagnostics->len, 500));
  g_assert_finalize_object (pane);
}

int
main (int   argc,
      char *argv[])
{
  helder_test_follow_language ();
  ui_test_init (&argc, &argv);

  g_test_add_func ("/findings-pane/course-findings", test_course_findings);
  g_test_add_func ("/findings-pane/finalize", test_findings_pane_finalize);

  return g_test_run ();
}
