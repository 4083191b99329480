/* helder-review-pane.c
 *
 * The review of the page shown: its state per role with the actions of
 * your own role, comments on a selected passage (with an optional
 * suggested wording), and the threads in page order with reply, resolve,
 * accept and reject. Every action is written to review.json at once, so
 * a reviewer's work never waits for a save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-review-pane"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "helder-reading-text.h"
#include "helder-review-pane.h"
#include "helder-review-report.h"
#include "helder-word-diff.h"

struct _HelderReviewPane
{
  GtkWidget     parent_instance;

  HelderCourse *course;
  HelderReview *review;   /* owned by the window */
  HelderPage   *page;
  GSettings    *settings;
  gsize         selection_start;
  gsize         selection_end;
  gboolean      asking_reviewer; /* the selection stays while the name is asked */
  GArray       *ranges;   /* of HelderRange: the open threads' passages */
  guint         n_threads;
  GFileMonitor *monitor;  /* review.json, for what others write meanwhile */
  guint         current_approvals; /* bit per role: approved, and of this text */
  guint         approvals_idle;

  GtkWidget    *scroller;
  GtkListBox   *states;
  GtkWidget    *submit_button;
  GtkWidget    *approve_button;
  GtkWidget    *changes_button;
  GtkWidget    *diff_button;
  GtkEditable  *comment_entry;
  GtkEditable  *suggestion_entry;
  GtkWidget    *comment_button;
  GtkBox       *threads;
};

G_DEFINE_FINAL_TYPE (HelderReviewPane, helder_review_pane, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  APPLY_SUGGESTION,
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (HelderReviewPane *self);

/* The id of the thread a reply entry belongs to, which (unlike the
 * thread) outlives a refresh of the review.
 */
#define THREAD_ID_KEY "helder-thread-id"

static char *
reviewer_name (HelderReviewPane *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "reviewer-name");

  return g_steal_pointer (&name);
}

static HelderReviewRole
reviewer_role (HelderReviewPane *self)
{
  g_autofree char *role = g_settings_get_string (self->settings, "reviewer-role");
  HelderReviewRole value = HELDER_REVIEW_ROLE_CONTENT_EXPERT;

  helder_review_role_from_string (role, &value);
  return value;
}

typedef void (*SignedStep) (HelderReviewPane *self,
                            GtkWidget        *widget);

typedef struct
{
  HelderReviewPane *pane;
  GtkWidget        *widget;
  SignedStep        step;
  GtkEditable      *name;
  GtkDropDown      *role;
} PendingStep;

static void
pending_step_free (PendingStep *pending)
{
  pending->pane->asking_reviewer = FALSE;
  g_object_unref (pending->pane);
  g_clear_object (&pending->widget);
  g_free (pending);
}

static void
reviewer_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PendingStep      *pending)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (pending->name)));
  HelderReviewPane *self = pending->pane;

  if (g_str_equal (response, "sign") && name[0] != '\0')
    {
      g_settings_set_string (self->settings, "reviewer-name", name);
      g_settings_set_string (self->settings, "reviewer-role",
                             helder_review_role_to_string (gtk_drop_down_get_selected (pending->role)));
      pending->step (self, pending->widget);
    }
}

static void
reviewer_name_changed_cb (GtkEditable      *name,
                          AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "sign", text[0] != '\0');
}

/* Comments and sign-offs carry the reviewer's name and role: the first
 * one asks for them (once; Preferences changes them later), then does
 * @step. Never signed with a login name the reviewer did not choose.
 */
