/* helder-block-dialog.c
 *
 * One form for every block type of the course format, built from the
 * block's spec in core: a row per field, a group per item. What the form
 * would write is checked by the same parser that reads pages, so the form
 * can only insert a block the format accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-block-dialog"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "helder-block-dialog.h"
#include "helder-field-words.h"
#include "helder-block-edit.h"
#include "helder-block-spec.h"
#include "helder-date.h"
#include "helder-page-content.h"
#include "helder-webvtt.h"

struct _HelderBlockDialog
{
  AdwWindow          parent_instance;

  HelderCourse      *course;
  HelderBlockKind    kind;
  GPtrArray         *field_rows;  /* of GtkWidget*: the block's rows */
  GPtrArray         *items;       /* of GPtrArray* of GtkWidget*: each item's rows */
  GPtrArray         *problems;    /* of HelderDiagnostic* */

  AdwPreferencesPage *page;
  AdwPreferencesGroup *fields_group;
  GtkLabel          *fields_message;
  GtkWidget         *items_box;
  GtkLabel          *items_message;
  GtkWidget         *add_item_button;
  GtkWidget         *done_button;
  GtkWidget         *first_field; /* where the focus starts; nullable */
};

G_DEFINE_FINAL_TYPE (HelderBlockDialog, helder_block_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_problems (HelderBlockDialog *self);

const char *
helder_block_kind_get_label (HelderBlockKind kind)
{
  switch (kind)
    {
    case HELDER_BLOCK_IMAGE: return _("Image");
    case HELDER_BLOCK_VIDEO: return _("Video");
    case HELDER_BLOCK_AUDIO: return _("Audio");
    case HELDER_BLOCK_ACCORDION: return _("Accordion");
    case HELDER_BLOCK_TABS: return _("Tabs");
    case HELDER_BLOCK_FLASHCARDS: return _("Flashcards");
    case HELDER_BLOCK_STEPS: return _("Steps");
    case HELDER_BLOCK_SCENARIO: return _("Scenario");
    case HELDER_BLOCK_CHECK: return _("Knowledge Check");
    case HELDER_BLOCK_QUESTION: return _("Test Question");
    case HELDER_BLOCK_SURVEY: return _("Survey Item");
    case HELDER_BLOCK_CONTINUE: return _("Continue Divider");
    case HELDER_BLOCK_SOURCES: return _("Sources");
    case HELDER_BLOCK_TEXT:
    case HELDER_BLOCK_HEADING:
    case HELDER_BLOCK_CODE:
    case HELDER_BLOCK_HTML:
    case HELDER_BLOCK_CALLOUT:
    case HELDER_N_BLOCK_KINDS:
    default:
      return helder_block_kind_to_string (kind);
    }
}

/* A translated text by its key from one of the tables below; @fallback
 * when the table has no entry.
 */
typedef struct { const char *key; const char *text; } Words;

static const char *
lookup_words (const Words *table,
              gsize        n,
              const char  *key,
              const char  *fallback)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (table[i].key, key))
      return _(table[i].text);

  return fallback;
}

/* What to do when a required field is empty, said next to it. */
static const char *
required_message (const char *key)
{
  static const Words messages[] = {
    { "src", N_("Choose a file") },
    { "captions", N_("Choose a caption file") },
    { "transcript", N_("Choose a transcript file") },
    { "title", N_("Write a title") },
    { "text", N_("Write the text") },
    { "front", N_("Write the front of the card") },
    { "back", N_("Write the back of the card") },
    { "situation", N_("Describe the situation") },
    { "question", N_("Write the question") },
    { "choice", N_("Write the choice") },
    { "feedback", N_("Write the feedback") },
    { "answer", N_("Write the answer") },
    { "id", N_("Give the question a name in reports, under Advanced") },
    { "checked", N_("Write the date the facts were checked") },
    { "kind", N_("Choose a kind") },
    { "test", N_("Choose a test") },
  };

  return lookup_words (messages, G_N_ELEMENTS (messages), key, _("Fill in this field"));
}

