/* helder-page-editor.c
 *
 * A page, shown as block cards (the default) or as its source in a
 * GtkSourceView, checked as the author types: the findings are underlined,
 * explained in a tooltip and offered as fixes in the context menu. Both
 * views edit the one text buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-page-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "helder-block-card.h"
#include "helder-block-edit.h"
#include "helder-block-view.h"
#include "helder-checks.h"
#include "helder-language-rules.h"
#include "helder-page-editor.h"

/* Checks wait until typing pauses, and then run in a thread, so they
 * never slow typing down.
 */
#define CHECK_DELAY_MS 250

struct _HelderPageEditor
{
  GtkWidget      parent_instance;

  HelderCourse  *course;
  HelderLanguageChecker *checker; /* remembers the course's paragraphs between checks */
  HelderPage    *page;
  GPtrArray     *diagnostics;
  guint          check_source;
  GCancellable  *check_cancellable; /* set while a check runs in a thread */
  gboolean       loading;
  GMenu         *fix_menu;
  HelderDiagnostic *menu_diagnostic;
  GPtrArray     *underlines;  /* of Underline*: the tags applied, with marks that move with edits */
  GArray        *highlights;  /* of HelderRange: the passages reviewers commented on */

  GtkSourceSearchContext *search;
  GSettings     *settings;

  /* Template widgets */
  GtkWidget     *content;
  GtkSearchBar  *search_bar;
  GtkEditable   *search_entry;
  GtkEditable   *replace_entry;
  GtkLabel      *search_count;
  char          *last_search;  /* what Find and Replace offer again */
  GtkStack      *views;
  HelderBlockView *blocks;
  GtkSourceView *view;
  GtkLabel      *word_count;
  GtkLabel      *findings_count;
};

G_DEFINE_FINAL_TYPE (HelderPageEditor, helder_page_editor, GTK_TYPE_WIDGET)

enum {
  DIAGNOSTICS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* An underline as applied: its marks follow the text as the author types,
 * so the next check removes it where it is now, touching only those lines.
 */
typedef struct
{
  GtkTextMark    *start;
  GtkTextMark    *end;
  HelderSeverity  severity;
} Underline;

static void
underline_free (Underline *underline)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (underline->start);

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, underline->start);
      gtk_text_buffer_delete_mark (buffer, underline->end);
    }
  g_object_unref (underline->start);
  g_object_unref (underline->end);
  g_free (underline);
}

static const char * const severity_tags[] = {
  [HELDER_SEVERITY_HINT] = "helder-hint",
  [HELDER_SEVERITY_WARNING] = "helder-warning",
  [HELDER_SEVERITY_ERROR] = "helder-error",
};

GtkTextBuffer *
helder_page_editor_get_buffer (HelderPageEditor *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

/* Diagnostics count bytes in the page source, which is the buffer's text. */
static void
iter_at_offset (HelderPageEditor *self,
                gsize             offset,
                GtkTextIter      *iter)
{
  const HelderPageContent *content = helder_page_get_content (self->page);
  GtkTextBuffer *buffer = helder_page_editor_get_buffer (self);
  guint line;
  gsize line_start;

  helder_line_map_locate (content->lines, offset, &line, NULL);
  line_start = helder_line_map_line_start (content->lines, line);
  gtk_text_buffer_get_iter_at_line_index (buffer, iter, line - 1, offset - line_start);
}

static gsize
offset_at_iter (HelderPageEditor  *self,
                const GtkTextIter *iter)
{
  const HelderPageContent *content = helder_page_get_content (self->page);

  return helder_line_map_line_start (content->lines, gtk_text_iter_get_line (iter) + 1) +
         gtk_text_iter_get_line_index (iter);
}

static void
diagnostic_bounds (HelderPageEditor       *self,
                   const HelderDiagnostic *d,
                   GtkTextIter            *start,
                   GtkTextIter            *end)
{
  iter_at_offset (self, d->start, start);
  iter_at_offset (self, d->end, end);

  /* A finding about a point (a missing field, a whole file) marks the rest
   * of its line, so there is something to see and to hover.
   */
  if (gtk_text_iter_equal (start, end))
    {
      if (!gtk_text_iter_ends_line (end))
        gtk_text_iter_forward_to_line_end (end);
      else if (!gtk_text_iter_starts_line (start))
        gtk_text_iter_set_line_offset (start, 0);
    }
}

static void
update_footer (HelderPageEditor *self)
{
  g_autofree char *words = NULL;
  g_autofree char *findings = NULL;
  guint n = self->diagnostics->len;

  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                        helder_page_get_word_count (self->page)),
                           helder_page_get_word_count (self->page));
  gtk_label_set_text (self->word_count, words);

  if (n == 0)
    findings = g_strdup (_("No findings"));
  else
    findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
  gtk_label_set_text (self->findings_count, findings);
}

