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

#include <string.h>

#include <glib/gi18n.h>

#include "helder-block-dialog.h"
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
  GtkWidget         *items_box;
  GtkWidget         *add_item_button;
  GtkWidget         *done_button;
  GtkLabel          *problems_label;
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

static const char *
field_label (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "src", N_("File") },
    { "alt", N_("Alt text") },
    { "decorative", N_("Decorative (screen readers skip it)") },
    { "caption", N_("Caption") },
    { "captions", N_("Caption file (WebVTT)") },
    { "transcript", N_("Transcript file") },
    { "title", N_("Title") },
    { "poster", N_("Poster image") },
    { "text", N_("Text") },
    { "front", N_("Front") },
    { "back", N_("Back") },
    { "situation", N_("Situation") },
    { "question", N_("Question") },
    { "choice", N_("Choice") },
    { "feedback", N_("Feedback") },
    { "best", N_("Best choice") },
    { "kind", N_("Kind") },
    { "answer", N_("Answer") },
    { "correct", N_("Correct") },
    { "id", N_("Id") },
    { "test", N_("Test") },
    { "goal", N_("Learning goal") },
    { "checked", N_("Facts checked on (year-month-day)") },
    { "url", N_("Web address") },
    { "low", N_("Label for 1") },
    { "high", N_("Label for 5") },
    { "label", N_("Button label") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);

  return key;
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

  if (ADW_IS_COMBO_ROW (row) && g_object_get_data (G_OBJECT (row), "helder-goal-ids") != NULL)
    {
      const char * const *ids = g_object_get_data (G_OBJECT (row), "helder-goal-ids");
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      return g_strdup (selected < g_strv_length ((char **) ids) ? ids[selected] : "");
    }

  if (ADW_IS_COMBO_ROW (row))
    {
      GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

      return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : g_strdup ("");
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

          gtk_label_set_text (self->problems_label, message);
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
  gtk_file_filter_set_name (filter, field_label (spec->key));
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
  g_object_set_data_full (G_OBJECT (row), "helder-goal-ids", g_strv_builder_end (ids),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_changed_cb), self,
                           G_CONNECT_SWAPPED);

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
            ? g_strdup_printf (_("%s (required)"), field_label (spec->key))
            : g_strdup (field_label (spec->key));

  if (spec->flags & HELDER_FIELD_BOOL)
    {
      GtkWidget *toggle = gtk_switch_new ();

      row = adw_action_row_new ();
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), helder_value_is_yes (value));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_object_set_data (G_OBJECT (row), "helder-switch", toggle);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else if ((spec->flags & HELDER_FIELD_GOAL) && helder_course_get_n_goals (self->course) > 0)
    row = create_goal_row (self, value);
  else if (spec->flags & HELDER_FIELD_ENUM)
    {
      g_auto(GStrv) values = g_strsplit (spec->values, "|", -1);
      GtkStringList *model = gtk_string_list_new ((const char * const *) values);

      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_object_unref (model);
      for (guint i = 0; values[i] != NULL; i++)
        if (g_strcmp0 (values[i], value) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      row = adw_entry_row_new ();
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

static void
update_problems (HelderBlockDialog *self)
{
  g_autofree char *source = helder_block_dialog_dup_source (self);
  g_autoptr(HelderPageContent) content = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  content = helder_page_content_parse ("block", source, strlen (source));
  g_ptr_array_set_size (self->problems, 0);

  for (guint i = 0; i < content->diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (content->diagnostics, i);

      /* A lone block has no page title; that is the page's business. */
      if (d->severity != HELDER_SEVERITY_ERROR)
        continue;

      g_ptr_array_add (self->problems, helder_diagnostic_ref (d));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, d->message);
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

          if (d->severity != HELDER_SEVERITY_ERROR)
            continue;
          g_ptr_array_add (self->problems, helder_diagnostic_ref (d));
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "%s:%u: %s", d->file, d->line, d->message);
        }
    }

  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), text->len > 0);
  gtk_widget_set_sensitive (self->done_button, self->problems->len == 0);
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

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-block-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, page);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, items_box);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, add_item_button);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, HelderBlockDialog, problems_label);
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
      row = create_row (self, &spec->fields[i], value);

      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->field_rows, row);
    }

  if (spec->item_fields[0].key != NULL)
    {
      if (block != NULL)
        for (guint i = 0; i < block->items->len; i++)
          add_item (self, g_ptr_array_index (block->items, i));
      while (self->items->len < spec->min_items)
        add_item (self, NULL);
    }
  gtk_widget_set_visible (self->add_item_button, spec->item_fields[0].key != NULL);

  update_problems (self);

  return self;
}
