/* helder-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-checks.h"
#include "helder-block-dialog.h"
#include "helder-block-spec.h"
#include "helder-export-dialog.h"
#include "helder-findings-pane.h"
#include "helder-kpi-window.h"
#include "helder-language-checker.h"
#include "helder-recovery.h"
#include "helder-page-editor.h"
#include "helder-preview.h"
#include "helder-window-private.h"


/* Unsaved edits reach the recovery file this long after a change: the
 * text is taken then, so the file (written in a thread) holds every
 * keystroke within two seconds.
 */
#define RECOVERY_DELAY_MS 1000

/* The preview follows the cursor once it rests this long. */
#define FOLLOW_DELAY_MS 200

G_DEFINE_FINAL_TYPE (HelderWindow, helder_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PREVIEW_DEVICE,
  PROP_REVIEW_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_preview_device (HelderWindow *self,
                    const char   *device)
{
  HelderPreviewDevice value = HELDER_PREVIEW_PHONE;

  if (g_strcmp0 (device, "tablet") == 0)
    value = HELDER_PREVIEW_TABLET;
  else if (g_strcmp0 (device, "desktop") == 0)
    value = HELDER_PREVIEW_DESKTOP;
  else
    device = "phone";

  if (g_strcmp0 (self->preview_device, device) == 0)
    return;

  g_free (self->preview_device);
  self->preview_device = g_strdup (device);
  helder_preview_set_device (self->preview, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_DEVICE]);
}

static void
helder_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HelderWindow *self = HELDER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_DEVICE:
      g_value_set_string (value, self->preview_device);
      break;
    case PROP_REVIEW_MODE:
      g_value_set_boolean (value, self->review_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HelderWindow *self = HELDER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_DEVICE:
      set_preview_device (self, g_value_get_string (value));
      break;
    case PROP_REVIEW_MODE:
      self->review_mode = g_value_get_boolean (value);
      helder_page_editor_set_editable (self->editor, !self->review_mode);
      /* Reviewers see the review pane. */
      if (self->review_mode)
        adw_view_stack_set_visible_child_name (self->side_stack, "review");
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* While there are unsaved changes, the session asks before it logs out. */
static void
inhibit_logout (HelderWindow *self,
                gboolean      modified)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return;

  if (modified && self->logout_cookie == 0)
    self->logout_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                   GTK_APPLICATION_INHIBIT_LOGOUT,
                                                   _("The course has changes that are not saved"));
  else if (!modified && self->logout_cookie != 0)
    {
      gtk_application_uninhibit (app, self->logout_cookie);
      self->logout_cookie = 0;
    }
}

void
_helder_window_update_title (HelderWindow *self)
{
  g_autofree char *title = NULL;
  gboolean modified;

  if (self->course == NULL)
    return;

  modified = helder_course_get_modified (self->course);
  /* The usual GNOME mark for unsaved changes, in the window's title and
   * in the header above the page, where the author looks.
   */
  title = g_strdup_printf ("%s%s", modified ? "• " : "", helder_course_get_title (self->course));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", modified);
  inhibit_logout (self, modified);
  if (self->page != NULL)
    {
      g_autofree char *page_title = g_strdup_printf ("%s%s",
                                                     helder_page_get_modified (self->page) ? "• " : "",
                                                     helder_page_get_title (self->page));

      adw_window_title_set_title (self->page_title, page_title);
    }
}

static gboolean
preview_is_shown (HelderWindow *self)
{
  return self->page != NULL &&
         g_strcmp0 (adw_view_stack_get_visible_child_name (self->side_stack), "preview") == 0;
}

/* The preview scrolls to the block the cursor is in. */
static void
follow_cursor (HelderWindow *self)
{
  GtkTextBuffer *buffer = helder_page_editor_get_buffer (self->editor);
  GtkTextIter cursor;

  g_clear_handle_id (&self->follow_source, g_source_remove);
  if (!preview_is_shown (self))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  helder_preview_follow_line (self->preview, (guint) gtk_text_iter_get_line (&cursor) + 1);
}

static gboolean
follow_cursor_timeout_cb (gpointer user_data)
{
  HelderWindow *self = user_data;

  self->follow_source = 0;
  follow_cursor (self);

  return G_SOURCE_REMOVE;
}

/* Waits for the cursor to settle, so moving through the text does not
 * scroll the preview at every step.
 */
static void
cursor_moved_cb (HelderWindow *self)
{
  if (!preview_is_shown (self))
    return;

  g_clear_handle_id (&self->follow_source, g_source_remove);
  self->follow_source = g_timeout_add (FOLLOW_DELAY_MS, follow_cursor_timeout_cb, self);
}

/* The preview follows the page shown, while it is on screen. */
static void
update_preview (HelderWindow *self)
{
  if (!preview_is_shown (self))
    return;

  helder_preview_show (self->preview, self->course, helder_course_find_module_of_page (self->course, self->page), self->page);
  helder_preview_text_show (self->preview_text, self->course,
                            helder_course_find_module_of_page (self->course, self->page), self->page);
  follow_cursor (self);
}

static void
side_stack_changed_cb (HelderWindow *self)
{
  update_preview (self);
}