/* Fields whose text can run over several lines get a text view. */
static gboolean
is_multi_line (const char *key)
{
  return g_str_equal (key, "feedback") || g_str_equal (key, "text") ||
         g_str_equal (key, "back") || g_str_equal (key, "situation");
}

static const char *
item_label (HelderBlockKind kind)
{
  switch (kind)
    {
    case HELDER_BLOCK_CHECK:
    case HELDER_BLOCK_QUESTION:
      return _("Answer");
    case HELDER_BLOCK_SCENARIO:
      return _("Choice");
    case HELDER_BLOCK_FLASHCARDS:
      return _("Card");
    case HELDER_BLOCK_STEPS:
      return _("Step");
    case HELDER_BLOCK_TABS:
      return _("Tab");
    case HELDER_BLOCK_SOURCES:
      return _("Source");
    case HELDER_BLOCK_ACCORDION:
    case HELDER_BLOCK_TEXT:
    case HELDER_BLOCK_HEADING:
    case HELDER_BLOCK_CODE:
    case HELDER_BLOCK_HTML:
    case HELDER_BLOCK_CALLOUT:
    case HELDER_BLOCK_IMAGE:
    case HELDER_BLOCK_VIDEO:
    case HELDER_BLOCK_AUDIO:
    case HELDER_BLOCK_SURVEY:
    case HELDER_BLOCK_CONTINUE:
    case HELDER_N_BLOCK_KINDS:
    default:
      return _("Panel");
    }
}

/* Each row remembers the field it edits; its value is read back the
 * same way whatever kind of row it is.
 */
static const char *
row_key (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "helder-key");
}

static char *
row_value (GtkWidget *row)
{
  if (ADW_IS_ENTRY_ROW (row))
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (ADW_IS_COMBO_ROW (row))
    {
      const char * const *values = g_object_get_data (G_OBJECT (row), "helder-values");
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      return g_strdup (selected < g_strv_length ((char **) values) ? values[selected] : "");
    }

  if (g_object_get_data (G_OBJECT (row), "helder-date") != NULL)
    return g_strdup (g_object_get_data (G_OBJECT (row), "helder-date"));

  if (g_object_get_data (G_OBJECT (row), "helder-text") != NULL)
    {
      GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (row), "helder-text");
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }

  {
    GtkWidget *toggle = g_object_get_data (G_OBJECT (row), "helder-switch");

    return g_strdup (gtk_switch_get_active (GTK_SWITCH (toggle)) ? "yes" : "");
  }
}