static gboolean
underline_is_at (Underline         *underline,
                 const GtkTextIter *start,
                 const GtkTextIter *end,
                 HelderSeverity     severity)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (underline->start);
  GtkTextIter at;

  if (underline->severity != severity)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &at, underline->start);
  if (!gtk_text_iter_equal (&at, start))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &at, underline->end);

  return gtk_text_iter_equal (&at, end);
}

typedef struct
{
  int            start;
  int            end;
  HelderSeverity severity;
} RemovedSpan;

/* Whether @underline shares text with a span whose tag was just removed. */
static gboolean
underline_lost_text (Underline *underline,
                     GArray    *removed)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (underline->start);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, underline->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, underline->end);
  for (guint i = 0; i < removed->len; i++)
    {
      const RemovedSpan *span = &g_array_index (removed, RemovedSpan, i);

      if (span->severity == underline->severity &&
          span->start < gtk_text_iter_get_offset (&end) &&
          gtk_text_iter_get_offset (&start) < span->end)
        return TRUE;
    }

  return FALSE;
}

static void
apply_underline (GtkTextBuffer *buffer,
                 Underline     *underline)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, underline->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, underline->end);
  gtk_text_buffer_apply_tag_by_name (buffer, severity_tags[underline->severity], &start, &end);
}

/* The cards show the findings and the commented passages with the same
 * tags as Source.
 */
static void
update_block_marks (HelderPageEditor *self)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (HelderCardMark));

  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (self->diagnostics, i);
      HelderCardMark mark = { d->start, d->end, severity_tags[d->severity] };

      g_array_append_val (marks, mark);
    }
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const HelderRange *range = &g_array_index (self->highlights, HelderRange, i);
      HelderCardMark mark = { range->start, range->end, "helder-comment" };

      g_array_append_val (marks, mark);
    }

  helder_block_view_set_marks (self->blocks, marks);
}

/* Brings the underlines in line with the findings. Every tag applied or
 * removed makes the text view lay its lines out again, so underlines that
 * are still right stay as they are: after a check, typically only the
 * sentence just typed changes.
 */
static void
apply_diagnostics (HelderPageEditor *self)
{
  GtkTextBuffer *buffer = helder_page_editor_get_buffer (self);
  g_autoptr(GPtrArray) stale = g_steal_pointer (&self->underlines);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (RemovedSpan));
  GtkTextIter start;
  GtkTextIter end;

  self->underlines = g_ptr_array_new_with_free_func ((GDestroyNotify) underline_free);

  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (self->diagnostics, i);
      Underline *underline = NULL;

      diagnostic_bounds (self, d, &start, &end);
      for (guint j = 0; j < stale->len && underline == NULL; j++)
        if (underline_is_at (g_ptr_array_index (stale, j), &start, &end, d->severity))
          underline = g_ptr_array_steal_index_fast (stale, j);

      if (underline == NULL)
        {
          underline = g_new0 (Underline, 1);
          underline->start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
          underline->end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE));
          underline->severity = d->severity;
          g_ptr_array_add (fresh, underline);
        }
      g_ptr_array_add (self->underlines, underline);
    }

  for (guint i = 0; i < stale->len; i++)
    {
      Underline *underline = g_ptr_array_index (stale, i);
      RemovedSpan span = { 0 };

      gtk_text_buffer_get_iter_at_mark (buffer, &start, underline->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, underline->end);
      gtk_text_buffer_remove_tag_by_name (buffer, severity_tags[underline->severity], &start, &end);
      span.start = gtk_text_iter_get_offset (&start);
      span.end = gtk_text_iter_get_offset (&end);
      span.severity = underline->severity;
      g_array_append_val (removed, span);
    }

  /* The new underlines, and the kept ones that shared text with a
   * removed one of their style.
   */
  for (guint i = 0; i < self->underlines->len; i++)
    {
      Underline *underline = g_ptr_array_index (self->underlines, i);

      if (g_ptr_array_find (fresh, underline, NULL) || underline_lost_text (underline, removed))
        apply_underline (buffer, underline);
    }

  update_footer (self);
  helder_block_view_set_diagnostics (self->blocks, self->diagnostics);
  update_block_marks (self);
  g_signal_emit (self, signals[DIAGNOSTICS_CHANGED], 0);
}