void
_helder_window_show_page (HelderWindow *self,
           HelderPage   *page)
{
  g_set_object (&self->page, page);
  helder_page_editor_set_page (self->editor, self->course, page);

  _helder_window_update_title (self);
  adw_window_title_set_subtitle (self->page_title, helder_page_get_file (page));
  gtk_stack_set_visible_child_name (self->content_stack, "page");
  update_preview (self);
  helder_review_pane_set_page (self->review_pane, self->course, self->review, page);
  helder_page_editor_set_highlights (self->editor, helder_review_pane_get_ranges (self->review_pane));
}

static void show_diagnostic (HelderWindow     *self,
                             HelderDiagnostic *diagnostic);

static void
diagnostic_activated_cb (HelderWindow     *self,
                         HelderDiagnostic *diagnostic)
{
  adw_leaflet_navigate (self->page_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  show_diagnostic (self, diagnostic);
}

/* A page's row also tells its open comments and whether a role approved
 * the text as it is now.
 */
static void
update_review_badge (HelderWindow  *self,
                     GtkWidget     *row,
                     HelderPage    *page)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "helder-review-badge");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  guint open = 0;
  gboolean approved = FALSE;

  if (self->review == NULL)
    return;

  for (guint i = 0; i < helder_review_get_threads (self->review)->len; i++)
    {
      HelderReviewThread *thread = g_ptr_array_index (helder_review_get_threads (self->review), i);

      if (thread->status == HELDER_REVIEW_STATUS_OPEN &&
          g_str_equal (thread->page, helder_page_get_file (page)))
        open++;
    }

  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    if (helder_review_get_state (self->review, helder_page_get_file (page), r) ==
          HELDER_REVIEW_STATE_APPROVED &&
        helder_review_approval_is_current (self->review, helder_page_get_file (page), r,
                                           helder_page_get_text (page)))
      approved = TRUE;

  g_object_set_data (G_OBJECT (row), "helder-n-comments", GUINT_TO_POINTER (open));
  if (open > 0)
    {
      g_string_append_printf (text, "✎%u", open);
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE, "%u open comment", "%u open comments",
                                           open), open);
    }
  if (approved)
    {
      g_string_append (text, text->len > 0 ? " ✓" : "✓");
      g_string_append_printf (description, "%s%s", description->len > 0 ? ", " : "",
                              _("approved"));
    }

  /* Setting a tooltip makes GTK look for the widget under the pointer:
   * only changed badges are touched, so typing stays quick.
   */
  if (g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text->str))
    return;

  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_widget_set_tooltip_text (label, description->len > 0 ? description->str : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description->str, -1);
}

/* The count on a page's row in the outline: errors and warnings. */
static void
update_badges (HelderWindow *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sources[] = { self->course_diagnostics,
                           self->page != NULL ? helder_page_editor_get_diagnostics (self->editor)
                                              : NULL };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      /* The editor's findings are newer than the course check's. */
      if (s == 1 && sources[s] != NULL)
        g_hash_table_remove (counts, helder_page_get_file (self->page));

      for (guint i = 0; sources[s] != NULL && i < sources[s]->len; i++)
        {
          const HelderDiagnostic *d = g_ptr_array_index (sources[s], i);
          guint n;

          if (d->severity == HELDER_SEVERITY_HINT)
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, d->file));
          g_hash_table_insert (counts, d->file, GUINT_TO_POINTER (n + 1));
        }
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      HelderPage *page = g_object_get_data (G_OBJECT (row), "helder-page");
      GtkWidget *badge = g_object_get_data (G_OBJECT (row), "helder-badge");
      guint n;
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;

      if (page == NULL)
        continue;

      update_review_badge (self, row, page);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, helder_page_get_file (page)));
      text = n > 0 ? g_strdup_printf ("%u", n) : NULL;
      gtk_label_set_text (GTK_LABEL (badge), text != NULL ? text : "");
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error or warning",
                                                  "%u errors or warnings", n), n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      g_object_set_data (G_OBJECT (row), "helder-n-findings", GUINT_TO_POINTER (n));
      _helder_window_name_page_row (self, row);
    }
}

/* "B1 or lower · Flesch-Douma 74 · 7.1 words per sentence" for the page. */
static char *
page_scores (HelderWindow *self)
{
  HelderReadabilityCounts counts = { 0 };
  HelderReadability scores;

  /* The editor has just checked the page: its checker counts from memory. */
  helder_language_count_page (helder_page_editor_get_language_checker (self->editor),
                              self->page, &counts);
  if (counts.words == 0)
    return NULL;

  helder_readability_compute (&counts, &scores);
  /* Translators: level band, Flesch-Douma score, average sentence length */
  return g_strdup_printf (_("%s · Flesch-Douma %.0f · %.1f words per sentence"),
                          helder_level_to_label (scores.level), scores.flesch_douma,
                          scores.average_sentence_length);
}

static void
show_findings (HelderWindow *self)
{
  if (helder_findings_pane_get_course_scope (self->findings))
    {
      if (self->course_diagnostics != NULL)
        helder_findings_pane_set_diagnostics (self->findings, self->course_diagnostics);
    }
  else if (self->page != NULL)
    {
      g_autofree char *scores = page_scores (self);

      helder_findings_pane_set_diagnostics (self->findings,
                                            helder_page_editor_get_diagnostics (self->editor));
      helder_findings_pane_set_scores (self->findings, scores);
    }
}