static void
with_reviewer (HelderReviewPane *self,
               GtkWidget        *widget,
               SignedStep        step)
{
  g_autofree char *name = reviewer_name (self);
  PendingStep *pending;
  AdwMessageDialog *dialog;
  GtkStringList *roles;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *role;
  GtkWidget *label;

  if (name[0] != '\0')
    {
      step (self, widget);
      return;
    }

  roles = gtk_string_list_new (NULL);
  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    gtk_string_list_append (roles, helder_review_role_to_label (r));
  role = gtk_drop_down_new (G_LIST_MODEL (roles), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (role), reviewer_role (self));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), g_get_real_name ());
  gtk_widget_set_name (entry, "reviewer-name");
  gtk_widget_set_name (role, "reviewer-role");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("Your _name"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  label = gtk_label_new_with_mnemonic (_("Your _role in the team"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), role);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), role);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Who Is Reviewing?"),
                                                       _("Your name and role go with your "
                                                         "comments and approvals, so the team "
                                                         "knows who wrote them. You can change "
                                                         "them later in Preferences.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign", _("_Continue"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "sign");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (reviewer_name_changed_cb), dialog, 0);
  reviewer_name_changed_cb (GTK_EDITABLE (entry), dialog);

  pending = g_new0 (PendingStep, 1);
  pending->pane = g_object_ref (self);
  pending->widget = widget != NULL ? g_object_ref (widget) : NULL;
  pending->step = step;
  pending->name = GTK_EDITABLE (entry);
  pending->role = GTK_DROP_DOWN (role);
  g_signal_connect_data (dialog, "response", G_CALLBACK (reviewer_response_cb), pending,
                         (GClosureNotify) pending_step_free, 0);
  /* The name field takes the primary selection, which unselects the
   * passage in the page: the comment is on the passage chosen before.
   */
  self->asking_reviewer = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
show_error (HelderReviewPane *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* Every change is saved at once and shown. */
static void
commit (HelderReviewPane *self)
{
  g_autoptr(GError) error = NULL;

  if (!helder_review_save_merged (self->review, helder_course_get_path (self->course), &error))
    show_error (self, error->message);

  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_own_state (HelderReviewPane  *self,
               HelderReviewState  state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = reviewer_name (self);
  g_autofree char *now = helder_review_now ();

  if (!helder_review_set_state (self->review, helder_page_get_file (self->page),
                                reviewer_role (self), state, author,
                                helder_page_get_text (self->page), now, &error))
    {
      show_error (self, error->message);
      return;
    }

  commit (self);
}

static void
approve (HelderReviewPane *self,
         GtkWidget        *button)
{
  set_own_state (self, HELDER_REVIEW_STATE_APPROVED);
}

static void
approve_clicked_cb (HelderReviewPane *self)
{
  with_reviewer (self, NULL, approve);
}

static void
request_changes (HelderReviewPane *self,
                 GtkWidget        *button)
{
  set_own_state (self, HELDER_REVIEW_STATE_CHANGES_REQUESTED);
}

static void
request_changes_clicked_cb (HelderReviewPane *self)
{
  with_reviewer (self, NULL, request_changes);
}

static void
submit (HelderReviewPane *self,
        GtkWidget        *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = reviewer_name (self);
  g_autofree char *now = helder_review_now ();

  if (!helder_review_start_round (self->review, helder_page_get_file (self->page),
                                  helder_page_get_text (self->page), author, now, &error))
    {
      show_error (self, error->message);
      return;
    }

  commit (self);
}

static void
submit_clicked_cb (HelderReviewPane *self)
{
  with_reviewer (self, NULL, submit);
}

/* Where each change stands in the changes view: pairs of start and end,
 * in characters.
 */
#define CHANGES_KEY "helder-changes"

/* Selects change @index, so that it shows where the reader is. */
static void
show_change (GtkTextView *view,
             guint        index)
{
  GArray *changes = g_object_get_data (G_OBJECT (view), CHANGES_KEY);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (changes, int, 2 * index));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (changes, int, 2 * index + 1));
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (view, &start, 0.1, FALSE, 0, 0);
}

static void
go_to_change (GtkTextView *view,
              int          direction)
{
  GArray *changes = g_object_get_data (G_OBJECT (view), CHANGES_KEY);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  guint n = changes->len / 2;
  GtkTextIter cursor;
  int at;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  at = gtk_text_iter_get_offset (&cursor);

  for (guint i = 0; i < n; i++)
    {
      guint index = direction > 0 ? i : n - 1 - i;
      int change = g_array_index (changes, int, 2 * index);

      if (direction > 0 ? change > at : change < at)
        {
          show_change (view, index);
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (view));
}

static void
next_change_cb (GtkTextView *view)
{
  go_to_change (view, 1);
}

static void
previous_change_cb (GtkTextView *view)
{
  go_to_change (view, -1);
}

static GtkWidget *
change_button (const char  *name,
               const char  *label,
               const char  *icon,
               GtkTextView *view,
               GCallback    callback)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, name);
  g_signal_connect_object (button, "clicked", callback, view, G_CONNECT_SWAPPED);

  return button;
}