static void
cancel_check (HelderPageEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
}

void
helder_page_editor_check_now (HelderPageEditor *self)
{
  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));

  cancel_check (self);
  if (self->page == NULL)
    return;

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  helder_language_checker_follow_course (self->checker, self->course);
  self->diagnostics = helder_checks_run_page_with_checker (self->course, self->page,
                                                           self->checker);
  apply_diagnostics (self);
}

/* A check in a thread does not keep the editor alive: closed meanwhile,
 * the editor is gone and the findings with it.
 */
static void
page_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(HelderPageEditor) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  GPtrArray *diagnostics = helder_checks_run_page_finish (result, &error);

  g_weak_ref_clear (weak);
  g_free (weak);
  /* Cancelled: the text or the page changed since; a newer check follows. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&diagnostics, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->check_cancellable);

  /* A page that is not on disk yet is checked here. */
  if (diagnostics == NULL)
    {
      helder_page_editor_check_now (self);
      return;
    }

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  self->diagnostics = diagnostics;
  apply_diagnostics (self);
}

/* The page as it was when typing paused, checked in a thread on a copy
 * of the course, so the live course is never touched off the main thread.
 */
static void
check_in_thread (HelderPageEditor *self)
{
  GWeakRef *weak;

  cancel_check (self);
  if (self->page == NULL)
    return;

  self->check_cancellable = g_cancellable_new ();
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  helder_checks_run_page_async (self->course, self->page, self->check_cancellable,
                                page_checked_cb, weak);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  HelderPageEditor *self = user_data;

  self->check_source = 0;
  check_in_thread (self);

  return G_SOURCE_REMOVE;
}

/* Findings point at places in the text as it was checked: after an edit
 * they are out of date until the next check arrives.
 */
static gboolean
diagnostics_are_current (HelderPageEditor *self)
{
  return self->page != NULL && self->check_source == 0 && self->check_cancellable == NULL;
}

static void
buffer_changed_cb (HelderPageEditor *self,
                   GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;

  if (self->loading || self->page == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  helder_page_set_text (self->page, text, -1);

  /* The underlines move with the text until the new findings arrive. */
  cancel_check (self);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/* The narrowest finding is the most specific: a word inside a long
 * sentence gets the word's fixes.
 */
static int
compare_narrowest (gconstpointer a,
                   gconstpointer b)
{
  const HelderDiagnostic *da = *(HelderDiagnostic * const *) a;
  const HelderDiagnostic *db = *(HelderDiagnostic * const *) b;
  gsize la = da->end - da->start;
  gsize lb = db->end - db->start;

  return la < lb ? -1 : la > lb ? 1 : 0;
}

/* The findings that cover @offset, the narrowest first. */
static GPtrArray *
diagnostics_at (HelderPageEditor *self,
                gsize             offset)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (self->diagnostics, i);
      GtkTextIter start;
      GtkTextIter end;

      diagnostic_bounds (self, d, &start, &end);
      if (offset >= offset_at_iter (self, &start) && offset <= offset_at_iter (self, &end))
        g_ptr_array_add (found, d);
    }

  g_ptr_array_sort (found, compare_narrowest);
  return found;
}

