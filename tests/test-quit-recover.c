/* test-quit-recover.c
 *
 * Losing no work: every way out asks about unsaved changes, the session
 * cannot log out past them, a killed app offers its text back, a
 * read-only course folder says so and offers a copy, and the unsaved mark
 * shows where the author looks. With HELDER_QUIT_RECOVER_SCREENSHOTS=FOLDER
 * set, /quit-recover/screenshots saves the quit question, the recovery
 * offer and the read-only banner there (that is how docs/screenshots/
 * quit-*.png, recover-*.png and read-only-*.png are made; LANGUAGE=nl and
 * HELDER_LOCALEDIR=_build/po for the Dutch ones, with a Dutch locale for
 * the month's name).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* unshare() */
#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "helder-application.h"
#include "helder-recovery.h"
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

#define TYPED "Deze zin typte ik net.\n"

/* --- a session manager of our own, on the test's session bus --- */

/* GtkApplication asks org.gnome.SessionManager to inhibit a logout. This
 * one answers from a thread of its own (GTK calls it synchronously from
 * the main thread) and counts the logout inhibitions that are active.
 */
static GMutex inhibit_lock;
static GHashTable *inhibitions; /* cookie → flags */
static guint next_cookie = 1;

static const char session_manager_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'><arg type='u' direction='in'/></method>"
  "    <method name='IsInhibited'>"
  "      <arg type='u' direction='in'/><arg type='b' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static guint
count_logout_inhibitions (void)
{
  GHashTableIter iter;
  gpointer flags;
  guint n = 0;

  g_mutex_lock (&inhibit_lock);
  g_hash_table_iter_init (&iter, inhibitions);
  while (g_hash_table_iter_next (&iter, NULL, &flags))
    if (GPOINTER_TO_UINT (flags) & GTK_APPLICATION_INHIBIT_LOGOUT)
      n++;
  g_mutex_unlock (&inhibit_lock);

  return n;
}

static void
session_manager_call_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  guint cookie;
  guint flags;

  if (g_str_equal (method_name, "Inhibit"))
    {
      g_variant_get (parameters, "(&su&su)", NULL, NULL, NULL, &flags);
      g_mutex_lock (&inhibit_lock);
      cookie = next_cookie++;
      g_hash_table_insert (inhibitions, GUINT_TO_POINTER (cookie), GUINT_TO_POINTER (flags));
      g_mutex_unlock (&inhibit_lock);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", cookie));
    }
  else if (g_str_equal (method_name, "Uninhibit"))
    {
      g_variant_get (parameters, "(u)", &cookie);
      g_mutex_lock (&inhibit_lock);
      g_hash_table_remove (inhibitions, GUINT_TO_POINTER (cookie));
      g_mutex_unlock (&inhibit_lock);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_variant_get (parameters, "(u)", &flags);
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(b)", count_logout_inhibitions () > 0));
    }
}

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean ready;
} Ready;

static gpointer
session_manager_thread (gpointer data)
{
  Ready *ready = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (session_manager_xml, &error);
  const GDBusInterfaceVTable vtable = { session_manager_call_cb, NULL, NULL, { NULL } };
  g_autoptr(GVariant) reply = NULL;

  /* Calls are answered in this thread's context. */
  g_main_context_push_thread_default (context);
  g_assert_no_error (error);
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/gnome/SessionManager",
                                     info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gnome.SessionManager", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);

  g_mutex_lock (&ready->lock);
  ready->ready = TRUE;
  g_cond_signal (&ready->cond);
  g_mutex_unlock (&ready->lock);

  while (TRUE)
    g_main_context_iteration (context, TRUE);

  return NULL;
}

static void
start_session_manager (void)
{
  Ready ready = { 0 };

  inhibitions = g_hash_table_new (NULL, NULL);
  g_thread_unref (g_thread_new ("session-manager", session_manager_thread, &ready));
  g_mutex_lock (&ready.lock);
  while (!ready.ready)
    g_cond_wait (&ready.cond, &ready.lock);
  g_mutex_unlock (&ready.lock);
}

static gboolean
logout_inhibited (gpointer data)
{
  return count_logout_inhibitions () > 0;
}

static gboolean
logout_allowed (gpointer data)
{
  return count_logout_inhibitions () == 0;
}

/* --- helpers --- */

static HelderApplication *
new_application (void)
{
  HelderApplication *app = helder_application_new ();
  g_autoptr(GError) error = NULL;

  /* The tests (and the app a test starts and kills) run side by side. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

/* Types a sentence at the end of the page shown. */
static void
type_sentence (HelderWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window),
                                                                               "page-text")));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, TYPED, -1, TRUE);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Returns: (transfer none): the message dialog that is open, once it is. */