static void
row_changed_cb (HelderBlockDialog *self)
{
  update_problems (self);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  GtkWidget *row = user_data;
  HelderBlockDialog *self = HELDER_BLOCK_DIALOG (gtk_widget_get_root (row));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *relative = helder_course_import_media (self->course, file, &error);

      if (relative != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), relative);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Could not copy the file: %s"),
                                                      error->message);

          gtk_label_set_text (self->fields_message, message);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_clicked_cb (GtkButton *button,
                        GtkWidget *row)
{
  GtkFileChooserNative *chooser;
  const HelderFieldSpec *spec = g_object_get_data (G_OBJECT (row), "helder-spec");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_auto(GStrv) extensions = g_strsplit (spec->values, "|", -1);

  chooser = gtk_file_chooser_native_new (_("Choose a File"),
                                         GTK_WINDOW (gtk_widget_get_root (row)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, helder_field_label (HELDER_BLOCK_DIALOG (gtk_widget_get_root (row))->kind,
                                                       spec->key));
  for (guint i = 0; extensions[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, extensions[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), row);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The course's learning goals by their text; the block gets the goal's
 * id. A goal the course does not know stays as it is written.
 */
static GtkWidget *
create_goal_row (HelderBlockDialog *self,
                 const char        *value)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GtkStringList) texts = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint position = 0;
  guint selected = 0;

  g_strv_builder_add (ids, "");
  gtk_string_list_append (texts, _("No learning goal"));
  for (guint i = 0; i < helder_course_get_n_goals (self->course); i++)
    {
      const HelderGoal *goal = helder_course_get_goal (self->course, i);

      g_strv_builder_add (ids, goal->id);
      gtk_string_list_append (texts, goal->text);
    }

  if (value != NULL && *value != '\0')
    {
      if (helder_course_find_goal (self->course, value, &position) != NULL)
        selected = position + 1;
      else
        {
          g_strv_builder_add (ids, value);
          gtk_string_list_append (texts, value);
          selected = helder_course_get_n_goals (self->course) + 1;
        }
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (texts));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "helder-values", g_strv_builder_end (ids),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

/* Shows the row's date in words, as the author's language writes dates;
 * a value that is no date is shown as it is written.
 */
static void
show_date (GtkWidget *row)
{
  const char *value = g_object_get_data (G_OBJECT (row), "helder-date");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  int year, month, day;

  if (sscanf (value, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  /* Translators: a date as in "4 December 2026"; see g_date_time_format() */
  text = date != NULL ? g_date_time_format (date, _("%-d %B %Y")) : g_strdup (value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkWidget   *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  g_object_set_data_full (G_OBJECT (row), "helder-date", g_date_time_format (date, "%Y-%m-%d"),
                          g_free);
  show_date (row);
  update_problems (HELDER_BLOCK_DIALOG (gtk_widget_get_root (row)));
}

/* A date chosen from a calendar, shown in words. */
static GtkWidget *
create_date_row (const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();
  int year, month, day;

  g_object_set_data_full (G_OBJECT (row), "helder-date", g_strdup (value != NULL ? value : ""),
                          g_free);
  if (value != NULL && sscanf (value, "%4d-%2d-%2d", &year, &month, &day) == 3)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

      if (date != NULL)
        gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
    }
  gtk_widget_set_name (calendar, "calendar");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Date"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), row);
  show_date (row);

  return row;
}

static GtkWidget *
create_row (HelderBlockDialog     *self,
            const HelderFieldSpec *spec,
            const char            *value)
{
  GtkWidget *row;
  g_autofree char *name = g_strconcat ("field-", spec->key, NULL);
  g_autofree char *title = NULL;

  title = (spec->flags & HELDER_FIELD_REQUIRED)
            ? g_strdup_printf (_("%s (required)"), helder_field_label (self->kind, spec->key))
            : g_strdup (helder_field_label (self->kind, spec->key));

  if (spec->flags & HELDER_FIELD_BOOL)
    {
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_name (toggle, "switch");
      row = adw_action_row_new ();
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), helder_value_is_yes (value));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      /* One Tab stop, on the switch that shows its state and is named
       * after the row; a click on the row still flips it.
       */
      gtk_widget_set_focusable (row, FALSE);
      g_object_set_data (G_OBJECT (row), "helder-switch", toggle);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else if ((spec->flags & HELDER_FIELD_GOAL) && helder_course_get_n_goals (self->course) > 0)
    row = create_goal_row (self, value);
  else if (spec->flags & HELDER_FIELD_ENUM)
    {
      char **values = g_strsplit (spec->values, "|", -1);
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      row = adw_combo_row_new ();
      for (guint i = 0; values[i] != NULL; i++)
        gtk_string_list_append (model, helder_field_value_label (values[i]));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      for (guint i = 0; values[i] != NULL; i++)
        if (g_strcmp0 (values[i], value) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      g_object_set_data_full (G_OBJECT (row), "helder-values", values, (GDestroyNotify) g_strfreev);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else if (spec->flags & HELDER_FIELD_DATE)
    row = create_date_row (value);
  else if (is_multi_line (spec->key))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      /* The text view inside takes the focus; the row itself would be a
       * Tab stop that shows nothing and does nothing.
       */
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_name (view, "text");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_widget_set_size_request (view, -1, 64);
      gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), view);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      /* A plain preferences row does not name itself after its title. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (row), "helder-text", buffer);
      g_object_set_data (G_OBJECT (row), "helder-focus", view);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      row = adw_entry_row_new ();
      g_object_set_data (G_OBJECT (row), "helder-focus", row);
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);

      if (spec->flags & HELDER_FIELD_PATH)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Choose a File and Copy It into the Course"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Choose a File and Copy It into the Course"), -1);
          gtk_widget_add_css_class (button, "flat");
          g_signal_connect (button, "clicked", G_CALLBACK (choose_file_clicked_cb), row);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
        }
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "helder-key", (gpointer) spec->key);
  g_object_set_data (G_OBJECT (row), "helder-spec", (gpointer) spec);

  return row;
}

static void
remove_item_clicked_cb (GtkButton *button,
                        GtkWidget *group)
{
  HelderBlockDialog *self = HELDER_BLOCK_DIALOG (gtk_widget_get_root (group));
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "helder-rows");

  g_ptr_array_remove (self->items, rows);
  gtk_box_remove (GTK_BOX (self->items_box), group);
  update_problems (self);
}

static void
add_item (HelderBlockDialog     *self,
          const HelderBlockItem *item)
{
  const HelderBlockSpec *spec = helder_block_spec_get (self->kind);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GPtrArray *rows = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  /* Translators: an item of a block and its number, as in "Answer 2" */
  title = g_strdup_printf (C_("block item", "%s %u"), item_label (self->kind),
                           self->items->len + 1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  /* Translators: the button that removes an item, as in "Remove Answer 2" */
  label = g_strdup_printf (_("Remove %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_item_clicked_cb), group);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), remove);

  for (guint i = 0; spec->item_fields[i].key != NULL; i++)
    {
      const char *value = item != NULL ? helder_block_item_get_value (item,
                                                                      spec->item_fields[i].key)
                                       : NULL;
      GtkWidget *row = create_row (self, &spec->item_fields[i], value);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (rows, row);
    }

  g_object_set_data_full (G_OBJECT (group), "helder-rows", rows, NULL);
  g_ptr_array_add (self->items, rows);
  gtk_box_append (GTK_BOX (self->items_box), group);
}

static void
add_item_clicked_cb (HelderBlockDialog *self)
{
  add_item (self, NULL);
  update_problems (self);
}

static void
append_fields (GPtrArray *rows,
               GString   *out,
               gboolean   first_starts_item)
{
  gboolean first = first_starts_item;
  g_autofree char *answer = NULL;
  g_autofree char *correct = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *key = row_key (row);

      if (g_str_equal (key, "answer"))
        answer = row_value (row);
      else if (g_str_equal (key, "correct"))
        correct = row_value (row);
    }

  /* Answers are written as the documented shorthand: - [x] text. */
  if (answer != NULL)
    {
      g_string_append_printf (out, "- [%c] %s\n", helder_value_is_yes (correct) ? 'x' : ' ',
                              answer);
      first = FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *key = row_key (row);
      g_autofree char *value = row_value (row);

      if (value[0] == '\0' || (answer != NULL && (g_str_equal (key, "answer") ||
                                                  g_str_equal (key, "correct"))))
        continue;

      g_strdelimit (value, "\r\n", ' ');
      g_string_append_printf (out, "%s%s: %s\n", first ? "- " : (first_starts_item ? "  " : ""),
                              key, value);
      first = FALSE;
    }
}

/**
 * helder_block_dialog_dup_source:
 *
 * Returns: (transfer full): the block as the form describes it, as page
 *   source ending with a newline.
 */
char *
helder_block_dialog_dup_source (HelderBlockDialog *self)
{
  GString *out;

  g_return_val_if_fail (HELDER_IS_BLOCK_DIALOG (self), NULL);

  out = g_string_new ("```");
  g_string_append_printf (out, "%s\n", helder_block_kind_to_string (self->kind));
  append_fields (self->field_rows, out, FALSE);
  for (guint i = 0; i < self->items->len; i++)
    append_fields (g_ptr_array_index (self->items, i), out, TRUE);
  g_string_append (out, "```\n");

  return g_string_free (out, FALSE);
}

/* Returns: (transfer none) (element-type HelderDiagnostic): the errors the
 * format would report on the block as the form has it now.
 */
GPtrArray *
helder_block_dialog_get_problems (HelderBlockDialog *self)
{
  g_return_val_if_fail (HELDER_IS_BLOCK_DIALOG (self), NULL);

  return self->problems;
}

static GtkWidget *
find_row (GPtrArray  *rows,
          const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (row_key (g_ptr_array_index (rows, i)), key))
      return g_ptr_array_index (rows, i);

  return NULL;
}

static gboolean
row_is_empty (GPtrArray  *rows,
              const char *key)
{
  GtkWidget *row = find_row (rows, key);
  g_autofree char *value = row != NULL ? row_value (row) : NULL;

  return value == NULL || value[0] == '\0';
}

/* Shows @message under its group unless the group already says
 * something, and marks @row (nullable) as the field it is about.
 */
static void
say (GtkLabel   *label,
     GtkWidget  *row,
     const char *message)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  if (*gtk_label_get_text (label) == '\0')
    gtk_label_set_text (label, message);
}

static void
check_required (GPtrArray *rows,
                GtkLabel  *label)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const HelderFieldSpec *spec = g_object_get_data (G_OBJECT (row), "helder-spec");
      g_autofree char *value = row_value (row);

      gtk_widget_remove_css_class (row, "error");
      if ((spec->flags & HELDER_FIELD_REQUIRED) && !(spec->flags & HELDER_FIELD_BOOL) &&
          value[0] == '\0')
        say (label, row, required_message (spec->key));
    }
}

/* The rules of the block as a whole, in the author's words: the format's
 * own messages name its syntax.
 */
static void
check_block (HelderBlockDialog *self)
{
  const HelderBlockSpec *spec = helder_block_spec_get (self->kind);
  guint marked = 0;
  const char *mark = self->kind == HELDER_BLOCK_SCENARIO ? "best" : "correct";
  g_autofree char *kind = NULL;
  GtkWidget *row;

  for (guint i = 0; i < self->items->len; i++)
    if (!row_is_empty (g_ptr_array_index (self->items, i), mark))
      marked++;

  if (self->items->len < spec->min_items)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Add at least %u item with Add Item",
                                                            "Add at least %u items with Add Item",
                                                            spec->min_items),
                                                  spec->min_items);

      say (self->items_message, NULL, message);
    }

  switch ((int) self->kind)
    {
    case HELDER_BLOCK_IMAGE:
      row = find_row (self->field_rows, "alt");
      if (row_is_empty (self->field_rows, "alt") && row_is_empty (self->field_rows, "decorative"))
        say (self->fields_message, row, _("Describe the image, or switch on Decorative"));
      break;

    case HELDER_BLOCK_CHECK:
    case HELDER_BLOCK_QUESTION:
      row = find_row (self->field_rows, "kind");
      kind = row != NULL ? row_value (row) : g_strdup ("single");
      if (g_str_equal (kind, "truefalse") && self->items->len != 2)
        say (self->items_message, NULL, _("A true or false question has two answers: true and false"));
      else if (marked == 0 && g_str_equal (kind, "multiple"))
        say (self->items_message, NULL, _("Mark at least one right answer"));
      else if (marked == 0)
        say (self->items_message, NULL, _("Mark the right answer"));
      else if (marked > 1 && !g_str_equal (kind, "multiple"))
        say (self->items_message, NULL, _("Mark only one right answer, or choose Several right answers"));
      break;

    case HELDER_BLOCK_SCENARIO:
      if (marked != 1)
        say (self->items_message, NULL, _("Mark one choice as the best choice"));
      break;

    case HELDER_BLOCK_SURVEY:
      row = find_row (self->field_rows, "kind");
      kind = row_value (row);
      if (g_str_equal (kind, "likert") &&
          (row_is_empty (self->field_rows, "low") || row_is_empty (self->field_rows, "high")))
        say (self->fields_message, find_row (self->field_rows, "low"),
             _("Write what 1 and 5 on the scale mean"));
      break;

    default:
      break;
    }
}