/* The page's text as its learner reads it (helder-reading-text.h), for
 * @text as the page's source: no file syntax.
 */
static char *
dup_reading_text (HelderReviewPane *self,
                  const char       *text)
{
  HelderModule *module = helder_course_find_module_of_page (self->course, self->page);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(HelderPage) page = helder_page_new (helder_page_get_file (self->page), bytes);

  if (module == NULL)
    return g_strdup (text);

  return helder_reading_text_dup_page (self->course, module, page);
}

/* The page as its learner reads it, with every word added since the
 * approval underlined on green and every word removed struck through on
 * red: marked by more than colour, so that no reviewer depends on telling
 * colours apart. Both versions are read the same way (neither as the
 * module's first page), so only the author's changes differ.
 */
static void
diff_clicked_cb (HelderReviewPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *approved = helder_review_dup_approved_text (self->review,
                                                               helder_course_get_path (self->course),
                                                               helder_page_get_file (self->page),
                                                               &error);
  g_autofree char *approved_reading = NULL;
  g_autofree char *current_reading = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (int));
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  GtkWidget *view;
  GtkWidget *scroller;
  GtkWidget *buttons;
  GtkWidget *box;
  GtkTextIter end;

  if (approved == NULL)
    {
      g_array_unref (changes);
      show_error (self, error != NULL ? error->message : _("The page has no approved text yet"));
      return;
    }

  approved_reading = dup_reading_text (self, approved);
  current_reading = dup_reading_text (self, helder_page_get_text (self->page));
  segments = helder_word_diff (approved_reading, current_reading);
  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "diff-text");
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The page with its changes since the approval"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_create_tag (buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE,
                              "background", "rgba(46,194,126,0.3)", NULL);
  gtk_text_buffer_create_tag (buffer, "deleted", "strikethrough", TRUE,
                              "background", "rgba(237,51,59,0.25)", NULL);
  for (guint i = 0; i < segments->len; i++)
    {
      const HelderDiffSegment *segment = g_ptr_array_index (segments, i);

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (segment->kind == HELDER_DIFF_EQUAL)
        {
          gtk_text_buffer_insert (buffer, &end, segment->text, -1);
          continue;
        }
      g_array_append_val (changes, (int) { gtk_text_iter_get_offset (&end) });
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, segment->text, -1,
                                                segment->kind == HELDER_DIFF_INSERT ? "inserted"
                                                                                    : "deleted",
                                                NULL);
      g_array_append_val (changes, (int) { gtk_text_iter_get_offset (&end) });
    }
  g_object_set_data_full (G_OBJECT (view), CHANGES_KEY, changes, (GDestroyNotify) g_array_unref);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), change_button ("previous-change", _("_Previous Change"),
                                                    "go-up-symbolic", GTK_TEXT_VIEW (view),
                                                    G_CALLBACK (previous_change_cb)));
  gtk_box_append (GTK_BOX (buttons), change_button ("next-change", _("_Next Change"),
                                                    "go-down-symbolic", GTK_TEXT_VIEW (view),
                                                    G_CALLBACK (next_change_cb)));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), scroller);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Changes Since Approval"),
                                                       changes->len == 0
                                                         ? _("The text is as it was approved.")
                                                         : _("Added words are underlined on green; "
                                                             "removed words are struck through on "
                                                             "red.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  if (changes->len > 0)
    show_change (GTK_TEXT_VIEW (view), 0);
}

/**
 * helder_review_pane_add_comment:
 *
 * Starts a thread on the selected passage of the page.
 */