static AdwMessageDialog *
wait_for_message_dialog (void)
{
  wait_for (message_dialog_shown, NULL);

  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (data) == NULL;
}

/* The dialog asks about the unsaved pages, by their titles. */
static void
assert_asks_about_welkom (void)
{
  AdwMessageDialog *dialog = wait_for_message_dialog ();

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Welkom”"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  answer (dialog, "cancel");
}

/* Every way out of the app asks the close button's question while there
 * are unsaved changes, and the session cannot log out past them.
 */
static void
test_every_way_out_asks (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderApplication) app = new_application ();
  g_auto(GStrv) accels = NULL;
  HelderWindow *window = helder_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  g_assert_cmpuint (count_logout_inhibitions (), ==, 0);

  type_sentence (window);
  wait_for (logout_inhibited, NULL);

  /* Quit in the menu and Ctrl+Q (the same action) ask; Cancel keeps all. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  assert_asks_about_welkom ();
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == window);

  /* Closing the last window asks the same. */
  gtk_window_close (GTK_WINDOW (window));
  assert_asks_about_welkom ();
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == window);
  g_assert_true (logout_inhibited (NULL));

  /* Saved: the session may log out, and Quit ends without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for (logout_allowed, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_for (no_windows, app);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  helder_test_remove_tree (path);
}

/* The child a test starts: the app with @path open, a sentence typed,
 * "typed" on stdout, and then running until it is ended.
 */
static int
run_child (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(HelderApplication) app = NULL;
  HelderWindow *window;

  gtk_init ();
  adw_init ();
  gtk_source_init ();
  app = new_application ();
  window = helder_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  type_sentence (window);
  g_print ("typed\n");
  fflush (stdout);

  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* Starts the app as a process of its own, with a sentence typed into the
 * first page of the course in @path.
 */
static GPid
start_child_and_type (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-quit-recover", NULL),
                         "--child", path, NULL };
  GPid pid;
  int out;
  char line[16] = { 0 };
  gsize length = 0;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  while (length < sizeof line - 1 && strchr (line, '\n') == NULL)
    {
      gssize n = read (out, line + length, sizeof line - 1 - length);

      g_assert_cmpint (n, >, 0);
      length += n;
    }
  close (out);
  g_assert_cmpstr (line, ==, "typed\n");

  return pid;
}

typedef struct
{
  const char *path;
  const char *text;
} FileText;

static gboolean
file_has_text (gpointer data)
{
  FileText *expected = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (expected->path, &contents, NULL, NULL) &&
         strstr (contents, expected->text) != NULL;
}

/* Waits (up to 30 s, so a busy machine cannot fail it) for @path to hold
 * the typed sentence.
 */
static void
wait_for_recovery_file (const char *path)
{
  FileText expected = { path, "Deze zin typte ik net." };
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  while (!file_has_text (&expected) && g_get_monotonic_time () < deadline)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_true (file_has_text (&expected));
}

static char *
dup_recovery_path (const char *course_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load (course_path, &error);

  g_assert_no_error (error);

  return helder_recovery_dup_path (course);
}

static GtkWidget *
row_of_page (HelderWindow *window,
             HelderPage   *page)
{
  GtkWidget *outline = find_named (GTK_WIDGET (window), "outline");

  for (GtkWidget *row = gtk_widget_get_first_child (outline); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "helder-page") == page)
      return row;

  g_assert_not_reached ();
}

/* The unsaved mark on the page's row and in the header above it. */
static gboolean
shows_unsaved_mark (HelderWindow *window)
{
  HelderPage *page = helder_window_get_page (window);
  GtkWidget *mark = find_named (row_of_page (window, page), "unsaved-mark");
  AdwWindowTitle *header = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                            HELDER_TYPE_WINDOW,
                                                                            "page_title"));
  gboolean in_header = g_str_has_prefix (adw_window_title_get_title (header), "• ");

  g_assert_nonnull (mark);
  g_assert_cmpint (gtk_widget_get_visible (mark), ==, in_header);

  return in_header;
}

/* Killed after typing: the next start offers the text back, naming the
 * page and when, and restoring it makes the page unsaved.
 */