static gboolean
query_tooltip_cb (HelderPageEditor *self,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  GtkWidget        *view)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  int bx;
  int by;

  if (!diagnostics_are_current (self))
    return FALSE;

  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (helder_page_editor_get_buffer (self), &iter,
                                      gtk_text_buffer_get_insert (helder_page_editor_get_buffer (self)));
  else
    {
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                             x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (view), &iter, bx, by))
        return FALSE;
    }

  found = diagnostics_at (self, offset_at_iter (self, &iter));
  if (found->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (found, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", helder_severity_to_label (d->severity), d->message);
    }

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
select_bounds (HelderPageEditor *self,
               GtkTextIter      *start,
               GtkTextIter      *end)
{
  GtkTextBuffer *buffer = helder_page_editor_get_buffer (self);

  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.2, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static gboolean
blocks_shown (HelderPageEditor *self)
{
  return gtk_stack_get_visible_child (self->views) == GTK_WIDGET (self->blocks);
}

/* One block as source: the Source view, with the block selected. */
static void
edit_source_cb (HelderPageEditor *self,
                guint64           start,
                guint64           end)
{
  GtkTextIter from;
  GtkTextIter to;

  gtk_stack_set_visible_child (self->views, gtk_widget_get_parent (GTK_WIDGET (self->view)));
  iter_at_offset (self, start, &from);
  iter_at_offset (self, end, &to);
  select_bounds (self, &from, &to);
}

/**
 * helder_page_editor_show_view:
 * @name: "blocks" or "source"
 *
 * Shows the page as blocks or as source and puts the focus in it, where
 * the keyboard user goes on: the text in Source, the first card in Blocks.
 *
 * Returns: FALSE if there is no view called @name
 */
gboolean
helder_page_editor_show_view (HelderPageEditor *self,
                              const char       *name)
{
  GtkWidget *child;

  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), FALSE);

  child = gtk_stack_get_child_by_name (self->views, name);
  if (child == NULL)
    return FALSE;
  gtk_stack_set_visible_child (self->views, child);
  if (child == gtk_widget_get_parent (GTK_WIDGET (self->view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  else
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);

  return TRUE;
}

/**
 * helder_page_editor_select_range:
 * @start: the first byte of the passage in the page source
 * @end: the byte after its last one
 *
 * Shows the passage: in Blocks, the focus goes to the card and the field
 * that hold it, with the passage selected; in Source, it is selected.
 */
void
helder_page_editor_select_range (HelderPageEditor *self,
                                 gsize             start,
                                 gsize             end)
{
  GtkTextIter from;
  GtkTextIter to;

  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));

  if (self->page == NULL || start > end || end > helder_page_get_length (self->page))
    return;

  if (blocks_shown (self) && helder_block_view_focus_range (self->blocks, start, end))
    return;

  iter_at_offset (self, start, &from);
  iter_at_offset (self, end, &to);
  select_bounds (self, &from, &to);
}

void
helder_page_editor_select (HelderPageEditor       *self,
                           const HelderDiagnostic *diagnostic)
{
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));
  g_return_if_fail (diagnostic != NULL);

  if (self->page == NULL)
    return;

  diagnostic_bounds (self, diagnostic, &start, &end);
  helder_page_editor_select_range (self, offset_at_iter (self, &start), offset_at_iter (self, &end));
}

/* Replaces the diagnostic's range by its suggestion @index, as one step
 * that undo takes back.
 */
gboolean
helder_page_editor_apply_suggestion (HelderPageEditor       *self,
                                     const HelderDiagnostic *diagnostic,
                                     guint                   index)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  const char *replacement;

  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), FALSE);
  g_return_val_if_fail (diagnostic != NULL, FALSE);

  if (self->page == NULL || index >= diagnostic->suggestions->len ||
      diagnostic->start == diagnostic->end)
    return FALSE;

  buffer = helder_page_editor_get_buffer (self);
  replacement = g_ptr_array_index (diagnostic->suggestions, index);
  iter_at_offset (self, diagnostic->start, &start);
  iter_at_offset (self, diagnostic->end, &end);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);

  helder_page_editor_check_now (self);
  return TRUE;
}

static void
apply_suggestion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HelderPageEditor *self = HELDER_PAGE_EDITOR (widget);
  g_autoptr(HelderDiagnostic) diagnostic = g_steal_pointer (&self->menu_diagnostic);

  if (diagnostic != NULL)
    helder_page_editor_apply_suggestion (self, diagnostic, g_variant_get_uint32 (parameter));
}

static gboolean
is_word_rule (const char *rule)
{
  return g_str_equal (rule, "spelling") || g_str_equal (rule, "b1-long-word") ||
         g_str_equal (rule, "b1-rare-word");
}

/* The context menu offers the fixes for the finding at @offset. */
static void
update_fix_menu (HelderPageEditor *self,
                 gsize             offset)
{
  g_autoptr(GPtrArray) found = NULL;

  g_menu_remove_all (self->fix_menu);
  g_clear_pointer (&self->menu_diagnostic, helder_diagnostic_unref);

  if (!diagnostics_are_current (self))
    return;

  found = diagnostics_at (self, offset);
  for (guint i = 0; i < found->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (found, i);
      g_autofree char *word = NULL;

      if (d->start == d->end)
        continue;

      /* Spelling replacements are worked out only when the menu asks. */
      helder_language_add_spelling_suggestions (d, helder_page_get_text (self->page));
      self->menu_diagnostic = helder_diagnostic_ref (d);

      for (guint j = 0; j < d->suggestions->len && j < 5; j++)
        {
          g_autofree char *label =
            g_strdup_printf (_("Replace by “%s”"), (char *) g_ptr_array_index (d->suggestions, j));
          g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

          g_menu_item_set_action_and_target_value (item, "editor.apply-suggestion",
                                                   g_variant_new_uint32 (j));
          g_menu_append_item (self->fix_menu, item);
        }

      /* Course terms belong in the course's own dictionary. */
      word = g_strndup (helder_page_get_text (self->page) + d->start, d->end - d->start);
      if (is_word_rule (d->rule) && strchr (word, ' ') == NULL)
        {
          g_autofree char *label = g_strdup_printf (_("Add “%s” to the Course Dictionary"), word);

          g_menu_append (self->fix_menu, label, "editor.add-word");
        }

      if (d->severity != HELDER_SEVERITY_ERROR)
        g_menu_append (self->fix_menu, _("Ignore Here"), "editor.ignore");
      break;
    }
}