/* The row whose value the format's @problem in @source is about, or
 * %NULL: the problem's bytes are the value of a "key: value" line.
 */
static GtkWidget *
row_of_problem (HelderBlockDialog      *self,
                const char             *source,
                const HelderDiagnostic *problem,
                gboolean               *in_item)
{
  const char *line = source + problem->start;
  g_autofree char *value = g_strndup (source + problem->start, problem->end - problem->start);
  g_autofree char *key = NULL;
  const char *colon;

  while (line > source && line[-1] != '\n')
    line--;
  if (g_str_has_prefix (line, "- "))
    line += 2;
  while (*line == ' ')
    line++;
  colon = strchr (line, ':');
  if (colon == NULL || colon > source + problem->start)
    return NULL;
  key = g_strndup (line, colon - line);

  for (guint i = 0; i <= self->items->len; i++)
    {
      GPtrArray *rows = i == 0 ? self->field_rows : g_ptr_array_index (self->items, i - 1);
      GtkWidget *row = find_row (rows, key);
      g_autofree char *row_text = row != NULL ? row_value (row) : NULL;

      if (row_text != NULL && g_str_equal (row_text, value))
        {
          *in_item = i > 0;
          return row;
        }
    }

  return NULL;
}

/* Returns: (transfer full) (nullable): what to do about the format's
 * @problem with the value of @row, in the author's words; %NULL when the
 * form has no words of its own for it.
 */
