/* test-export-dialog.c
 *
 * The export dialog, opened from the window: a package, a PDF handout,
 * the tips of the week and a bite-size lesson of chosen pages. With
 * HELDER_EXPORT_DIALOG_SCREENSHOT=FILE.png the lesson test saves the
 * dialog (that is how docs/screenshots/export-dialog-*.png are made, with
 * LANGUAGE=nl HELDER_LOCALEDIR=_build/po for the Dutch one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include <zip.h>

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

static gboolean
export_dialog_gone (gpointer data)
{
  return find_toplevel (HELDER_TYPE_EXPORT_DIALOG) == NULL;
}

/* The rows of the format list. */
enum {
  FORMAT_SCORM12,
  FORMAT_SCORM2004,
  FORMAT_WEB,
  FORMAT_PDF,
  FORMAT_TIPS,
};

static HelderExportDialog *
open_export_dialog (HelderWindow *window)
{
  HelderExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_toplevel (HELDER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);

  /* Keyboard users start at the first control. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == find_named (GTK_WIDGET (dialog),
                                                                            "format"));

  return dialog;
}

static void
exported_cb (HelderExportDialog *dialog,
             GFile              *output,
             const char         *message,
             char              **out)
{
  *out = g_strdup (message);
}

/* Exports to @output and returns what the dialog told the author. */
static char *
run_export (HelderExportDialog *dialog,
            const char         *output)
{
  g_autoptr(GFile) file = g_file_new_for_path (output);
  char *message = NULL;

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &message);
  helder_export_dialog_set_output (dialog, file);
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "export"), "clicked");
  wait_for (export_dialog_gone, NULL);
  g_assert_nonnull (message);

  return message;
}

static void
select_row (HelderExportDialog *dialog,
            const char         *name,
            guint               row)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), name)), row);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
read_zip_entry (const char *path,
                const char *name)
{
  int code = 0;
  zip_t *archive = zip_open (path, ZIP_RDONLY, &code);
  zip_stat_t stat;
  zip_file_t *file;
  char *data;

  g_assert_nonnull (archive);
  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  file = zip_fopen (archive, name, 0);
  g_assert_nonnull (file);
  data = g_malloc0 (stat.size + 1);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);
  zip_close (archive);

  return data;
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