gboolean
helder_review_pane_add_comment (HelderReviewPane  *self,
                                const char        *text,
                                const char        *suggestion,
                                GError           **error)
{
  g_autofree char *author = NULL;
  g_autofree char *now = NULL;
  HelderRange range;

  g_return_val_if_fail (HELDER_IS_REVIEW_PANE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->page == NULL || self->selection_start >= self->selection_end || text[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                   _("Select a passage and write a comment"));
      return FALSE;
    }

  author = reviewer_name (self);
  if (author[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                   _("Say who you are first: set your name in Preferences"));
      return FALSE;
    }
  now = helder_review_now ();
  range.start = self->selection_start;
  range.end = self->selection_end;
  helder_review_add_thread (self->review, helder_page_get_file (self->page),
                            helder_page_get_text (self->page), range, author,
                            reviewer_role (self), text,
                            suggestion != NULL && suggestion[0] != '\0' ? suggestion : NULL, now);
  commit (self);

  return TRUE;
}

static void
comment (HelderReviewPane *self,
         GtkWidget        *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->comment_entry)));
  g_autofree char *suggestion = g_strdup (gtk_editable_get_text (self->suggestion_entry));

  if (!helder_review_pane_add_comment (self, text, suggestion, &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_editable_set_text (self->comment_entry, "");
  gtk_editable_set_text (self->suggestion_entry, "");
}

static void
comment_clicked_cb (HelderReviewPane *self)
{
  with_reviewer (self, NULL, comment);
}

static HelderReviewThread *
thread_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "helder-thread");
}

/* Returns: (transfer container): the threads' reply fields. */
static GPtrArray *
reply_entries (HelderReviewPane *self)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->threads)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (g_object_get_data (G_OBJECT (child), THREAD_ID_KEY) != NULL)
        g_ptr_array_add (entries, child);

  return entries;
}

/* After a reply the thread is built anew; the focus stays in its reply
 * field, never another thread's.
 */
static void
focus_reply (HelderReviewPane *self,
             const char       *id)
{
  g_autoptr(GPtrArray) entries = reply_entries (self);

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (g_object_get_data (entries->pdata[i], THREAD_ID_KEY), id) == 0)
      gtk_widget_grab_focus (entries->pdata[i]);
}

static void
reply (HelderReviewPane *self,
       GtkWidget        *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *id = NULL;
  g_autofree char *author = NULL;
  g_autofree char *now = NULL;

  if (text[0] == '\0')
    return;

  id = g_strdup (g_object_get_data (G_OBJECT (entry), THREAD_ID_KEY));
  author = reviewer_name (self);
  now = helder_review_now ();
  helder_review_reply (self->review, thread_of (entry), author, reviewer_role (self), text, now);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  commit (self);
  focus_reply (self, id);
}

static void
reply_cb (GtkWidget        *entry,
          HelderReviewPane *self)
{
  with_reviewer (self, entry, reply);
}

static void
resolve_clicked_cb (GtkWidget        *button,
                    HelderReviewPane *self)
{
  HelderReviewThread *thread = thread_of (button);
  g_autofree char *now = helder_review_now ();

  helder_review_set_status (self->review, thread,
                            thread->status == HELDER_REVIEW_STATUS_OPEN
                              ? HELDER_REVIEW_STATUS_RESOLVED : HELDER_REVIEW_STATUS_OPEN,
                            now);
  commit (self);
}

/* The suggestion goes into the page as one edit that Undo takes back,
 * and the page is saved before the review records the thread as accepted,
 * so that the two files never disagree; the window's save keeps them so
 * after an undo.
 */