static char *
dup_field_message (GtkWidget              *row,
                   const HelderDiagnostic *problem)
{
  const HelderFieldSpec *spec = g_object_get_data (G_OBJECT (row), "helder-spec");

  if ((spec->flags & HELDER_FIELD_PATH) && g_str_equal (problem->rule, "format-path-outside"))
    return g_strdup (_("Choose a file inside the course folder: the button next to the field "
                       "copies a file into it"));
  if (spec->flags & HELDER_FIELD_PATH)
    {
      g_autofree char *upper = g_ascii_strup (spec->values, -1);
      g_auto(GStrv) types = g_strsplit (upper, "|", -1);
      g_autofree char *list = g_strjoinv (", ", types);

      /* Translators: %s lists file types, as in "PNG, JPG, GIF" */
      return g_strdup_printf (_("Choose a file of one of these types: %s"), list);
    }
  if (spec->flags & HELDER_FIELD_URL)
    return g_strdup (_("Write the whole web address, starting with https://"));
  if (spec->flags & HELDER_FIELD_ID)
    return g_strdup (_("Use only letters, digits and dashes in the name in reports, under "
                       "Advanced"));
  if (spec->flags & HELDER_FIELD_DATE)
    return g_strdup (_("Choose the date with the calendar button"));

  return NULL;
}

