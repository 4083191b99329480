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

/* A copy of a course open in a window, its export dialog, and a folder
 * to export to.
 */
typedef struct
{
  char               *tmp;    /* holds the copy of the course */
  char               *target_dir;
  HelderWindow       *window;
  HelderExportDialog *dialog;
} Fixture;

/* @course: a course of tests/data, or a folder by its full path */
static void
fixture_open (Fixture    *fixture,
              const char *course)
{
  g_autofree char *source = g_path_is_absolute (course) ? g_strdup (course)
                                                        : helder_test_data_path (course);
  g_autofree char *name = g_path_get_basename (source);
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;

  fixture->tmp = helder_test_make_temp_dir ();
  fixture->target_dir = helder_test_make_temp_dir ();
  path = g_build_filename (fixture->tmp, name, NULL);
  helder_test_copy_tree (source, path);
  folder = g_file_new_for_path (path);
  fixture->window = open_window (folder);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  fixture->dialog = find_toplevel (HELDER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (fixture->dialog);

  /* Keyboard users start at the first control. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->dialog))
                 == find_named (GTK_WIDGET (fixture->dialog), "format"));
}

static void
fixture_close (Fixture *fixture)
{
  close_and_finalize (fixture->window);
  helder_test_remove_tree (fixture->tmp);
  helder_test_remove_tree (fixture->target_dir);
  g_free (fixture->tmp);
  g_free (fixture->target_dir);
}

static GtkWidget *
named (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (fixture->dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
select_row (Fixture    *fixture,
            const char *name,
            guint       row)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (fixture, name)), row);
}

static void
exported_cb (HelderExportDialog *dialog,
             GFile              *output,
             const char         *message,
             char              **out)
{
  *out = g_strdup (message);
}

/* Exports to @name in the target folder; returns the path written to
 * and sets @message to what the dialog told the author.
 */
static char *
run_export (Fixture     *fixture,
            const char  *name,
            char       **message)
{
  char *output = g_build_filename (fixture->target_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (output);

  *message = NULL;
  g_signal_connect (fixture->dialog, "exported", G_CALLBACK (exported_cb), message);
  helder_export_dialog_set_output (fixture->dialog, file);
  g_signal_emit_by_name (named (fixture, "export"), "clicked");
  wait_for (export_dialog_gone, NULL);
  g_assert_nonnull (*message);

  return output;
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

static void
test_export (void)
{
  Fixture fixture = { 0 };
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autofree char *zip = NULL;
  gsize length;

  fixture_open (&fixture, "course-valid");

  /* The test course has no errors: nothing blocks the export. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (named (&fixture, "problems"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  select_row (&fixture, "scope", 1);
  target = run_export (&fixture, "cursus.zip", &message);
  g_assert_cmpstr (message, ==, "Exported 1 package");

  /* A SCORM 1.2 package: a ZIP with the manifest as its first entry. */
  g_assert_true (g_file_get_contents (target, &zip, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (zip, "PK", 2) == 0);
  /* The first local header (30 bytes) is followed by its name. */
  g_assert_true (memcmp (zip + 30, "imsmanifest.xml", 15) == 0);

  fixture_close (&fixture);
}

static char *
run_tool (const char *tool,
          const char *pdf)
{
  const char *argv[] = { tool, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  /* pdfinfo takes the file alone; pdftotext writes to "-". */
  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* A PDF handout of the first module, without the questions. */
static void
test_handout (void)
{
  Fixture fixture = { 0 };
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  fixture_open (&fixture, "course-valid");
  select_row (&fixture, "format", FORMAT_PDF);
  g_assert_true (gtk_widget_is_visible (named (&fixture, "questions")));
  /* The whole course, then each module. */
  select_row (&fixture, "scope", 1);
  gtk_switch_set_active (GTK_SWITCH (named (&fixture, "questions")), FALSE);
  target = run_export (&fixture, "basis.pdf", &message);
  g_assert_true (g_str_has_prefix (message, "Saved the handout “basis.pdf”, "));

  g_assert_true (g_file_get_contents (target, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  info = run_tool ("pdfinfo", target);
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (atoi (strstr (info, "Pages:") + strlen ("Pages:")), >, 0);

  /* Module 1's pages, and no answer key. */
  text = run_tool ("pdftotext", target);
  g_assert_nonnull (strstr (text, "Welkom"));
  g_assert_nonnull (strstr (text, "Blokken"));
  g_assert_null (strstr (text, "De toets"));
  g_assert_null (strstr (text, "Antwoorden"));

  fixture_close (&fixture);
}

/* The tips of the sample course: a feed, an e-mail and a slide per tip. */
static void
test_tips (void)
{
  Fixture fixture = { 0 };
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "content-samples",
                                                   "ai-bewustzijn", NULL);
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autofree char *feed_path = NULL;
  g_autofree char *emails = NULL;
  g_autofree char *slides = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *expected = NULL;
  guint entries;

  fixture_open (&fixture, sample);
  select_row (&fixture, "format", FORMAT_TIPS);
  /* The tips are the course's: nothing to choose but the folder. */
  g_assert_false (gtk_widget_is_visible (named (&fixture, "scope")));
  target = run_export (&fixture, "tips", &message);

  feed_path = g_build_filename (target, "feed.xml", NULL);
  emails = g_build_filename (target, "email", NULL);
  slides = g_build_filename (target, "slides", NULL);
  draft = g_build_filename (target, "tips-draft.md", NULL);
  g_assert_true (g_file_get_contents (feed_path, &feed, NULL, NULL));
  g_assert_nonnull (strstr (feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  entries = count (feed, "<entry>");
  g_assert_cmpuint (entries, >, 1);
  g_assert_cmpuint (helder_test_count_files (emails), ==, entries);
  g_assert_cmpuint (helder_test_count_files (slides), ==, entries);
  /* The course has tips.md: nothing was drafted. */
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  expected = g_strdup_printf ("Wrote %u tips to the folder “tips”", entries);
  g_assert_cmpstr (message, ==, expected);

  fixture_close (&fixture);
}

/* Without tips.md the tips are drafted from the callouts, and said so. */
static void
test_tips_drafted (void)
{
  Fixture fixture = { 0 };
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autofree char *draft = NULL;

  fixture_open (&fixture, "course-valid");
  select_row (&fixture, "format", FORMAT_TIPS);
  target = run_export (&fixture, "tips", &message);

  draft = g_build_filename (target, "tips-draft.md", NULL);
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (message, "Wrote 1 tip to the folder “tips”."));
  g_assert_nonnull (strstr (message, "drafted from the “Wat kun jij doen?” callouts"));

  fixture_close (&fixture);
}

static gboolean
problems_shown (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_sensitive (find_named (GTK_WIDGET (fixture->dialog), "export"))
         && gtk_widget_get_visible (gtk_widget_get_ancestor (find_named (GTK_WIDGET (fixture->dialog),
                                                                         "problems"),
                                                             ADW_TYPE_PREFERENCES_GROUP));
}

/* Errors in tips.md stop the tips and are listed where the course's
 * would be, until the author exports anyway.
 */
static void
test_tips_errors (void)
{
  Fixture fixture = { 0 };
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) target_file = NULL;
  GtkListBoxRow *row;

  fixture_open (&fixture, "course-valid");
  helder_test_write_file (fixture.tmp, "course-valid/tips.md",
                          "# Tips\n\n## Lees na wat AI maakt\n\n"
                          "Controleer altijd de tekst die een AI-tool voor je schrijft.\n\n"
                          "## Leeg\n");
  select_row (&fixture, "format", FORMAT_TIPS);
  g_assert_false (problems_shown (&fixture));
  target = g_build_filename (fixture.target_dir, "tips", NULL);
  target_file = g_file_new_for_path (target);
  helder_export_dialog_set_output (fixture.dialog, target_file);
  g_signal_emit_by_name (named (&fixture, "export"), "clicked");
  wait_for (problems_shown, &fixture);

  /* Nothing written; the finding says what to do, and where. */
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (named (&fixture, "problems")), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (named (&fixture, "problems")), 1));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            "this tip has a title but no text"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "tips.md:7");

  /* A package lists the course's errors instead: there are none. */
  select_row (&fixture, "format", FORMAT_WEB);
  g_assert_false (problems_shown (&fixture));
  select_row (&fixture, "format", FORMAT_TIPS);
  g_assert_true (problems_shown (&fixture));

  gtk_switch_set_active (GTK_SWITCH (named (&fixture, "force")), TRUE);
  g_free (run_export (&fixture, "tips", &message));
  g_assert_cmpstr (message, ==, "Wrote 2 tips to the folder “tips”");

  fixture_close (&fixture);
}

static gboolean
dialog_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0
         && !g_main_context_pending (NULL);
}

/* The dialog with every module's pages shown. */
static void
save_screenshot (Fixture    *fixture,
                 const char *path)
{
  const char *width = g_getenv ("HELDER_EXPORT_DIALOG_WIDTH");

  for (GtkWidget *row = gtk_widget_get_first_child (named (fixture, "lesson-pages")); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->dialog),
                               width != NULL ? atoi (width) : 560, 1040);
  wait_for (dialog_drawn, fixture->dialog);
  helder_test_save_screenshot (GTK_WIDGET (fixture->dialog), path);
}

static void
tick (Fixture    *fixture,
      const char *page,
      gboolean    ticked)
{
  g_autofree char *name = g_strconcat ("page:", page, NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (fixture, name)), ticked);
}

/* A bite-size lesson of two chosen pages, from two modules. */
static void
test_lesson (void)
{
  Fixture fixture = { 0 };
  const char *screenshot = g_getenv ("HELDER_EXPORT_DIALOG_SCREENSHOT");
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *index = NULL;
  GtkWidget *export;
  const char *time;
  zip_t *archive;
  int code = 0;

  fixture_open (&fixture, "course-valid");
  export = named (&fixture, "export");

  select_row (&fixture, "format", FORMAT_SCORM12);
  g_assert_false (gtk_widget_is_visible (named (&fixture, "lesson")));
  select_row (&fixture, "scope", 2);
  g_assert_true (gtk_widget_is_visible (named (&fixture, "lesson")));
  g_assert_false (gtk_widget_get_sensitive (export));
  /* The choice is shown whole under the row's title, where it can wrap. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (&fixture, "scope"))), ==,
                   "A short lesson of pages you choose");

  tick (&fixture, "01-basis/01-welkom.md", TRUE);
  tick (&fixture, "02-toets/01-toets.md", TRUE);
  /* No title yet: nothing to export. */
  g_assert_false (gtk_widget_get_sensitive (export));
  gtk_editable_set_text (GTK_EDITABLE (named (&fixture, "lesson-title")), "Korte les");
  g_assert_true (gtk_widget_get_sensitive (export));

  /* The picture is all a screenshot run (in any language) is for. */
  if (screenshot != NULL)
    {
      save_screenshot (&fixture, screenshot);
      gtk_window_destroy (GTK_WINDOW (fixture.dialog));
      fixture_close (&fixture);
      return;
    }

  /* The minutes follow the ticks, with the time budget in plain words. */
  time = gtk_label_get_text (GTK_LABEL (named (&fixture, "lesson-time")));
  g_assert_true (g_str_has_prefix (time, "2 pages, about "));
  g_assert_nonnull (strstr (time, "That is too short for a short lesson of about 10 minutes: "
                                  "add a page."));
  tick (&fixture, "02-toets/01-toets.md", FALSE);
  time = gtk_label_get_text (GTK_LABEL (named (&fixture, "lesson-time")));
  g_assert_true (g_str_has_prefix (time, "1 page, about "));
  tick (&fixture, "02-toets/01-toets.md", TRUE);

  target = run_export (&fixture, "les.zip", &message);
  g_assert_cmpstr (message, ==, "Exported 1 package");

  /* The lesson's title, and exactly the two pages, in course order. */
  archive = zip_open (target, ZIP_RDONLY, &code);
  g_assert_nonnull (archive);
  manifest = helder_test_read_zip_entry (archive, "imsmanifest.xml");
  index = helder_test_read_zip_entry (archive, "scormcontent/index.html");
  zip_close (archive);
  g_assert_nonnull (strstr (manifest, "<title>Korte les</title>"));
  g_assert_cmpuint (count (index, "<section class=\"helder-page\""), ==, 2);
  g_assert_true (strstr (index, "data-page=\"les-korte-les/01-welkom\"")
                 < strstr (index, "data-page=\"les-korte-les/01-toets\""));
  g_assert_null (strstr (index, "02-blokken"));

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  helder_test_follow_language ();
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
  g_test_add_func ("/export-dialog/tips-errors", test_tips_errors);
  g_test_add_func ("/export-dialog/lesson", test_lesson);

  return g_test_run ();
}