static void
accept_clicked_cb (GtkWidget        *button,
                   HelderReviewPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  HelderReviewThread *thread = thread_of (button);
  g_autofree char *id = g_strdup (thread->id);
  HelderRange range;
  gboolean saved = FALSE;

  if (!helder_review_locate_suggestion (thread, helder_page_get_text (self->page), &range, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[APPLY_SUGGESTION], 0, (guint64) range.start, (guint64) range.end,
                 thread->suggestion, &saved);
  if (!saved)
    return;

  /* Saving may have refreshed the review; find the thread again. */
  thread = helder_review_find_thread (self->review, id);
  if (thread == NULL || thread->outcome == HELDER_SUGGESTION_ACCEPTED)
    {
      rebuild (self);
      return;
    }
  now = helder_review_now ();
  helder_review_record_accepted (self->review, thread, now);
  commit (self);
}

static void
reject (HelderReviewPane *self,
        GtkWidget        *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = reviewer_name (self);
  g_autofree char *now = helder_review_now ();

  if (!helder_review_reject_suggestion (self->review, thread_of (button), author,
                                        reviewer_role (self), NULL, now, &error))
    {
      show_error (self, error->message);
      return;
    }

  commit (self);
}

static void
reject_clicked_cb (GtkWidget        *button,
                   HelderReviewPane *self)
{
  with_reviewer (self, button, reject);
}

static GtkWidget *
label_new (const char *text,
           const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);

  return label;
}

