/* test-export-dialog.c
 *
 * The export dialog, opened from the window.
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
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

static gboolean
export_dialog_gone (gpointer data)
{
  return find_toplevel (HELDER_TYPE_EXPORT_DIALOG) == NULL;
}

static void
test_export (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *target_dir = g_dir_make_tmp ("helder-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (target_dir, "cursus.zip", NULL);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autofree char *zip = NULL;
  HelderExportDialog *dialog;
  HelderWindow *window;
  gsize length;

  window = open_window (folder);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_toplevel (HELDER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);

  /* The test course has no errors: nothing blocks the export. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (find_named (GTK_WIDGET (dialog),
                                                                               "problems"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "scope")), 1);
  helder_export_dialog_set_output (dialog, target_file);
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "export"), "clicked");
  wait_for (export_dialog_gone, NULL);

  /* A SCORM 1.2 package: a ZIP with the manifest as its first entry. */
  g_assert_true (g_file_get_contents (target, &zip, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (zip, "PK", 2) == 0);
  /* The first local header (30 bytes) is followed by its name. */
  g_assert_true (memcmp (zip + 30, "imsmanifest.xml", 15) == 0);

  close_and_finalize (window);
  helder_test_remove_tree (path);
  helder_test_remove_tree (target_dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/export-dialog/export", test_export);

  return g_test_run ();
}
