/* helder-kpi-columns.c
 *
 * Match Columns: the programme manager says, per report file, what each
 * column holds, in her words and from a list. Apply writes the course's
 * column mapping through the core (under the course's lock, replaced at
 * once) and tells the KPI window to read the reports again; Cancel
 * changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-kpi-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-kpi-columns.h"
#include "helder-lms-report.h"

struct _HelderKpiColumns
{
  AdwWindow           parent_instance;

  HelderCourse       *course;
  GPtrArray          *headers;    /* of HelderLmsHeader*, as the last load read them */
  GPtrArray          *drop_downs; /* of GtkDropDown*, one per header, owned by the page */
  gboolean            replace_unreadable;

  AdwPreferencesPage *page;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (HelderKpiColumns, helder_kpi_columns, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const HelderLmsHeader *
header_at (HelderKpiColumns *self,
           guint             i)
{
  return g_ptr_array_index (self->headers, i);
}

/* A screen reader says the column with its meaning: "Column “Wie”:
 * Learner (id, e-mail or staff number)".
 */
static void
name_row (GtkWidget  *row,
          GtkWidget  *drop_down,
          const char *header,
          guint       column)
{
  /* Translators: a column of a report and what it holds, for a screen reader */
  g_autofree char *name = g_strdup_printf (_("Column “%s”: %s"), header,
                                           helder_lms_column_to_label (column));

  /* The name says the column already: without the title the row lends
   * it, a screen reader does not say the column twice.
   */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* A column name means the same in every file (the mapping is by name):
 * choosing it in one file chooses it in the others.
 */
static void
selected_cb (GtkDropDown      *drop_down,
             GParamSpec       *pspec,
             HelderKpiColumns *self)
{
  guint column = gtk_drop_down_get_selected (drop_down);
  const char *header = NULL;

  for (guint i = 0; i < self->drop_downs->len; i++)
    if (g_ptr_array_index (self->drop_downs, i) == drop_down)
      header = header_at (self, i)->header;
  g_return_if_fail (header != NULL);

  for (guint i = 0; i < self->drop_downs->len; i++)
    {
      GtkDropDown *other = g_ptr_array_index (self->drop_downs, i);

      if (!g_str_equal (header_at (self, i)->header, header))
        continue;
      if (other != drop_down && gtk_drop_down_get_selected (other) != column)
        gtk_drop_down_set_selected (other, column);
      name_row (gtk_widget_get_ancestor (GTK_WIDGET (other), ADW_TYPE_ACTION_ROW),
                GTK_WIDGET (other), header, column);
    }
}

static void
add_rows (HelderKpiColumns *self)
{
  const char *labels[HELDER_N_LMS_COLUMNS + 1] = { NULL };
  AdwPreferencesGroup *group = NULL;
  const char *file = NULL;

  for (guint c = 0; c < HELDER_N_LMS_COLUMNS; c++)
    labels[c] = helder_lms_column_to_label (c);

  for (guint i = 0; i < self->headers->len; i++)
    {
      const HelderLmsHeader *header = header_at (self, i);
      GtkWidget *row;
      GtkWidget *drop_down;

      if (group == NULL || !g_str_equal (header->file, file))
        {
          g_autofree char *name = g_path_get_basename (header->file);
          /* A group's title is markup in libadwaita 1.2. */
          g_autofree char *title = g_markup_escape_text (name, -1);

          file = header->file;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          adw_preferences_page_add (self->page, group);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header->header);

      drop_down = gtk_drop_down_new_from_strings (labels);
      gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), header->column);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);
      name_row (row, drop_down, header->header, header->column);
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (selected_cb), self, 0);
      g_ptr_array_add (self->drop_downs, drop_down);

      adw_preferences_group_add (group, row);
    }
}

static void
cancel_clicked_cb (HelderKpiColumns *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
apply_clicked_cb (HelderKpiColumns *self)
{
  g_autofree HelderLmsHeader *choices = g_new0 (HelderLmsHeader, MAX (self->headers->len, 1));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  /* The texts stay the last load's; only the meanings are the user's. */
  for (guint i = 0; i < self->headers->len; i++)
    {
      choices[i] = *header_at (self, i);
      choices[i].column = gtk_drop_down_get_selected (g_ptr_array_index (self->drop_downs, i));
      g_ptr_array_add (chosen, &choices[i]);
    }

  if (!helder_lms_save_chosen_columns (self->course, chosen, self->replace_unreadable, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  g_signal_emit (self, signals[APPLIED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
helder_kpi_columns_dispose (GObject *object)
{
  HelderKpiColumns *self = (HelderKpiColumns *) object;

  g_clear_object (&self->course);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->drop_downs, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_kpi_columns_parent_class)->dispose (object);
}

static void
helder_kpi_columns_class_init (HelderKpiColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_kpi_columns_dispose;

  /**
   * HelderKpiColumns::applied:
   *
   * The chosen meanings were saved: the reports should be read again.
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-kpi-columns.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderKpiColumns, page);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiColumns, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiColumns, error_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
helder_kpi_columns_init (HelderKpiColumns *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->drop_downs = g_ptr_array_new ();
}

/**
 * helder_kpi_columns_new:
 * @parent: the KPI window
 * @course: the course whose mapping Apply writes
 * @headers: (element-type HelderLmsHeader): the columns of the reports
 *   as the last load read them (helder_lms_report_get_headers()); the
 *   dialog keeps a reference
 * @replace_unreadable: whether Apply replaces saved choices that cannot
 *   be read (the window has said so)
 *
 * Returns: (transfer none): the dialog, not shown yet; GTK keeps it until
 *   it is closed.
 */
HelderKpiColumns *
helder_kpi_columns_new (GtkWindow    *parent,
                        HelderCourse *course,
                        GPtrArray    *headers,
                        gboolean      replace_unreadable)
{
  HelderKpiColumns *self;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  self = g_object_new (HELDER_TYPE_KPI_COLUMNS, "transient-for", parent, NULL);
  self->course = g_object_ref (course);
  self->headers = g_ptr_array_ref (headers);
  self->replace_unreadable = replace_unreadable;
  add_rows (self);

  return self;
}