static GtkWidget *
thread_button (const char         *label,
               HelderReviewThread *thread,
               GCallback           callback,
               HelderReviewPane   *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data (G_OBJECT (button), "helder-thread", thread);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

/* Returns: (transfer full): @time (as review.json keeps it) as people
 * read it: "4 December 2026, 09:04", in their own time zone; what cannot
 * be read as a time is shown as it is.
 */
static char *
dup_time_label (const char *time)
{
  g_autoptr(GDateTime) utc = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (time != NULL ? time : "");
  /* Translators: the date and time of a comment, as strftime() writes
   * it; in Dutch "%-d %B %Y, %H:%M" gives "4 december 2026, 09:04".
   */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* Asks the window to show the thread's passage: bytes of the page source
 * kept on the button when the card was made (the cards are rebuilt
 * whenever the page's text changes).
 */
static void
show_passage_clicked_cb (GtkWidget        *button,
                         HelderReviewPane *self)
{
  const HelderRange *range = g_object_get_data (G_OBJECT (button), "helder-range");

  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, (guint64) range->start, (guint64) range->end);
}

static GtkWidget *
create_thread_card (HelderReviewPane        *self,
                    const HelderReviewPlace *place,
                    const char              *draft)
{
  HelderReviewThread *thread = place->thread;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reply = gtk_entry_new ();
  g_autofree char *quote = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_name (card, "thread");
  g_object_set_data (G_OBJECT (card), "helder-thread", thread);

  if (thread->outcome == HELDER_SUGGESTION_ACCEPTED)
    /* Translators: an accepted suggestion: the old words → the new ones. */
    quote = g_strdup_printf (_("“%s” → “%s”"), thread->quote.exact, thread->suggestion);
  else if (place->match == HELDER_ANCHOR_ORPHANED)
    quote = g_strdup_printf (_("The passage “%s” is no longer on the page."), thread->quote.exact);
  else
    quote = g_strdup_printf (_("“%s” (line %u)"), thread->quote.exact, place->line);
  gtk_box_append (GTK_BOX (card), label_new (quote, "heading"));

  for (guint i = 0; i < thread->comments->len; i++)
    {
      const HelderReviewComment *c = g_ptr_array_index (thread->comments, i);
      /* Translators: author, role, time: the comment */
      g_autofree char *when = dup_time_label (c->time);
      g_autofree char *who = g_strdup_printf (_("%s (%s), %s"), c->author,
                                              helder_review_role_to_label (c->role), when);

      gtk_box_append (GTK_BOX (card), label_new (who, "dim-label"));
      gtk_box_append (GTK_BOX (card), label_new (c->text, NULL));
    }

  if (thread->suggestion != NULL && thread->outcome != HELDER_SUGGESTION_ACCEPTED)
    {
      g_autofree char *suggested = g_strdup_printf (_("Suggested wording: “%s”"),
                                                    thread->suggestion);

      gtk_box_append (GTK_BOX (card), label_new (suggested, NULL));
      if (thread->outcome == HELDER_SUGGESTION_PENDING &&
          thread->status == HELDER_REVIEW_STATUS_OPEN && place->match != HELDER_ANCHOR_ORPHANED)
        {
          gtk_box_append (GTK_BOX (buttons),
                          thread_button (_("_Accept"), thread, G_CALLBACK (accept_clicked_cb), self));
          gtk_box_append (GTK_BOX (buttons),
                          thread_button (_("Re_ject"), thread, G_CALLBACK (reject_clicked_cb), self));
        }
    }

  if (thread->status == HELDER_REVIEW_STATUS_OPEN)
    {
      gtk_entry_set_placeholder_text (GTK_ENTRY (reply), _("Reply"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (reply), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reply"), -1);
      g_object_set_data (G_OBJECT (reply), "helder-thread", thread);
      g_object_set_data_full (G_OBJECT (reply), THREAD_ID_KEY, g_strdup (thread->id), g_free);
      if (draft != NULL)
        gtk_editable_set_text (GTK_EDITABLE (reply), draft);
      g_signal_connect_object (reply, "activate", G_CALLBACK (reply_cb), self, 0);
      gtk_box_append (GTK_BOX (card), reply);
    }
  else
    {
      g_autofree char *when = dup_time_label (thread->status_time);
      g_autofree char *outcome = NULL;

      g_object_ref_sink (reply);
      g_object_unref (reply);

      if (thread->outcome == HELDER_SUGGESTION_ACCEPTED)
        /* Translators: %s is a date and time. */
        outcome = g_strdup_printf (_("Suggestion accepted, %s"), when);
      else if (thread->outcome == HELDER_SUGGESTION_REJECTED)
        outcome = g_strdup_printf (_("Suggestion rejected, %s"), when);
      else
        outcome = g_strdup_printf (_("Resolved, %s"), when);
      gtk_box_append (GTK_BOX (card), label_new (outcome, "success"));
    }

  if (place->match != HELDER_ANCHOR_ORPHANED)
    {
      GtkWidget *show = thread_button (_("_Show Passage"), thread,
                                       G_CALLBACK (show_passage_clicked_cb), self);

      gtk_widget_set_name (show, "show-passage");
      g_object_set_data_full (G_OBJECT (show), "helder-range",
                              g_memdup2 (&place->range, sizeof place->range), g_free);
      gtk_box_append (GTK_BOX (buttons), show);
    }

  gtk_box_append (GTK_BOX (buttons),
                  thread_button (thread->status == HELDER_REVIEW_STATUS_OPEN ? _("_Resolve")
                                                                             : _("Re_open"),
                                 thread, G_CALLBACK (resolve_clicked_cb), self));
  gtk_box_append (GTK_BOX (card), buttons);

  gtk_widget_set_margin_start (card, 2);
  gtk_widget_set_margin_end (card, 2);
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);

  return card;
}

/* Returns: a bit per role that approved exactly the page's text as it is. */
static guint
current_approvals (HelderReviewPane *self)
{
  const char *file = helder_page_get_file (self->page);
  guint approvals = 0;

  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    if (helder_review_get_state (self->review, file, r) == HELDER_REVIEW_STATE_APPROVED &&
        helder_review_approval_is_current (self->review, file, r, helder_page_get_text (self->page)))
      approvals |= 1u << r;

  return approvals;
}

/* Returns: (transfer full): @text with a capital, as a row's title. */
static char *
dup_capitalised (const char *text)
{
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* Returns: (transfer full): the state of @page for @role, with who set
 * it and when: "approved by Sanne de Vries, 4 December 2026, 09:04".
 */
static char *
dup_signoff_label (const HelderReviewPage *page,
                   HelderReviewRole        role,
                   HelderReviewState       state)
{
  const HelderReviewSignoff *signoff = page != NULL ? &page->roles[role] : NULL;
  g_autofree char *when = NULL;

  if (state == HELDER_REVIEW_STATE_DRAFT || signoff == NULL || signoff->author == NULL ||
      signoff->time == NULL)
    return g_strdup (helder_review_state_to_label (state));

  when = dup_time_label (signoff->time);
  /* Translators: a page's review state, who set it and when, as in
   * "approved by Sanne de Vries, 4 December 2026, 09:04"
   */
  return g_strdup_printf (_("%s by %s, %s"), helder_review_state_to_label (state),
                          signoff->author, when);
}

static void
fill_states (HelderReviewPane *self)
{
  const char *file = helder_page_get_file (self->page);
  HelderReviewPage *page = helder_review_find_page (self->review, file);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->states))) != NULL)
    gtk_list_box_remove (self->states, child);
  self->current_approvals = current_approvals (self);

  for (guint r = 0; r < HELDER_N_REVIEW_ROLES; r++)
    {
      HelderReviewState state = helder_review_get_state (self->review, file, r);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      g_autofree char *title = dup_capitalised (helder_review_role_to_label (r));
      g_autofree char *signed_off = dup_signoff_label (page, r, state);

      /* A state row only shows; it is no Tab stop (the buttons below act). */
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (state == HELDER_REVIEW_STATE_APPROVED && (self->current_approvals & (1u << r)) == 0)
        subtitle = g_strdup_printf (_("%s, but the text changed since"), signed_off);
      else
        subtitle = g_steal_pointer (&signed_off);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (state == HELDER_REVIEW_STATE_APPROVED)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->states, row);
    }

  if (page != NULL && page->round > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *round = g_strdup_printf (_("Review round %u"), page->round);

      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), round);
      gtk_list_box_append (self->states, row);
    }

  gtk_widget_set_visible (self->diff_button, page != NULL && page->approved_sha256 != NULL);
}