static void
course_checked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HelderWindow) self = user_data;
  GPtrArray *diagnostics = helder_checks_run_course_finish (result, NULL);

  if (diagnostics == NULL)
    return;

  g_clear_object (&self->course_check_cancellable);
  g_clear_pointer (&self->course_diagnostics, g_ptr_array_unref);
  self->course_diagnostics = diagnostics;
  update_badges (self);
  if (helder_findings_pane_get_course_scope (self->findings))
    show_findings (self);
}

/* The whole course is checked in a thread on a copy of its own, so the
 * author can go on typing meanwhile.
 */
void
_helder_window_check_course (HelderWindow *self)
{
  g_clear_handle_id (&self->course_check_source, g_source_remove);
  if (self->course == NULL)
    return;

  g_cancellable_cancel (self->course_check_cancellable);
  g_clear_object (&self->course_check_cancellable);
  self->course_check_cancellable = g_cancellable_new ();

  helder_checks_run_course_async (self->course, NULL, NULL, self->course_check_cancellable,
                                  course_checked_cb, g_object_ref (self));
}

static gboolean
check_course_timeout_cb (gpointer user_data)
{
  HelderWindow *self = user_data;

  self->course_check_source = 0;
  _helder_window_check_course (self);

  return G_SOURCE_REMOVE;
}

static void
review_changed_cb (HelderWindow *self)
{
  helder_page_editor_set_highlights (self->editor, helder_review_pane_get_ranges (self->review_pane));
  update_badges (self);
}

/* A thread's passage is on the page shown (the pane lists no other page's). */
static void
review_passage_activated_cb (HelderWindow *self,
                             guint64       start,
                             guint64       end)
{
  helder_page_editor_select_range (self->editor, (gsize) start, (gsize) end);
}

static gboolean save_course (HelderWindow *self);

/* An accepted suggestion is an edit like any other (Undo takes it back),
 * saved at once.
 */
static gboolean
review_apply_suggestion_cb (HelderWindow *self,
                            guint64       start,
                            guint64       end,
                            const char   *text)
{
  HelderRange range = { start, end };

  helder_page_editor_replace (self->editor, &range, text);
  return save_course (self);
}

static void
selection_changed_cb (HelderWindow *self)
{
  gsize start = 0;
  gsize end = 0;

  helder_page_editor_get_selection (self->editor, &start, &end);
  helder_review_pane_set_selection (self->review_pane, start, end);
}

static void
findings_scope_changed_cb (HelderWindow *self)
{
  show_findings (self);
}

/* Whole-course checks follow a few seconds after the page's own. */
#define COURSE_CHECK_DELAY_SECONDS 3

/* The findings list and the badges follow the underlines a little later:
 * drawn in the same frame, new underlines and a new row of the list took
 * longer than a keystroke may (docs/performance.md).
 */
#define FINDINGS_DELAY_MS 40

static gboolean
show_findings_timeout_cb (gpointer user_data)
{
  HelderWindow *self = user_data;

  self->findings_source = 0;
  if (!helder_findings_pane_get_course_scope (self->findings))
    show_findings (self);
  update_badges (self);

  return G_SOURCE_REMOVE;
}

static void
editor_diagnostics_changed_cb (HelderWindow *self)
{
  g_clear_handle_id (&self->findings_source, g_source_remove);
  self->findings_source = g_timeout_add (FINDINGS_DELAY_MS, show_findings_timeout_cb, self);

  g_clear_handle_id (&self->course_check_source, g_source_remove);
  self->course_check_source = g_timeout_add_seconds (COURSE_CHECK_DELAY_SECONDS,
                                                     check_course_timeout_cb, self);
}


static void
findings_clicked_cb (HelderWindow *self)
{
  adw_leaflet_set_visible_child (self->page_leaflet, self->side_pane);
}

static void
side_back_clicked_cb (HelderWindow *self)
{
  adw_leaflet_navigate (self->page_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
recovery_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!helder_recovery_store_finish (result, &error))
    g_warning ("Could not keep unsaved changes in the recovery file: %s", error->message);
}

/* The texts are taken here; the file is written (and synced to disk) in
 * a thread, so that typing never waits for the disk.
 */