static void
add_word_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelderPageEditor *self = HELDER_PAGE_EDITOR (widget);
  g_autoptr(HelderDiagnostic) d = g_steal_pointer (&self->menu_diagnostic);
  g_autoptr(GError) error = NULL;
  g_autofree char *word = NULL;

  if (d == NULL || self->page == NULL)
    return;

  word = g_strndup (helder_page_get_text (self->page) + d->start, d->end - d->start);
  if (!helder_course_add_word (self->course, word, &error))
    g_warning ("Could not add “%s” to words.txt: %s", word, error->message);
  helder_page_editor_check_now (self);
}

static void
ignore_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelderPageEditor *self = HELDER_PAGE_EDITOR (widget);
  g_autoptr(HelderDiagnostic) d = g_steal_pointer (&self->menu_diagnostic);
  g_autoptr(GError) error = NULL;

  if (d == NULL || self->page == NULL)
    return;

  if (!helder_ignore_list_add (helder_course_get_ignore_list (self->course), d,
                               helder_page_get_text (self->page), &error))
    g_warning ("Could not ignore the finding: %s", error->message);
  helder_page_editor_check_now (self);
}

/* With the pointer, the fixes are those under the pointer. */
static void
context_pressed_cb (HelderPageEditor *self,
                    int               n_press,
                    double            x,
                    double            y,
                    GtkGestureClick  *gesture)
{
  GtkTextIter iter;
  int bx;
  int by;

  if (self->page == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by))
    update_fix_menu (self, offset_at_iter (self, &iter));
}

/* With the keyboard (Menu key, Shift+F10), they are those at the cursor. */
static void
mark_set_cb (HelderPageEditor  *self,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             GtkTextBuffer     *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) && self->page != NULL && !self->loading)
    update_fix_menu (self, offset_at_iter (self, location));
}

static void
update_search_count (HelderPageEditor *self)
{
  int count = gtk_source_search_context_get_occurrences_count (self->search);
  g_autofree char *text = NULL;

  if (count > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);
  else if (count == 0 && gtk_editable_get_text (self->search_entry)[0] != '\0')
    text = g_strdup (_("No matches"));

  gtk_label_set_text (self->search_count, text != NULL ? text : "");
}

static void
search_changed_cb (HelderPageEditor *self)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);

  /* The search bar empties the field as it closes; keep what was sought. */
  if (gtk_editable_get_text (self->search_entry)[0] != '\0')
    {
      g_free (self->last_search);
      self->last_search = g_strdup (gtk_editable_get_text (self->search_entry));
    }
  gtk_source_search_settings_set_search_text (settings,
                                              gtk_editable_get_text (self->search_entry));
}

static void
move_to_match (HelderPageEditor *self,
               gboolean          forward)
{
  GtkTextBuffer *buffer = helder_page_editor_get_buffer (self);
  GtkTextIter start;
  GtkTextIter end;
  GtkTextIter match_start;
  GtkTextIter match_end;
  gboolean found;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (self->search, &end, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_backward (self->search, &start, &match_start, &match_end,
                                                NULL);

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view),
                                    gtk_text_buffer_get_insert (buffer), 0.2, FALSE, 0, 0);
    }
}

static void
search_next_cb (HelderPageEditor *self)
{
  move_to_match (self, TRUE);
}

static void
search_previous_cb (HelderPageEditor *self)
{
  move_to_match (self, FALSE);
}