/* Returns: (transfer full): thread id → the reply being typed to it, so
 * that a rebuild (a colleague's comment arriving) keeps it.
 */
static GHashTable *
dup_drafts (HelderReviewPane *self)
{
  GHashTable *drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) entries = reply_entries (self);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entries->pdata[i]));

      if (text[0] != '\0')
        g_hash_table_replace (drafts, g_strdup (g_object_get_data (entries->pdata[i], THREAD_ID_KEY)),
                              g_strdup (text));
    }

  return drafts;
}

static void
rebuild (HelderReviewPane *self)
{
  g_autoptr(GArray) places = NULL;
  g_autoptr(GHashTable) drafts = dup_drafts (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->threads))) != NULL)
    gtk_box_remove (self->threads, child);
  g_array_set_size (self->ranges, 0);
  self->n_threads = 0;

  if (self->page == NULL || self->review == NULL)
    return;

  fill_states (self);

  places = helder_review_place_threads (self->course, self->review);
  for (guint i = 0; i < places->len; i++)
    {
      const HelderReviewPlace *place = &g_array_index (places, HelderReviewPlace, i);

      if (!g_str_equal (place->thread->page, helder_page_get_file (self->page)))
        continue;

      gtk_box_append (self->threads,
                      create_thread_card (self, place,
                                          g_hash_table_lookup (drafts, place->thread->id)));
      self->n_threads++;
      if (place->match != HELDER_ANCHOR_ORPHANED &&
          place->thread->status == HELDER_REVIEW_STATUS_OPEN)
        g_array_append_val (self->ranges, place->range);
    }
}

/* What others write to review.json while the course is open (another
 * window, helder-cli, a colleague's synced copy) is taken into the review
 * and shown.
 */