static void
update_problems (HelderBlockDialog *self)
{
  g_autofree char *source = helder_block_dialog_dup_source (self);
  g_autoptr(HelderPageContent) content = NULL;

  content = helder_page_content_parse ("block", source, strlen (source));
  g_ptr_array_set_size (self->problems, 0);
  gtk_label_set_text (self->fields_message, "");
  gtk_label_set_text (self->items_message, "");

  check_required (self->field_rows, self->fields_message);
  for (guint i = 0; i < self->items->len; i++)
    check_required (g_ptr_array_index (self->items, i), self->items_message);
  check_block (self);

  for (guint i = 0; i < content->diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (content->diagnostics, i);

      /* A lone block has no page title; that is the page's business. */
      if (d->severity != HELDER_SEVERITY_ERROR)
        continue;

      g_ptr_array_add (self->problems, helder_diagnostic_ref (d));
    }

  /* A caption file must be valid WebVTT before it goes into the page. */
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->field_rows, i);
      g_autofree char *value = NULL;
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      g_autoptr(HelderWebVtt) captions = NULL;
      gsize length;

      if (!g_str_equal (row_key (row), "captions"))
        continue;

      value = row_value (row);
      path = g_build_filename (helder_course_get_path (self->course), value, NULL);
      if (value[0] == '\0' || !g_file_get_contents (path, &data, &length, NULL))
        continue;

      captions = helder_webvtt_parse (value, data, length);
      for (guint j = 0; j < captions->diagnostics->len; j++)
        {
          HelderDiagnostic *d = g_ptr_array_index (captions->diagnostics, j);
          g_autofree char *message = NULL;

          if (d->severity != HELDER_SEVERITY_ERROR)
            continue;
          g_ptr_array_add (self->problems, helder_diagnostic_ref (d));
          /* Translators: a problem in a caption file: its name, the line, what is wrong */
          message = g_strdup_printf (_("In %s, line %u: %s"), d->file, d->line, d->message);
          say (self->fields_message, row, message);
        }
    }

  /* A value the format does not accept (a file of the wrong type, a web
   * address, a name) is said next to its field, in the author's words;
   * only what the form has no words for is said as the format says it.
   */
  for (guint i = 0; i < self->problems->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (self->problems, i);
      gboolean in_item = FALSE;
      GtkWidget *row = row_of_problem (self, source, d, &in_item);
      g_autofree char *message = row != NULL ? dup_field_message (row, d) : NULL;

      if (message != NULL)
        say (in_item ? self->items_message : self->fields_message, row, message);
    }
  if (self->problems->len > 0 && *gtk_label_get_text (self->items_message) == '\0')
    say (self->fields_message, NULL,
         ((HelderDiagnostic *) g_ptr_array_index (self->problems, 0))->message);

  gtk_widget_set_sensitive (self->done_button,
                            self->problems->len == 0 &&
                            *gtk_label_get_text (self->fields_message) == '\0' &&
                            *gtk_label_get_text (self->items_message) == '\0');
}