static void
search_stop_cb (HelderPageEditor *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
replace_cb (HelderPageEditor *self)
{
  GtkTextBuffer *buffer = helder_page_editor_get_buffer (self);
  const char *replacement = gtk_editable_get_text (self->replace_entry);
  GtkTextIter start;
  GtkTextIter end;

  /* Replace the selected match, or else the next one, in one press; then
   * show the match after it.
   */
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (!gtk_source_search_context_replace (self->search, &start, &end, replacement, -1, NULL))
    {
      GtkTextIter match_start;
      GtkTextIter match_end;

      if (gtk_source_search_context_forward (self->search, &start, &match_start, &match_end, NULL))
        {
          gtk_source_search_context_replace (self->search, &match_start, &match_end, replacement,
                                             -1, NULL);
          gtk_text_buffer_place_cursor (buffer, &match_end);
        }
    }
  else
    gtk_text_buffer_place_cursor (buffer, &end);

  move_to_match (self, TRUE);
}

static void
replace_all_cb (HelderPageEditor *self)
{
  guint replaced;
  g_autofree char *text = NULL;

  replaced = gtk_source_search_context_replace_all (self->search,
                                                    gtk_editable_get_text (self->replace_entry),
                                                    -1, NULL);
  /* Translators: said after Replace All */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replaced %u", "Replaced %u", replaced),
                          replaced);
  gtk_label_set_text (self->search_count, text);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HelderPageEditor *self = HELDER_PAGE_EDITOR (widget);
  GtkTextBuffer *buffer = helder_page_editor_get_buffer (self);
  GtkTextIter start;
  GtkTextIter end;

  /* A selection on one line is what the author wants to find. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

      gtk_editable_set_text (self->search_entry, selected);
    }
  else if (gtk_editable_get_text (self->search_entry)[0] == '\0' && self->last_search != NULL)
    gtk_editable_set_text (self->search_entry, self->last_search);

  /* Find and Replace both start in the search field, with the selection
   * or the last search in it, selected to type over.
   */
  /* Search at once rather than after the entry's typing delay. */
  search_changed_cb (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (self->search_entry, 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_to_match (HELDER_PAGE_EDITOR (widget), g_str_equal (action_name, "editor.find-next"));
}

/* The selected text as byte offsets in the page source. */
gboolean
helder_page_editor_get_selection (HelderPageEditor *self,
                                  gsize            *start,
                                  gsize            *end)
{
  GtkTextIter a;
  GtkTextIter b;

  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), FALSE);

  if (self->page == NULL ||
      !gtk_text_buffer_get_selection_bounds (helder_page_editor_get_buffer (self), &a, &b))
    return FALSE;

  *start = offset_at_iter (self, &a);
  *end = offset_at_iter (self, &b);
  return TRUE;
}

/* In review mode the text is read-only: reviewers comment, not edit. */
void
helder_page_editor_set_editable (HelderPageEditor *self,
                                 gboolean          editable)
{
  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), editable);
  helder_block_view_set_editable (self->blocks, editable);
}

/* Marks the passages reviewers commented on. */
void
helder_page_editor_set_highlights (HelderPageEditor *self,
                                   GArray           *ranges)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));

  buffer = helder_page_editor_get_buffer (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "helder-comment", &start, &end);
  g_array_set_size (self->highlights, 0);
  if (self->page != NULL && ranges != NULL)
    g_array_append_vals (self->highlights, ranges->data, ranges->len);
  if (diagnostics_are_current (self))
    update_block_marks (self);

  if (self->page == NULL || ranges == NULL)
    return;

  for (guint i = 0; i < ranges->len; i++)
    {
      const HelderRange *range = &g_array_index (ranges, HelderRange, i);

      if (range->end > helder_page_get_length (self->page))
        continue;
      iter_at_offset (self, range->start, &start);
      iter_at_offset (self, range->end, &end);
      gtk_text_buffer_apply_tag_by_name (buffer, "helder-comment", &start, &end);
    }
}

/* The cursor's place as a byte offset in the page source. */
gsize
helder_page_editor_get_cursor (HelderPageEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), 0);

  if (self->page == NULL)
    return 0;

  buffer = helder_page_editor_get_buffer (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return offset_at_iter (self, &iter);
}

/**
 * helder_page_editor_focus_end:
 *
 * Puts the cursor at the end of the page and the keyboard focus in the
 * view shown (in Blocks, the last card), so that writing can start at
 * once: after a new page, say.
 */