static void
review_file_changed_cb (HelderReviewPane  *self,
                        GFile             *file,
                        GFile             *other_file,
                        GFileMonitorEvent  event)
{
  g_autoptr(GError) error = NULL;
  gboolean changed;

  if ((event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED) ||
      self->review == NULL)
    return;

  if (!helder_review_refresh (self->review, helder_course_get_path (self->course), &changed,
                              &error))
    show_error (self, error->message);
  if (!changed)
    return;

  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
watch_review (HelderReviewPane *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  if (self->course == NULL)
    return;

  file = g_file_new_build_filename (helder_course_get_path (self->course), HELDER_REVIEW_FILE, NULL);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (review_file_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static gboolean
follow_approvals_idle_cb (gpointer data)
{
  HelderReviewPane *self = data;

  self->approvals_idle = 0;
  if (self->review == NULL || self->page == NULL ||
      current_approvals (self) == self->current_approvals)
    return G_SOURCE_REMOVE;

  fill_states (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* An approval stops being of the page's text at the first keystroke that
 * changes it, and is again when an undo brings the text back: the states
 * (and the outline's mark) follow right after the keystroke, once the
 * editor has taken the change in.
 */
static void
page_text_changed_cb (HelderReviewPane *self)
{
  if (self->approvals_idle == 0)
    self->approvals_idle = g_idle_add (follow_approvals_idle_cb, self);
}

/* Shows @page of @course (both may be NULL) with @review, which the
 * caller owns and keeps until it sets another.
 */
void
helder_review_pane_set_page (HelderReviewPane *self,
                             HelderCourse     *course,
                             HelderReview     *review,
                             HelderPage       *page)
{
  gboolean other_course;

  g_return_if_fail (HELDER_IS_REVIEW_PANE (self));

  other_course = self->course != course;
  g_set_object (&self->course, course);
  if (other_course)
    watch_review (self);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_func (self->page, page_text_changed_cb, self);
  g_set_object (&self->page, page);
  if (page != NULL)
    g_signal_connect_object (page, "notify::text", G_CALLBACK (page_text_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->review = review;
  self->selection_start = self->selection_end = 0;
  gtk_widget_set_sensitive (self->comment_button, FALSE);
  rebuild (self);
}

void
helder_review_pane_set_selection (HelderReviewPane *self,
                                  gsize             start,
                                  gsize             end)
{
  g_return_if_fail (HELDER_IS_REVIEW_PANE (self));

  if (self->asking_reviewer)
    return;
  self->selection_start = start;
  self->selection_end = end;
  gtk_widget_set_sensitive (self->comment_button, start < end && self->page != NULL);
}

/* Returns: (transfer none) (element-type HelderRange): the passages of
 * the page's open threads, for the editor's highlights.
 */
GArray *
helder_review_pane_get_ranges (HelderReviewPane *self)
{
  g_return_val_if_fail (HELDER_IS_REVIEW_PANE (self), NULL);

  return self->ranges;
}

guint
helder_review_pane_get_n_threads (HelderReviewPane *self)
{
  g_return_val_if_fail (HELDER_IS_REVIEW_PANE (self), 0);

  return self->n_threads;
}

/* Puts the focus in the comment field, where a reviewer who opens the
 * pane by keyboard starts.
 */
void
helder_review_pane_focus_comment (HelderReviewPane *self)
{
  g_return_if_fail (HELDER_IS_REVIEW_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

static void
helder_review_pane_dispose (GObject *object)
{
  HelderReviewPane *self = (HelderReviewPane *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_REVIEW_PANE);
  g_clear_handle_id (&self->approvals_idle, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->course);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_func (self->page, page_text_changed_cb, self);
  g_clear_object (&self->page);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->ranges, g_array_unref);
  self->review = NULL;

  G_OBJECT_CLASS (helder_review_pane_parent_class)->dispose (object);
}

static void
helder_review_pane_class_init (HelderReviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_review_pane_dispose;

  /* The review changed (and was saved). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Accepting a suggestion: put the text (a string) in place of the
   * bytes from start to end of the page (two guint64) as one edit, and
   * save the page. Returns whether it was saved.
   */
  signals[APPLY_SUGGESTION] = g_signal_new ("apply-suggestion", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0,
                                            g_signal_accumulator_first_wins, NULL, NULL,
                                            G_TYPE_BOOLEAN, 3, G_TYPE_UINT64, G_TYPE_UINT64,
                                            G_TYPE_STRING);
  /* A thread's passage (bytes @start to @end of the page source) is to
   * be shown. */
  signals[PASSAGE_ACTIVATED] = g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-review-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, states);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, submit_button);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, approve_button);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, changes_button);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, diff_button);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, suggestion_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, comment_button);
  gtk_widget_class_bind_template_child (widget_class, HelderReviewPane, threads);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, request_changes_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, diff_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, comment_clicked_cb);
}

static void
helder_review_pane_init (HelderReviewPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->ranges = g_array_new (FALSE, FALSE, sizeof (HelderRange));
}