static void
test_kill_and_recover (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *recovery = dup_recovery_path (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  AdwMessageDialog *dialog;
  HelderWindow *window;
  HelderPage *page;
  GPid pid;
  int status;

  pid = start_child_and_type (path);
  wait_for_recovery_file (recovery);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));

  window = open_window (folder);
  page = helder_window_get_page (window);
  g_assert_false (helder_page_get_modified (page));
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Welkom”"));
  /* When, as people write it: the year, never the ISO date. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), year));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), iso));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  answer (dialog, "restore");

  g_assert_true (g_str_has_suffix (helder_page_get_text (page), TYPED));
  g_assert_true (helder_page_get_modified (page));
  g_assert_true (shows_unsaved_mark (window));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* SIGTERM (as a session ends) keeps the typed text without asking. */
static void
test_terminate_keeps_text (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *recovery = dup_recovery_path (path);
  FileText expected = { recovery, "Deze zin typte ik net." };
  GPid pid;
  int status;

  pid = start_child_and_type (path);
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  /* The app ended by itself, with the text kept. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (file_has_text (&expected));

  helder_test_remove_tree (path);
}

/* Undoing back to the saved text clears the unsaved mark, which shows on
 * the page's row and in the header.
 */
static void
test_undo_to_saved (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window),
                                                                               "page-text")));

  g_assert_false (shows_unsaved_mark (window));
  type_sentence (window);
  g_assert_true (helder_page_get_modified (helder_window_get_page (window)));
  g_assert_true (shows_unsaved_mark (window));

  gtk_text_buffer_undo (buffer);
  g_assert_false (helder_page_get_modified (helder_window_get_page (window)));
  g_assert_false (helder_course_get_modified (helder_window_get_course (window)));
  g_assert_false (shows_unsaved_mark (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* Whether this test runs in a mount namespace of its own, where it may
 * mount a read-only view of a folder: as root, a folder's mode cannot make
 * it read-only (root writes anyway), a read-only mount can.
 */
static gboolean private_mounts;

/* Returns: (transfer full): a read-only view of the folder @path, beside it. */
static char *
mount_read_only (const char *path)
{
  char *mounted = g_strconcat (path, "-read-only", NULL);

  g_assert_cmpint (g_mkdir (mounted, 0755), ==, 0);
  g_assert_cmpint (mount (path, mounted, NULL, MS_BIND, NULL), ==, 0);
  g_assert_cmpint (mount (NULL, mounted, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

  return mounted;
}

static gboolean
save_banner_shown (gpointer data)
{
  GObject *revealer = gtk_widget_get_template_child (data, HELDER_TYPE_WINDOW, "save_banner");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static const char *
save_banner_text (HelderWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (window), "save-label")));
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

typedef struct
{
  GtkFileChooser *chooser;
  const char     *path;
} ChooserFile;

/* The chooser shows the folder once it has read it. */
static gboolean
chooser_has_file (gpointer data)
{
  ChooserFile *expected = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (expected->chooser);

  return file != NULL && g_strcmp0 (g_file_peek_path (file), expected->path) == 0;
}

typedef struct
{
  HelderWindow *window;
  const char   *path;
} WindowPath;

static gboolean
window_has_course (gpointer data)
{
  WindowPath *expected = data;
  HelderCourse *course = helder_window_get_course (expected->window);

  return course != NULL && g_str_equal (helder_course_get_path (course), expected->path);
}

/* A read-only course folder says so at once, a save there says whole what
 * failed and what to do, and Save a Copy… copies the course with the
 * unsaved text and goes on there.
 */
static void
test_read_only_folder (void)
{
  g_autofree char *path = NULL;
  g_autofree char *mounted = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copied_page = NULL;
  g_autofree char *copied_media = NULL;
  g_autofree char *old_folder = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  WindowPath expected;
  ChooserFile chosen;
  HelderWindow *window;
  GtkWidget *chooser;

  if (!private_mounts)
    {
      g_test_skip ("needs root and a mount namespace of its own for a read-only mount");
      return;
    }

  path = helder_test_copy_course ("course-valid");
  mounted = mount_read_only (path);
  folder = g_file_new_for_path (mounted);

  /* Said at once, before anything is typed. */
  window = open_window (folder);
  wait_for (save_banner_shown, window);
  g_assert_nonnull (strstr (save_banner_text (window), "read-only"));
  g_assert_nonnull (strstr (save_banner_text (window), mounted));

  /* A save there fails in the author's words: their file, what to do. */
  type_sentence (window);
  gtk_revealer_set_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                              HELDER_TYPE_WINDOW,
                                                                              "save_banner")),
                                 FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (save_banner_shown (window));
  g_test_message ("%s", save_banner_text (window));
  g_assert_nonnull (strstr (save_banner_text (window), "01-basis/01-welkom.md"));
  g_assert_nonnull (strstr (save_banner_text (window), "Save a copy"));
  g_assert_null (strstr (save_banner_text (window), ".helder"));
  g_assert_true (helder_page_get_modified (helder_window_get_page (window)));

  /* Save a Copy… writes the whole course, with the typed sentence, and
   * the window goes on there.
   */
  elsewhere = g_dir_make_tmp ("helder-copy-XXXXXX", &error);
  g_assert_no_error (error);
  /* The chooser starts in the current folder. */
  old_folder = g_get_current_dir ();
  g_assert_cmpint (g_chdir (elsewhere), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy", NULL));
  wait_for (file_chooser_shown, NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* The copy's suggested name is the folder's own, followed by "copy". */
  copy = g_build_filename (elsewhere, "course-valid-read-only copy", NULL);
  chosen.chooser = GTK_FILE_CHOOSER (chooser);
  chosen.path = copy;
  wait_for (chooser_has_file, &chosen);
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                             GTK_RESPONSE_ACCEPT), "clicked");

  g_assert_cmpint (g_chdir (old_folder), ==, 0);
  expected.window = window;
  expected.path = copy;
  wait_for (window_has_course, &expected);
  wait_for (page_shown, window);
  copied_page = g_build_filename (copy, "01-basis", "01-welkom.md", NULL);
  g_assert_true (g_file_get_contents (copied_page, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, TYPED));
  copied_media = g_build_filename (copy, "media", "logo.png", NULL);
  g_assert_true (g_file_test (copied_media, G_FILE_TEST_IS_REGULAR));
  g_assert_false (helder_course_get_modified (helder_window_get_course (window)));
  g_assert_false (save_banner_shown (window));

  close_and_finalize (window);
  g_assert_cmpint (umount2 (mounted, MNT_DETACH), ==, 0);
  g_rmdir (mounted);
  helder_test_remove_tree (path);
  helder_test_remove_tree (elsewhere);
}

/* The pictures for the manual, in the language the test runs in. */
static void
test_screenshots (void)
{
  const char *folder_for_shots = g_getenv ("HELDER_QUIT_RECOVER_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *mounted = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) mounted_folder = NULL;
  g_autoptr(HelderApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  HelderWindow *window;

  /* Run alone (-p): one application per test process. */
  if (folder_for_shots == NULL || !private_mounts)
    {
      g_test_skip ("set HELDER_QUIT_RECOVER_SCREENSHOTS=FOLDER (as root) to save screenshots");
      return;
    }
  app = new_application ();
  path = helder_test_copy_course ("course-valid");
  folder = g_file_new_for_path (path);

  /* The read-only banner. */
  mounted = mount_read_only (path);
  mounted_folder = g_file_new_for_path (mounted);
  window = helder_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, mounted_folder);
  wait_for (page_shown, window);
  wait_for (save_banner_shown, window);
  helder_test_save_named_screenshot (GTK_WIDGET (window), folder_for_shots, "read-only");
  close_and_finalize (window);
  g_assert_cmpint (umount2 (mounted, MNT_DETACH), ==, 0);

  /* The question Quit asks. */
  window = helder_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
  type_sentence (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = wait_for_message_dialog ();
  helder_test_save_named_screenshot (GTK_WIDGET (dialog), folder_for_shots, "quit");
  answer (dialog, "cancel");

  /* The recovery offer, as after a crash. */
  g_assert_true (helder_recovery_store (helder_window_get_course (window), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  window = open_window (folder);
  dialog = wait_for_message_dialog ();
  helder_test_save_named_screenshot (GTK_WIDGET (dialog), folder_for_shots, "recover");
  answer (dialog, "discard");

  close_and_finalize (window);
  g_rmdir (mounted);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  helder_test_follow_language ();
  /* Before any thread starts: a mount namespace is per process. */
  private_mounts = geteuid () == 0 && unshare (CLONE_NEWNS) == 0 &&
                   mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;

  setlocale (LC_ALL, "");
  if (g_getenv ("HELDER_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_init (&argc, &argv);
  start_session_manager ();

  g_test_add_func ("/quit-recover/every-way-out-asks", test_every_way_out_asks);
  g_test_add_func ("/quit-recover/kill-and-recover", test_kill_and_recover);
  g_test_add_func ("/quit-recover/terminate-keeps-text", test_terminate_keeps_text);
  g_test_add_func ("/quit-recover/undo-to-saved", test_undo_to_saved);
  g_test_add_func ("/quit-recover/read-only-folder", test_read_only_folder);
  g_test_add_func ("/quit-recover/screenshots", test_screenshots);

  return g_test_run ();
}