/* A PDF handout of the first module, without the questions. */
static void
test_handout (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *target_dir = g_dir_make_tmp ("helder-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (target_dir, "basis.pdf", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  const char *pdfinfo[] = { "pdfinfo", target, NULL };
  const char *pdftotext[] = { "pdftotext", target, "-", NULL };
  HelderExportDialog *dialog;
  HelderWindow *window;
  GtkWidget *questions;
  int status;

  window = open_window (folder);
  dialog = open_export_dialog (window);

  select_row (dialog, "format", FORMAT_PDF);
  questions = find_named (GTK_WIDGET (dialog), "questions");
  g_assert_true (gtk_widget_is_visible (questions));
  /* The whole course, then each module. */
  select_row (dialog, "scope", 1);
  gtk_switch_set_active (GTK_SWITCH (questions), FALSE);
  message = run_export (dialog, target);
  g_assert_nonnull (strstr (message, "basis.pdf"));

  g_assert_true (g_file_get_contents (target, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_true (g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &info, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (atoi (strstr (info, "Pages:") + strlen ("Pages:")), >, 0);

  /* Module 1's pages, and no answer key. */
  g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, NULL));
  g_assert_nonnull (strstr (text, "Welkom"));
  g_assert_nonnull (strstr (text, "Blokken"));
  g_assert_null (strstr (text, "De toets"));
  g_assert_null (strstr (text, "Antwoorden"));

  close_and_finalize (window);
  helder_test_remove_tree (path);
  helder_test_remove_tree (target_dir);
}

/* The tips of the sample course: a feed, an e-mail and a slide per tip. */
static void
test_tips (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "content-samples",
                                                   "ai-bewustzijn", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("helder-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "ai-bewustzijn", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *target_dir = g_dir_make_tmp ("helder-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (target_dir, "tips", NULL);
  g_autofree char *feed_path = g_build_filename (target, "feed.xml", NULL);
  g_autofree char *emails = g_build_filename (target, "email", NULL);
  g_autofree char *slides = g_build_filename (target, "slides", NULL);
  g_autofree char *draft = g_build_filename (target, "tips-draft.md", NULL);
  g_autofree char *feed = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  HelderExportDialog *dialog;
  HelderWindow *window;
  guint entries;

  helder_test_copy_tree (source, path);
  window = open_window (folder);
  dialog = open_export_dialog (window);

  select_row (dialog, "format", FORMAT_TIPS);
  /* The tips are the course's: nothing to choose but the folder. */
  g_assert_false (gtk_widget_is_visible (find_named (GTK_WIDGET (dialog), "scope")));
  message = run_export (dialog, target);

  g_assert_true (g_file_get_contents (feed_path, &feed, NULL, NULL));
  g_assert_nonnull (strstr (feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  entries = count (feed, "<entry>");
  g_assert_cmpuint (entries, >, 1);
  g_assert_cmpuint (count_files (emails), ==, entries);
  g_assert_cmpuint (count_files (slides), ==, entries);
  /* The course has tips.md: nothing was drafted. */
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  expected = g_strdup_printf ("Wrote %u tips to the folder “tips”", entries);
  g_assert_cmpstr (message, ==, expected);

  close_and_finalize (window);
  helder_test_remove_tree (tmp);
  helder_test_remove_tree (target_dir);
}

/* Without tips.md the tips are drafted from the callouts, and said so. */
static void
test_tips_drafted (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *target_dir = g_dir_make_tmp ("helder-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (target_dir, "tips", NULL);
  g_autofree char *draft = g_build_filename (target, "tips-draft.md", NULL);
  g_autofree char *message = NULL;
  HelderExportDialog *dialog;
  HelderWindow *window;

  window = open_window (folder);
  dialog = open_export_dialog (window);
  select_row (dialog, "format", FORMAT_TIPS);
  message = run_export (dialog, target);

  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (message, "Wrote 1 tip to the folder “tips”."));
  g_assert_nonnull (strstr (message, "drafted from the “Wat kun jij doen?” callouts"));

  close_and_finalize (window);
  helder_test_remove_tree (path);
  helder_test_remove_tree (target_dir);
}

static gboolean
dialog_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0
         && !g_main_context_pending (NULL);
}

/* The dialog with every module's pages shown. */
static void
save_screenshot (HelderExportDialog *dialog,
                 const char         *path)
{
  GtkWidget *pages = find_named (GTK_WIDGET (dialog), "lesson-pages");

  for (GtkWidget *row = gtk_widget_get_first_child (pages); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 1040);
  wait_for (dialog_drawn, dialog);
  helder_test_save_screenshot (GTK_WIDGET (dialog), path);
}

/* A bite-size lesson of two chosen pages, from two modules. */
static void
test_lesson (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *target_dir = g_dir_make_tmp ("helder-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (target_dir, "les.zip", NULL);
  g_autofree char *manifest = NULL;
  g_autofree char *index = NULL;
  g_autofree char *message = NULL;
  const char *screenshot = g_getenv ("HELDER_EXPORT_DIALOG_SCREENSHOT");
  HelderExportDialog *dialog;
  HelderWindow *window;
  GtkWidget *export;
  const char *time;

  window = open_window (folder);
  dialog = open_export_dialog (window);
  export = find_named (GTK_WIDGET (dialog), "export");

  select_row (dialog, "format", FORMAT_SCORM12);
  g_assert_false (gtk_widget_is_visible (find_named (GTK_WIDGET (dialog), "lesson")));
  select_row (dialog, "scope", 2);
  g_assert_true (gtk_widget_is_visible (find_named (GTK_WIDGET (dialog), "lesson")));
  g_assert_false (gtk_widget_get_sensitive (export));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog),
                                                             "page:01-basis/01-welkom.md")),
                               TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog),
                                                             "page:02-toets/01-toets.md")),
                               TRUE);
  /* No title yet: nothing to export. */
  g_assert_false (gtk_widget_get_sensitive (export));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "lesson-title")),
                         "Korte les");
  g_assert_true (gtk_widget_get_sensitive (export));

  /* The picture is all a screenshot run (in any language) is for. */
  if (screenshot != NULL)
    {
      save_screenshot (dialog, screenshot);
      gtk_window_destroy (GTK_WINDOW (dialog));
      close_and_finalize (window);
      helder_test_remove_tree (path);
      helder_test_remove_tree (target_dir);
      return;
    }

  /* The minutes follow the ticks, with the time budget in plain words. */
  time = gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "lesson-time")));
  g_assert_true (g_str_has_prefix (time, "2 pages, about "));
  g_assert_nonnull (strstr (time, "A short lesson takes 5 to 10 minutes."));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog),
                                                             "page:02-toets/01-toets.md")),
                               FALSE);
  time = gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "lesson-time")));
  g_assert_true (g_str_has_prefix (time, "1 page, about "));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog),
                                                             "page:02-toets/01-toets.md")),
                               TRUE);

  message = run_export (dialog, target);
  g_assert_cmpstr (message, ==, "Exported 1 package");

  /* The lesson's title, and exactly the two pages, in course order. */
  manifest = read_zip_entry (target, "imsmanifest.xml");
  g_assert_nonnull (strstr (manifest, "<title>Korte les</title>"));
  index = read_zip_entry (target, "scormcontent/index.html");
  g_assert_cmpuint (count (index, "<section class=\"helder-page\""), ==, 2);
  g_assert_true (strstr (index, "<section class=\"helder-page\" data-page=\"les-korte-les/01-welkom\"")
                 < strstr (index, "<section class=\"helder-page\" data-page=\"les-korte-les/01-toets\""));
  g_assert_null (strstr (index, "02-blokken"));

  close_and_finalize (window);
  helder_test_remove_tree (path);
  helder_test_remove_tree (target_dir);
}

int
main (int   argc,
      char *argv[])
{
  /* For the Dutch screenshot: LANGUAGE=nl HELDER_LOCALEDIR=_build/po. */
  setlocale (LC_ALL, "");
  if (g_getenv ("HELDER_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/export-dialog/export", test_export);
  g_test_add_func ("/export-dialog/handout", test_handout);
  g_test_add_func ("/export-dialog/tips", test_tips);
  g_test_add_func ("/export-dialog/tips-drafted", test_tips_drafted);
  g_test_add_func ("/export-dialog/lesson", test_lesson);

  return g_test_run ();
}