static void
done_clicked_cb (HelderBlockDialog *self)
{
  update_problems (self);
  if (self->problems->len > 0)
    return;

  g_signal_emit (self, signals[DONE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (HelderBlockDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The focus starts in the first field to fill in, not on Cancel. */
static void
helder_block_dialog_map (GtkWidget *widget)
{
  HelderBlockDialog *self = HELDER_BLOCK_DIALOG (widget);

  GTK_WIDGET_CLASS (helder_block_dialog_parent_class)->map (widget);
  if (self->first_field != NULL)
    gtk_widget_grab_focus (self->first_field);
}

static void
helder_block_dialog_finalize (GObject *object)
{
  HelderBlockDialog *self = (HelderBlockDialog *) object;

  g_clear_object (&self->course);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_block_dialog_parent_class)->finalize (object);
}

static void
helder_block_dialog_class_init (HelderBlockDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = helder_block_dialog_finalize;
  widget_class->map = helder_block_dialog_map;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-block-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, page);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, items_box);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, add_item_button);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, fields_message);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, items_message);
  gtk_widget_class_bind_template_callback (widget_class, add_item_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
helder_block_dialog_init (HelderBlockDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each message line keeps the height of two lines, so that the form
   * does not move as messages come and go.
   */
  {
    GtkLabel *labels[] = { self->fields_message, self->items_message };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        int height;

        gtk_label_set_text (labels[i], "X\nX");
        gtk_widget_measure (GTK_WIDGET (labels[i]), GTK_ORIENTATION_VERTICAL, -1,
                            &height, NULL, NULL, NULL);
        gtk_widget_set_size_request (GTK_WIDGET (labels[i]), -1, height);
        gtk_label_set_text (labels[i], "");
      }
  }

  self->field_rows = g_ptr_array_new ();
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
}