static gboolean
store_recovery_cb (gpointer user_data)
{
  HelderWindow *self = user_data;

  self->recovery_source = 0;
  if (self->course != NULL)
    helder_recovery_store_async (self->course, recovery_stored_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
page_text_changed_cb (HelderWindow *self)
{
  if (self->recovery_source == 0)
    self->recovery_source = g_timeout_add (RECOVERY_DELAY_MS, store_recovery_cb, self);
}

static void
page_modified_cb (HelderWindow *self)
{
  _helder_window_update_title (self);
}

static void
back_clicked_cb (HelderWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The window follows each page's changes: the header's title and unsaved
 * mark, and the recovery file.
 */
void
_helder_window_track_page (HelderWindow *self,
            HelderPage   *page)
{
  if (g_object_get_data (G_OBJECT (page), "helder-tracked") != NULL)
    return;

  g_object_set_data (G_OBJECT (page), "helder-tracked", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (page, "notify::modified", G_CALLBACK (page_modified_cb), self,
                           G_CONNECT_SWAPPED);
  /* The header follows the page's first heading as it is typed. */
  g_signal_connect_object (page, "notify::title", G_CALLBACK (page_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::text", G_CALLBACK (page_text_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
show_load_problems (HelderWindow *self)
{
  g_autoptr(GPtrArray) diagnostics = helder_course_validate (self->course);
  guint errors = 0;
  g_autofree char *message = NULL;

  for (guint i = 0; i < diagnostics->len; i++)
    if (((HelderDiagnostic *) g_ptr_array_index (diagnostics, i))->severity ==
        HELDER_SEVERITY_ERROR)
      errors++;

  if (errors == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The course has %u error; it is marked in the outline "
                                          "and listed first under Findings for the whole course",
                                          "The course has %u errors; they are marked in the "
                                          "outline and listed first under Findings for the whole "
                                          "course",
                                          errors),
                             errors);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
reload_page (HelderWindow *self,
             HelderPage   *page,
             GBytes       *bytes)
{
  helder_page_reload (page, bytes);
  if (page == self->page)
    helder_page_editor_set_page (self->editor, self->course, page);
  _helder_window_update_title (self);
}

static void
page_file_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  HelderWindow *self = user_data;
  HelderPage *page = g_object_get_data (G_OBJECT (monitor), "helder-page");
  GFile *page_file = g_object_get_data (G_OBJECT (monitor), "helder-file");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message = NULL;
  gsize length;
  const char *data;

  /* Editors and Helder itself save by renaming a new file over the old
   * one; the event then names the new file's old name.
   */
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED && event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  bytes = g_file_load_bytes (page_file, NULL, NULL, NULL);
  if (bytes == NULL)
    return;

  /* Our own save, or a change to the text the page already has. */
  data = g_bytes_get_data (bytes, &length);
  if (length == helder_page_get_length (page) &&
      memcmp (data, helder_page_get_text (page), length) == 0)
    return;

  if (!helder_page_get_modified (page))
    {
      reload_page (self, page, bytes);
      return;
    }

  /* Both changed: the author decides, nothing is overwritten silently. */
  g_set_object (&self->changed_page, page);
  message = g_strdup_printf (_("“%s” was changed by another program, and you have changes that "
                               "are not saved."), helder_page_get_title (page));
  gtk_label_set_text (self->changed_label, message);
  gtk_revealer_set_reveal_child (self->changed_banner, TRUE);
}

/* A save that cannot happen, said whole with its way out (Save a Copy…). */
static void
show_save_problem (HelderWindow *self,
                   const char   *message)
{
  gtk_label_set_text (self->save_label, message);
  gtk_revealer_set_reveal_child (self->save_banner, TRUE);
}

static void
keep_mine_clicked_cb (HelderWindow *self)
{
  g_clear_object (&self->changed_page);
  gtk_revealer_set_reveal_child (self->changed_banner, FALSE);
}

static void
reload_clicked_cb (HelderWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (self->changed_page != NULL)
    {
      path = g_build_filename (helder_course_get_path (self->course),
                               helder_page_get_file (self->changed_page), NULL);
      file = g_file_new_for_path (path);
      bytes = g_file_load_bytes (file, NULL, NULL, NULL);
      if (bytes != NULL)
        reload_page (self, self->changed_page, bytes);
    }

  keep_mine_clicked_cb (self);
}

static void
watch_pages (HelderWindow *self)
{
  g_ptr_array_set_size (self->monitors, 0);

  for (HelderPageIter iter = helder_course_iter_pages (self->course);
       helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;
      g_autofree char *path = g_build_filename (helder_course_get_path (self->course),
                                                helder_page_get_file (page), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL,
                                                   NULL);

      if (monitor == NULL)
        continue;

      g_object_set_data_full (G_OBJECT (monitor), "helder-page", g_object_ref (page),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (monitor), "helder-file", g_object_ref (file),
                              g_object_unref);
      g_signal_connect_object (monitor, "changed", G_CALLBACK (page_file_changed_cb), self, 0);
      g_ptr_array_add (self->monitors, monitor);
    }
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  HelderWindow *self = user_data;
  GHashTable *texts = g_object_get_data (G_OBJECT (dialog), "helder-texts");

  if (self->course == NULL)
    return;

  if (g_str_equal (response, "restore"))
    {
      /* The restored texts are unsaved changes again. */
      helder_recovery_apply (self->course, texts);
      if (self->page != NULL)
        helder_page_editor_set_page (self->editor, self->course, self->page);
      _helder_window_update_title (self);
    }
  else
    helder_recovery_discard (self->course);
}

/* “Welkom”, “Blokken”: the titles of the pages @files names (or of the
 * unsaved pages when @files is %NULL), in outline order; @n_pages
 * receives how many.
 */
static char *
dup_page_titles (HelderWindow *self,
                 GHashTable   *files,
                 guint        *n_pages)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  *n_pages = 0;
  for (HelderPageIter iter = helder_course_iter_pages (self->course);
       helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;

      if (files != NULL ? !g_hash_table_contains (files, helder_page_get_file (page))
                        : !helder_page_get_modified (page))
        continue;

      if (titles->len > 0)
        g_string_append (titles, ", ");
      /* Translators: a page title in quotes, in a list of pages. */
      g_string_append_printf (titles, _("“%s”"), helder_page_get_title (page));
      (*n_pages)++;
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* After a crash or a kill the edits that were never saved are offered
 * back, naming the pages and when they were kept.
 */
static void
offer_recovery (HelderWindow *self)
{
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GHashTable) texts = helder_recovery_find (self->course, &saved_at);
  AdwMessageDialog *dialog;
  g_autofree char *titles = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  guint n_pages;

  if (texts == NULL)
    return;

  titles = dup_page_titles (self, texts, &n_pages);
  /* Translators: a date and time as people write it, in strftime()
   * format: "4 December 2026 at 09:04"; in Dutch "%-d %B %Y om %H:%M".
   */
  when = g_date_time_format (saved_at, _("%-d %B %Y at %H:%M"));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Helder kept changes to this page that were not saved, "
                                       "on %s: %s. Restore them to go on where you left off.",
                                       "Helder kept changes to these pages that were not saved, "
                                       "on %s: %s. Restore them to go on where you left off.",
                                       n_pages),
                          when, titles);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore Unsaved Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "restore");
  g_object_set_data_full (G_OBJECT (dialog), "helder-texts", g_steal_pointer (&texts),
                          (GDestroyNotify) g_hash_table_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The start page offers the courses opened last. */
static void
fill_recent (HelderWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-courses");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      GtkWidget *row;
      g_autofree char *title = NULL;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_DIR))
        continue;

      row = adw_action_row_new ();
      title = g_path_get_basename (recent[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recent[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "helder-path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->recent_list)) != NULL);
}

static void
remember_recent (HelderWindow *self,
                 const char   *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-courses");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < 8; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-courses", (const char * const *) updated);
  fill_recent (self);
}

static void
recent_activated_cb (HelderWindow  *self,
                     GtkListBoxRow *row)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_object_get_data (G_OBJECT (row), "helder-path"));

  helder_window_open_course (self, folder);
}

/* What needs a course is off while none is open: the + menu, the page's
 * and the outline's actions, export and the course's settings.
 */
static void
update_course_actions (HelderWindow *self)
{
  static const char * const actions[] = {
    "win.new-page", "win.new-module", "win.rename-page", "win.move-page", "win.remove-page",
    "win.rename-module", "win.move-module", "win.remove-module", "win.save-copy",
    "win.course-settings", "win.export", "win.insert-block", "win.insert-callout",
    "win.edit-block",
  };
  gboolean open = self->course != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], open);
  gtk_widget_set_sensitive (self->add_button, open);
  gtk_widget_set_sensitive (self->insert_button, open);
}

static void
course_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HelderWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderCourse) course = helder_course_load_finish (result, &error);

  if (course == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_set_object (&self->course, course);
  g_clear_object (&self->page);
  update_course_actions (self);
  adw_window_title_set_title (self->course_title, helder_course_get_title (course));
  adw_window_title_set_subtitle (self->course_title, helder_course_get_path (course));
  g_clear_pointer (&self->review, helder_review_free);
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);

    /* A broken review.json is reported by the checks; it is not saved over. */
    self->review = helder_review_load (helder_course_get_path (course), problems);
  }
  helder_review_pane_set_page (self->review_pane, course, self->review, NULL);
  _helder_window_fill_outline (self, NULL);
  _helder_window_update_title (self);
  watch_pages (self);
  remember_recent (self, helder_course_get_path (course));
  /* The whole-course check (media lengths, every page) waits until the
   * window has settled: the page's own findings come first.
   */
  g_clear_handle_id (&self->course_check_source, g_source_remove);
  self->course_check_source = g_timeout_add_seconds (COURSE_CHECK_DELAY_SECONDS,
                                                     check_course_timeout_cb, self);
  show_load_problems (self);
  /* Said at once, not at the first save. */
  if (!helder_course_folder_is_writable (helder_course_get_path (course)))
    {
      g_autofree char *message = g_strdup_printf (_("The course folder %s is read-only: your "
                                                    "changes cannot be saved there. Save a copy "
                                                    "of the course in a folder you can write to, "
                                                    "and go on working there."),
                                                  helder_course_get_path (course));

      show_save_problem (self, message);
    }
  else
    gtk_revealer_set_reveal_child (self->save_banner, FALSE);
  offer_recovery (self);
}