void
helder_page_editor_focus_end (HelderPageEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));

  if (self->page == NULL)
    return;

  buffer = helder_page_editor_get_buffer (self);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  if (blocks_shown (self))
    {
      gsize length = helder_page_get_length (self->page);

      if (helder_block_view_focus_range (self->blocks, length, length))
        return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Puts a block after the cursor's line, with a blank line on both sides
 * so it stands alone as CommonMark needs, as one step undo takes back.
 */
void
helder_page_editor_insert_block (HelderPageEditor *self,
                                 const char       *source)
{
  g_autoptr(HelderTextEdit) edit = NULL;
  const HelderPageContent *content;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  gsize after;
  gsize last;

  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));
  g_return_if_fail (source != NULL);

  if (self->page == NULL)
    return;

  buffer = helder_page_editor_get_buffer (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  after = offset_at_iter (self, &iter);

  /* The new block goes on the line after the cursor's; a cursor inside a
   * block (in a card of Blocks, on a fence's first line) puts it after
   * that block, never into it.
   */
  content = helder_page_get_content (self->page);
  for (guint i = 0; i < content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, i);

      if (block->range.start <= after && after < block->range.end)
        {
          after = block->range.end;
          if (after > 0)
            after--;
          break;
        }
    }
  iter_at_offset (self, after, &iter);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_iter_forward_line (&iter);

  edit = helder_block_edit_insert_source (helder_page_get_text (self->page),
                                          helder_page_get_length (self->page),
                                          offset_at_iter (self, &iter), source);
  helder_page_editor_replace (self, &(HelderRange) { edit->start, edit->end }, edit->text);

  /* The cursor ends on the new block's last line. */
  last = edit->start + strlen (edit->text);
  while (last > edit->start && (edit->text[last - 1 - edit->start] == '\n' ||
                                edit->text[last - 1 - edit->start] == '\r'))
    last--;
  iter_at_offset (self, last, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

void
helder_page_editor_replace (HelderPageEditor  *self,
                            const HelderRange *range,
                            const char        *source)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));
  g_return_if_fail (range != NULL);
  g_return_if_fail (source != NULL);

  if (self->page == NULL)
    return;

  buffer = helder_page_editor_get_buffer (self);
  iter_at_offset (self, range->start, &start);
  iter_at_offset (self, range->end, &end);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, source, -1);
  gtk_text_buffer_end_user_action (buffer);
  helder_page_editor_check_now (self);
}

void
helder_page_editor_set_page (HelderPageEditor *self,
                             HelderCourse     *course,
                             HelderPage       *page)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (HELDER_IS_PAGE_EDITOR (self));
  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (HELDER_IS_PAGE (page));

  if (g_set_object (&self->course, course))
    {
      g_clear_pointer (&self->checker, helder_language_checker_unref);
      self->checker = helder_language_checker_new_for_course (course);
    }
  g_set_object (&self->page, page);

  buffer = helder_page_editor_get_buffer (self);
  /* The cards take the new page first: replacing the buffer's text then
   * finds them showing it already, rather than refreshing the last
   * page's cards for nothing.
   */
  helder_block_view_set_page (self->blocks, course, page, buffer);
  g_ptr_array_set_size (self->underlines, 0);
  self->loading = TRUE;
  /* Opening a page is not a step the author can undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, helder_page_get_text (page),
                            (int) helder_page_get_length (page));
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  /* The page is shown first; its findings follow from a thread, so that
   * opening a page (and the app) does not wait for the checks or for
   * the spelling dictionaries they need.
   */
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  apply_diagnostics (self);
  check_in_thread (self);
}

HelderPage *
helder_page_editor_get_page (HelderPageEditor *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), NULL);

  return self->page;
}

/**
 * helder_page_editor_get_language_checker:
 *
 * Returns: (transfer none) (nullable): the language checker that
 *   remembers the paragraphs of the course's pages the editor checked, or
 *   %NULL before a page is set
 */
HelderLanguageChecker *
helder_page_editor_get_language_checker (HelderPageEditor *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), NULL);

  return self->checker;
}

/* Returns: (transfer none) (element-type HelderDiagnostic) */
GPtrArray *
helder_page_editor_get_diagnostics (HelderPageEditor *self)
{
  g_return_val_if_fail (HELDER_IS_PAGE_EDITOR (self), NULL);

  return self->diagnostics;
}

static void
helder_page_editor_dispose (GObject *object)
{
  HelderPageEditor *self = (HelderPageEditor *) object;

  cancel_check (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HELDER_TYPE_PAGE_EDITOR);

  G_OBJECT_CLASS (helder_page_editor_parent_class)->dispose (object);
}