/**
 * helder_block_dialog_new:
 * @block: (nullable): the block to edit, or %NULL for a new one
 *
 * The form for a block of @kind; "done" is emitted when the author
 * confirms a block the format accepts.
 */
HelderBlockDialog *
helder_block_dialog_new (GtkWindow         *parent,
                         HelderCourse      *course,
                         HelderBlockKind    kind,
                         const HelderBlock *block)
{
  HelderBlockDialog *self;
  const HelderBlockSpec *spec;
  g_autofree char *title = NULL;
  GtkWidget *advanced_row = NULL;
  GtkWidget *focus = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (helder_block_kind_is_fenced (kind), NULL);

  self = g_object_new (HELDER_TYPE_BLOCK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->course = g_object_ref (course);
  self->kind = kind;
  spec = helder_block_spec_get (kind);

  title = block != NULL ? g_strdup_printf (_("Edit %s"), helder_block_kind_get_label (kind))
                        : g_strdup_printf (_("Insert %s"), helder_block_kind_get_label (kind));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (GTK_BUTTON (self->done_button), block != NULL ? _("_Apply") : _("_Insert"));
  adw_preferences_group_set_title (self->fields_group, helder_block_kind_get_label (kind));

  for (guint i = 0; spec->fields[i].key != NULL; i++)
    {
      const char *value = block != NULL ? helder_block_get_value (block, spec->fields[i].key)
                                        : NULL;
      g_autofree char *today = NULL;
      g_autofree char *id = NULL;
      GtkWidget *row;

      /* A new sources block is usually written the day the facts are checked. */
      if (block == NULL && (spec->fields[i].flags & HELDER_FIELD_DATE))
        {
          GDate date;

          helder_date_set_today (&date);
          today = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                   g_date_get_month (&date), g_date_get_day (&date));
          value = today;
        }
      /* A new question gets a name no other question has; the author
       * rarely needs to see it.
       */
      if (block == NULL && (spec->fields[i].flags & HELDER_FIELD_ID))
        {
          g_autoptr(GHashTable) ids = helder_course_dup_ids_in_use (course);

          id = helder_block_dup_new_id (NULL, kind == HELDER_BLOCK_QUESTION ? "post" : "enquete",
                                        ids);
          value = id;
        }
      row = create_row (self, &spec->fields[i], value);
      g_ptr_array_add (self->field_rows, row);

      if (spec->fields[i].flags & HELDER_FIELD_ID)
        {
          GtkWidget *advanced = adw_expander_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (advanced), _("Advanced"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (advanced), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Advanced"), -1);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (advanced), row);
          advanced_row = advanced;
        }
      else
        adw_preferences_group_add (self->fields_group, row);

      /* The focus starts in the first text the author must write. */
      if (focus == NULL && !(spec->fields[i].flags & HELDER_FIELD_ID) &&
          (spec->fields[i].flags & HELDER_FIELD_REQUIRED))
        focus = g_object_get_data (G_OBJECT (row), "helder-focus");
    }
  if (advanced_row != NULL)
    adw_preferences_group_add (self->fields_group, advanced_row);

  if (spec->item_fields[0].key != NULL)
    {
      if (block != NULL)
        for (guint i = 0; i < block->items->len; i++)
          add_item (self, g_ptr_array_index (block->items, i));
      while (self->items->len < spec->min_items)
        add_item (self, NULL);
    }
  gtk_widget_set_visible (self->add_item_button, spec->item_fields[0].key != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->items_message), spec->item_fields[0].key != NULL);

  if (focus == NULL && self->items->len > 0)
    focus = g_object_get_data (G_OBJECT (((GPtrArray *) g_ptr_array_index (self->items, 0))->pdata[0]),
                               "helder-focus");
  self->first_field = focus;

  update_problems (self);

  return self;
}