void
helder_window_open_course (HelderWindow *self,
                           GFile        *folder)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HELDER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Only local folders can be opened")));
      return;
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  helder_course_load_async (path, self->load_cancellable, course_loaded_cb, g_object_ref (self));
}

static void
folder_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  HelderWindow *self = user_data;
  HelderFolderChosenFunc chosen = g_object_get_data (G_OBJECT (chooser), "helder-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        chosen (self, folder);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks for a folder in a modal chooser and hands it to @chosen. With
 * @current_name the folder is a new one, named by the author.
 */
void
_helder_window_choose_folder (HelderWindow           *self,
                              const char             *title,
                              const char             *accept_label,
                              const char             *current_name,
                              HelderFolderChosenFunc  chosen)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         current_name != NULL ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                              : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         accept_label, _("_Cancel"));
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "helder-chosen", chosen);
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _helder_window_choose_folder (HELDER_WINDOW (widget), _("Open Course"), _("_Open"), NULL,
                                helder_window_open_course);
}

static void
block_inserted_cb (HelderBlockDialog *dialog,
                   HelderWindow      *self)
{
  g_autofree char *source = helder_block_dialog_dup_source (dialog);

  helder_page_editor_insert_block (self->editor, source);
}

/* When a block form closes, inserted, applied or cancelled, the focus
 * goes back into the page at the cursor, not to the button or menu that
 * opened the form.
 */