static void
helder_page_editor_finalize (GObject *object)
{
  HelderPageEditor *self = (HelderPageEditor *) object;

  g_clear_object (&self->course);
  g_clear_pointer (&self->checker, helder_language_checker_unref);
  g_clear_object (&self->page);
  g_clear_object (&self->fix_menu);
  g_clear_object (&self->search);
  g_clear_pointer (&self->last_search, g_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->menu_diagnostic, helder_diagnostic_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->underlines, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_page_editor_parent_class)->finalize (object);
}

static void
helder_page_editor_class_init (HelderPageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_page_editor_dispose;
  object_class->finalize = helder_page_editor_finalize;

  signals[DIAGNOSTICS_CHANGED] =
    g_signal_new ("diagnostics-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (HELDER_TYPE_BLOCK_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-page-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, content);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, search_count);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_all_cb);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, views);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, blocks);
  gtk_widget_class_bind_template_callback (widget_class, edit_source_cb);

  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL, find_next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "editor.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "editor.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, view);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, word_count);
  gtk_widget_class_bind_template_child (widget_class, HelderPageEditor, findings_count);

  gtk_widget_class_install_action (widget_class, "editor.apply-suggestion", "u",
                                   apply_suggestion_action);
  gtk_widget_class_install_action (widget_class, "editor.add-word", NULL, add_word_action);
  gtk_widget_class_install_action (widget_class, "editor.ignore", NULL, ignore_action);
}

static void
create_tags (GtkTextBuffer *buffer)
{
  GdkRGBA red;
  GdkRGBA orange;
  GdkRGBA blue;

  /* The GNOME palette's red 3, orange 4 and blue 4: distinct, and the
   * style (wavy against straight) tells them apart without colour too.
   */
  gdk_rgba_parse (&red, "#e01b24");
  gdk_rgba_parse (&orange, "#e66100");
  gdk_rgba_parse (&blue, "#1c71d8");

  gtk_text_buffer_create_tag (buffer, "helder-error",
                              "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &red, NULL);
  gtk_text_buffer_create_tag (buffer, "helder-warning",
                              "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &orange, NULL);
  /* A translucent yellow reads on light and dark backgrounds alike. */
  {
    GdkRGBA yellow;

    gdk_rgba_parse (&yellow, "rgba(246, 211, 45, 0.35)");
    gtk_text_buffer_create_tag (buffer, "helder-comment", "background-rgba", &yellow, NULL);
  }
  gtk_text_buffer_create_tag (buffer, "helder-hint",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              "underline-rgba", &blue, NULL);
}

/* The source follows the light or dark style of the app. */
static void
dark_changed_cb (HelderPageEditor *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (helder_page_editor_get_buffer (self)),
                                      gtk_source_style_scheme_manager_get_scheme (schemes,
                                                                                  dark ? "Adwaita-dark"
                                                                                       : "Adwaita"));
}

/* The search bar's own close button shows only an icon: give it a name
 * a screen reader can say.
 */
static void
name_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Close the Find Bar"), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_close_button (child);
}

/* The view not shown is hidden from screen readers too: GTK 4.8 keeps a
 * stack's other pages in the accessibility tree, visible, so that the
 * page's source would be read out beside its cards.
 */
static void
views_changed_cb (HelderPageEditor *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->views);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->views)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != shown, -1);
}

static void
helder_page_editor_init (HelderPageEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer;
  GtkGesture *gesture;
  g_autoptr(GMenu) extra = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Blocks or Source, as the author last chose. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "page-view", self->views, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->views, "notify::visible-child", G_CALLBACK (views_changed_cb),
                           self, G_CONNECT_SWAPPED);
  views_changed_cb (self);

  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  self->underlines = g_ptr_array_new_with_free_func ((GDestroyNotify) underline_free);
  self->highlights = g_array_new (FALSE, FALSE, sizeof (HelderRange));

  buffer = GTK_SOURCE_BUFFER (helder_page_editor_get_buffer (self));
  gtk_source_buffer_set_language (buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  create_tags (GTK_TEXT_BUFFER (buffer));
  dark_changed_cb (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self,
                           G_CONNECT_SWAPPED);

  self->search = gtk_source_search_context_new (buffer, NULL);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search),
                                              TRUE);
  g_signal_connect_object (self->search, "notify::occurrences-count",
                           G_CALLBACK (update_search_count), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  name_close_button (GTK_WIDGET (self->search_bar));

  self->fix_menu = g_menu_new ();
  g_menu_append_section (extra, NULL, G_MENU_MODEL (self->fix_menu));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), G_MENU_MODEL (extra));
  helder_block_view_set_extra_menu (self->blocks, G_MENU_MODEL (extra));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (context_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (gesture));
}