static void
block_form_closed_cb (HelderBlockDialog *dialog,
                      HelderWindow      *self)
{
  gsize cursor;

  if (self->page == NULL)
    return;

  cursor = helder_page_editor_get_cursor (self->editor);
  helder_page_editor_select_range (self->editor, cursor, cursor);
}

static void
insert_block_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderBlockDialog *dialog;
  HelderBlockKind kind;

  if (self->page == NULL ||
      !helder_block_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;

  dialog = helder_block_dialog_new (GTK_WINDOW (self), self->course, kind, NULL);
  g_signal_connect_object (dialog, "done", G_CALLBACK (block_inserted_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (block_form_closed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
insert_callout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  const char *type = g_variant_get_string (parameter, NULL);
  g_autofree char *source = NULL;

  if (self->page == NULL)
    return;

  /* The title is learner text in the course's language: "Wat kun jij
   * doen?" is the fixed name of this part in the course format.
   */
  if (g_str_equal (type, "ACTION"))
    source = g_strdup ("> [!ACTION] Wat kun jij doen?\n> \n");
  else
    source = g_strdup_printf ("> [!%s]\n> \n", type);

  helder_page_editor_insert_block (self->editor, source);
}

typedef struct
{
  HelderRange range;
} BlockEdit;

static void
block_edited_cb (HelderBlockDialog *dialog,
                 HelderWindow      *self)
{
  BlockEdit *edit = g_object_get_data (G_OBJECT (dialog), "helder-edit");
  g_autofree char *source = helder_block_dialog_dup_source (dialog);

  helder_page_editor_replace (self->editor, &edit->range, source);
}

static void
edit_block_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  const HelderPageContent *content;
  gsize cursor;

  if (self->page == NULL)
    return;

  content = helder_page_get_content (self->page);
  cursor = helder_page_editor_get_cursor (self->editor);

  for (guint i = 0; i < content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, i);
      HelderBlockDialog *dialog;
      BlockEdit *edit;

      if (!helder_block_kind_is_fenced (block->kind) ||
          cursor < block->range.start || cursor > block->range.end)
        continue;

      dialog = helder_block_dialog_new (GTK_WINDOW (self), self->course, block->kind, block);
      edit = g_new0 (BlockEdit, 1);
      edit->range = block->range;
      g_object_set_data_full (G_OBJECT (dialog), "helder-edit", edit, g_free);
      g_signal_connect_object (dialog, "done", G_CALLBACK (block_edited_cb), self, 0);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (block_form_closed_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Put the cursor in a block to edit it")));
}

static void
show_diagnostic (HelderWindow     *self,
                 HelderDiagnostic *diagnostic)
{
  HelderPage *page = helder_course_find_page (self->course, diagnostic->file);

  if (page == NULL)
    return;

  if (page != self->page)
    {
      /* Select the page's row in the outline too. */
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (g_object_get_data (G_OBJECT (row), "helder-page") == page)
          gtk_list_box_select_row (self->outline, GTK_LIST_BOX_ROW (row));
      _helder_window_show_page (self, page);
    }

  helder_page_editor_select (self->editor, diagnostic);
}

static void
export_go_to_cb (HelderExportDialog *dialog,
                 HelderDiagnostic   *diagnostic,
                 HelderWindow       *self)
{
  show_diagnostic (self, diagnostic);
}

static void
exported_cb (HelderExportDialog *dialog,
             GFile              *output,
             const char         *message,
             HelderWindow       *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;
  GtkWidget *title;
  AdwToast *toast;

  /* A single package is a file: its folder is what to open. */
  folder = g_file_query_file_type (output, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY
             ? g_object_ref (output) : g_file_get_parent (output);
  uri = g_file_get_uri (folder);
  /* The message may be two sentences (drafted tips): it wraps, and it
   * stays until it is closed, so there is time to read it.
   */
  title = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  toast = adw_toast_new (message);
  adw_toast_set_custom_title (toast, title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Open Folder"));
  adw_toast_set_action_name (toast, "win.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  HelderExportDialog *dialog;

  if (self->course == NULL)
    return;

  /* The latest course check serves the export when no edit came after
   * it; otherwise the dialog checks the course again in the background.
   */
  dialog = helder_export_dialog_new (GTK_WINDOW (self), self->course,
                                     self->course_check_source == 0
                                     && self->course_check_cancellable == NULL
                                     ? self->course_diagnostics : NULL);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  g_signal_connect_object (dialog, "go-to", G_CALLBACK (export_go_to_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kpi_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  if (self->course != NULL)
    gtk_window_present (GTK_WINDOW (helder_kpi_window_new (GTK_WINDOW (self), self->course)));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* The review follows what was saved: an accepted suggestion that was
 * undone before saving is open again, one redone is accepted.
 */
static void
follow_review (HelderWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  gboolean changed = FALSE;

  if (self->review == NULL)
    return;

  now = helder_review_now ();
  for (HelderPageIter iter = helder_course_iter_pages (self->course); helder_page_iter_next (&iter);)
    changed |= helder_review_follow_saved_text (self->review, helder_page_get_file (iter.page),
                                                helder_page_get_text (iter.page), now);
  if (!changed)
    return;

  if (!helder_review_save_merged (self->review, helder_course_get_path (self->course), &error))
    show_save_problem (self, error->message);
  helder_review_pane_set_page (self->review_pane, self->course, self->review, self->page);
  review_changed_cb (self);
}

/* win.open-course-file opens a file of the course (a path inside it) in
 * the app the desktop opens it with; a file that is missing, its folder.
 */
static void
open_course_file_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (self->course == NULL)
    return;

  path = g_build_filename (helder_course_get_path (self->course),
                           g_variant_get_string (parameter, NULL), NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *file = g_steal_pointer (&path);

      path = g_path_get_dirname (file);
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static gboolean
save_course (HelderWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->course == NULL)
    return TRUE;

  if (!helder_course_save (self->course, &error))
    {
      /* Shown whole, where it stays until the next save or a copy. */
      show_save_problem (self, error->message);
      return FALSE;
    }

  gtk_revealer_set_reveal_child (self->save_banner, FALSE);
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  helder_recovery_discard (self->course);
  _helder_window_update_title (self);
  follow_review (self);
  return TRUE;
}

/* The copy is written with every unsaved change; the window goes on
 * there, and the changes no longer need their recovery file.
 */
static void
save_copy_chosen (HelderWindow *self,
                  GFile        *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (folder);

  if (self->course == NULL)
    return;

  if (path == NULL)
    {
      show_save_problem (self, _("Only local folders can hold a copy of the course. Choose a "
                                 "folder on this computer."));
      return;
    }

  if (!helder_course_save_copy (self->course, path, &error))
    {
      show_save_problem (self, error->message);
      return;
    }

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  helder_recovery_discard (self->course);
  gtk_revealer_set_reveal_child (self->save_banner, FALSE);
  helder_window_open_course (self, folder);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (self->course == NULL)
    return;

  base = g_path_get_basename (helder_course_get_path (self->course));
  /* Translators: the suggested name of a copy of the course folder %s. */
  name = g_strdup_printf (_("%s copy"), base);
  _helder_window_choose_folder (self, _("Save a Copy of the Course"), _("_Save"), name,
                                save_copy_chosen);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);

  if (save_course (self))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  HelderWindow *self = user_data;

  if (g_str_equal (response, "save"))
    {
      if (!save_course (self))
        return;
    }
  else if (g_str_equal (response, "discard"))
    helder_recovery_discard (self->course);
  else
    return;

  g_clear_object (&self->course);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Nothing the author wrote is lost: closing with unsaved changes asks.
 * Every way out comes here: the close button, closing the last window,
 * and Quit (helder-application.c closes each window).
 */
static gboolean
helder_window_close_request (GtkWindow *window)
{
  HelderWindow *self = HELDER_WINDOW (window);
  AdwMessageDialog *dialog;
  g_autofree char *titles = NULL;
  g_autofree char *body = NULL;
  guint n_pages;

  if (self->course == NULL || !helder_course_get_modified (self->course))
    return GTK_WINDOW_CLASS (helder_window_parent_class)->close_request (window);

  titles = dup_page_titles (self, NULL, &n_pages);
  /* Only the course's structure changed (a page moved, a module renamed). */
  if (n_pages == 0)
    body = g_strdup (_("The course has changes that are not saved. If you close without saving, "
                       "they are lost."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This page has changes that are not saved: %s. If "
                                         "you close without saving, the changes are lost.",
                                         "These pages have changes that are not saved: %s. If "
                                         "you close without saving, the changes are lost.",
                                         n_pages),
                            titles);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
helder_window_dispose (GObject *object)
{
  HelderWindow *self = (HelderWindow *) object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  inhibit_logout (self, FALSE);
  g_clear_handle_id (&self->course_check_source, g_source_remove);
  g_clear_handle_id (&self->findings_source, g_source_remove);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  g_clear_handle_id (&self->follow_source, g_source_remove);
  g_clear_pointer (&self->outline_undo, _helder_outline_undo_free);
  g_clear_pointer (&self->review, helder_review_free);
  g_cancellable_cancel (self->course_check_cancellable);
  g_clear_object (&self->course_check_cancellable);
  g_clear_pointer (&self->course_diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_object (&self->changed_page);
  g_clear_object (&self->course);
  g_clear_object (&self->page);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (helder_window_parent_class)->dispose (object);
}

/* The buttons that only make sense when a pane is folded away are
 * updated after the layout, not while the leaflets allocate (GTK would
 * then draw a header bar it has not placed yet).
 */
static gboolean
update_fold_buttons_cb (gpointer user_data)
{
  HelderWindow *self = user_data;

  self->fold_source = 0;
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (self->findings_button, adw_leaflet_get_folded (self->page_leaflet));
  /* A narrow window with no course shows the start page, not an empty
   * outline.
   */
  if (self->course == NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return G_SOURCE_REMOVE;
}

static void
folded_changed_cb (HelderWindow *self)
{
  if (self->fold_source == 0)
    self->fold_source = g_idle_add (update_fold_buttons_cb, self);
}

static void
helder_window_finalize (GObject *object)
{
  HelderWindow *self = (HelderWindow *) object;

  g_free (self->preview_device);

  G_OBJECT_CLASS (helder_window_parent_class)->finalize (object);
}

static void
helder_window_class_init (HelderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = helder_window_dispose;
  object_class->finalize = helder_window_finalize;
  object_class->get_property = helder_window_get_property;
  object_class->set_property = helder_window_set_property;
  window_class->close_request = helder_window_close_request;

  /* Which screen the preview shows: phone, tablet or desktop. */
  properties[PROP_PREVIEW_DEVICE] =
    g_param_spec_string ("preview-device", NULL, NULL, "phone",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* In review mode the page is read-only and the review pane shows. */
  properties[PROP_REVIEW_MODE] =
    g_param_spec_boolean ("review-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HELDER_TYPE_PAGE_EDITOR);
  g_type_ensure (HELDER_TYPE_FINDINGS_PANE);
  g_type_ensure (HELDER_TYPE_PREVIEW);
  g_type_ensure (HELDER_TYPE_PREVIEW_TEXT);
  g_type_ensure (HELDER_TYPE_REVIEW_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, course_title);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, insert_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, page_leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, findings);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, side_pane);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, preview_text);
  gtk_widget_class_bind_template_callback (widget_class, side_stack_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, findings_scope_changed_cb);
  gtk_widget_class_install_property_action (widget_class, "win.preview-device", "preview-device");
  gtk_widget_class_install_property_action (widget_class, "win.review-mode", "review-mode");
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, review_pane);
  gtk_widget_class_bind_template_callback (widget_class, review_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_apply_suggestion_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_passage_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, changed_banner);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, HelderWindow, save_label);
  gtk_widget_class_bind_template_callback (widget_class, keep_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_diagnostics_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, diagnostic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, findings_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, side_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.insert-block", "s", insert_block_action);
  gtk_widget_class_install_action (widget_class, "win.insert-callout", "s",
                                   insert_callout_action);
  gtk_widget_class_install_action (widget_class, "win.edit-block", NULL, edit_block_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.kpi", NULL, kpi_action);
  _helder_window_outline_class_init (widget_class);
  _helder_window_import_class_init (widget_class);
  _helder_window_pane_class_init (widget_class);
  _helder_window_a11y_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.open-course-file", "s",
                                   open_course_file_action);
  /* Ctrl+S, Ctrl+E and Shift+Ctrl+E are the application's accels
   * (helder-application.c), so menus and the shortcuts window show them.
   */
}

static void
helder_window_init (HelderWindow *self)
{
  /* The preview buttons read this state while the template is built. */
  self->preview_device = g_strdup ("phone");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", FALSE);
  update_course_actions (self);
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  _helder_window_outline_init (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_leaflet, "notify::folded", G_CALLBACK (folded_changed_cb),
                           self, G_CONNECT_SWAPPED);
  folded_changed_cb (self);
  g_signal_connect_object (helder_page_editor_get_buffer (self->editor), "notify::has-selection",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (helder_page_editor_get_buffer (self->editor), "mark-set",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (helder_page_editor_get_buffer (self->editor), "notify::cursor-position",
                           G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);

  /* Window size and state are remembered between runs. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  _helder_window_pane_init (self);
  fill_recent (self);
}

/* @application may be %NULL, as in tests that drive a window alone. */
HelderWindow *
helder_window_new (HelderApplication *application)
{
  return g_object_new (HELDER_TYPE_WINDOW, "application", application, NULL);
}

/* Returns: (transfer none) (nullable) */
HelderCourse *
helder_window_get_course (HelderWindow *self)
{
  g_return_val_if_fail (HELDER_IS_WINDOW (self), NULL);

  return self->course;
}

/* Returns: (transfer none) (nullable): the page shown */
HelderPage *
helder_window_get_page (HelderWindow *self)
{
  g_return_val_if_fail (HELDER_IS_WINDOW (self), NULL);

  return self->page;
}

/**
 * helder_window_keep_unsaved:
 *
 * Writes the unsaved changes to the recovery file now, and waits for it:
 * for when the app must end at once (the session sends SIGTERM).
 */
void
helder_window_keep_unsaved (HelderWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HELDER_IS_WINDOW (self));

  if (self->course == NULL || !helder_course_get_modified (self->course))
    return;

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (!helder_recovery_store (self->course, &error))
    g_warning ("Could not keep unsaved changes in the recovery file: %s", error->message);
}
