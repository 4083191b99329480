/* helder-findings-pane.c
 *
 * The page's findings as a list; activating one jumps to its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-findings-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "helder-findings-pane.h"

struct _HelderFindingsPane
{
  GtkWidget        parent_instance;

  GtkWidget       *content;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkToggleButton *course_toggle;
  GtkLabel        *scores;
};

enum {
  PROP_0,
  PROP_COURSE_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HelderFindingsPane, helder_findings_pane, GTK_TYPE_WIDGET)

enum {
  DIAGNOSTIC_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (HelderSeverity severity)
{
  switch (severity)
    {
    case HELDER_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case HELDER_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case HELDER_SEVERITY_HINT:
    default:
      return "dialog-information-symbolic";
    }
}

static void
row_activated_cb (HelderFindingsPane *self,
                  GtkListBoxRow      *row)
{
  HelderDiagnostic *diagnostic = g_object_get_data (G_OBJECT (row), "helder-diagnostic");

  if (diagnostic != NULL)
    g_signal_emit (self, signals[DIAGNOSTIC_ACTIVATED], 0, diagnostic);
}

/* A long list is slow to build and no help: the first 500 are shown. */
#define MAX_ROWS 500

/* What a row shows: a row is kept while its finding stays the same. */
static char *
row_key (const HelderDiagnostic *d,
         gboolean                with_file)
{
  return g_strdup_printf ("%d|%s:%u:%u:%s:%s", with_file, d->file, d->line, d->column, d->rule,
                          d->message);
}

static void
add_way_out (GtkWidget  *row,
             const char *label,
             const char *action,
             const char *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (target));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

/* An error in a module's file gets its ways out as buttons in the row:
 * a missing file is made again or its module taken off the course; a
 * file that does not read is opened. The window carries out the actions.
 */
static void
add_ways_out (GtkWidget              *row,
              const HelderDiagnostic *diagnostic)
{
  g_autofree char *module = NULL;

  if (diagnostic->severity != HELDER_SEVERITY_ERROR ||
      !g_str_has_suffix (diagnostic->file, "/module.json"))
    return;

  module = g_path_get_dirname (diagnostic->file);
  if (g_str_equal (diagnostic->rule, "format-module") && diagnostic->line == 0)
    {
      add_way_out (row, _("Make _Again"), "win.recreate-module", module);
      add_way_out (row, _("_Remove from Course"), "win.forget-module", module);
    }
  else
    add_way_out (row, _("Open _File"), "win.open-course-file", diagnostic->file);
}

static GtkWidget *
create_row (HelderDiagnostic *diagnostic,
            gboolean          with_file)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (diagnostic->message, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (diagnostic->severity));

  /* Where the finding is, in words; the rule's id is for the command line. */
  if (with_file && diagnostic->line == 0)
    /* Translators: a finding's severity and file; the finding is about the
     * whole file
     */
    subtitle = g_strdup_printf (_("%s in %s"),
                                helder_severity_to_label (diagnostic->severity),
                                diagnostic->file);
  else if (with_file)
    /* Translators: a finding's severity, file and line */
    subtitle = g_strdup_printf (_("%s in %s, line %u"),
                                helder_severity_to_label (diagnostic->severity),
                                diagnostic->file, diagnostic->line);
  else if (diagnostic->line > 0)
    /* Translators: a finding's severity and line */
    subtitle = g_strdup_printf (_("%s on line %u"),
                                helder_severity_to_label (diagnostic->severity),
                                diagnostic->line);
  else
    subtitle = g_strdup (helder_severity_to_label (diagnostic->severity));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (icon, diagnostic->severity == HELDER_SEVERITY_ERROR ? "error" :
                                  diagnostic->severity == HELDER_SEVERITY_WARNING ? "warning" :
                                  "accent");
  g_object_set_data_full (G_OBJECT (row), "helder-row-key", row_key (diagnostic, with_file),
                          g_free);
  add_ways_out (row, diagnostic);

  return row;
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const HelderDiagnostic *da = *(HelderDiagnostic * const *) a;
  const HelderDiagnostic *db = *(HelderDiagnostic * const *) b;

  return (int) db->severity - (int) da->severity;
}

void
helder_findings_pane_set_diagnostics (HelderFindingsPane *self,
                                      GPtrArray          *diagnostics)
{
  g_autoptr(GHashTable) rows_by_key = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  gboolean with_file;
  GtkWidget *child;
  guint n;

  g_return_if_fail (HELDER_IS_FINDINGS_PANE (self));
  g_return_if_fail (diagnostics != NULL);

  /* Typing moves findings but rarely changes them: rows that still show
   * a finding are kept and only new ones are built, because building a
   * row (styles, text layout) takes far longer than a keystroke may.
   */
  /* Errors first, then warnings, then tips, each in their own order. */
  sorted = g_ptr_array_new_full (diagnostics->len, (GDestroyNotify) helder_diagnostic_unref);
  for (guint i = 0; i < diagnostics->len; i++)
    g_ptr_array_add (sorted, helder_diagnostic_ref (g_ptr_array_index (diagnostics, i)));
  g_ptr_array_sort (sorted, compare_severity);
  diagnostics = sorted;

  with_file = helder_findings_pane_get_course_scope (self);
  n = MIN (diagnostics->len, MAX_ROWS);
  rows_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_queue_free);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *key = g_object_get_data (G_OBJECT (child), "helder-row-key");
      GQueue *rows = g_hash_table_lookup (rows_by_key, key);

      if (rows == NULL)
        g_hash_table_insert (rows_by_key, g_strdup (key), rows = g_queue_new ());
      g_queue_push_tail (rows, child);
    }

  kept = g_hash_table_new (NULL, NULL);
  wanted = g_ptr_array_new_full (n, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = row_key (g_ptr_array_index (diagnostics, i), with_file);
      GQueue *rows = g_hash_table_lookup (rows_by_key, key);
      GtkWidget *row = rows != NULL ? g_queue_pop_head (rows) : NULL;

      if (row != NULL)
        g_hash_table_add (kept, row);
      g_ptr_array_add (wanted, row);
    }

  child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (!g_hash_table_contains (kept, child))
        gtk_list_box_remove (self->list, child);
      child = next;
    }

  for (guint i = 0; i < n; i++)
    {
      HelderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      GtkWidget *row = g_ptr_array_index (wanted, i);

      if (row == NULL)
        {
          row = create_row (diagnostic, with_file);
          gtk_list_box_insert (self->list, row, (int) i);
        }
      else if (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) i)) != row)
        {
          g_object_ref (row);
          gtk_list_box_remove (self->list, row);
          gtk_list_box_insert (self->list, row, (int) i);
          g_object_unref (row);
        }

      /* The row takes the new finding, whose byte places are current. */
      g_object_set_data_full (G_OBJECT (row), "helder-diagnostic",
                              helder_diagnostic_ref (diagnostic),
                              (GDestroyNotify) helder_diagnostic_unref);
    }

  gtk_stack_set_visible_child_name (self->stack, diagnostics->len > 0 ? "list" : "none");
}

guint
helder_findings_pane_get_n_rows (HelderFindingsPane *self)
{
  guint n = 0;

  g_return_val_if_fail (HELDER_IS_FINDINGS_PANE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The readability of what is listed, in one line. */
void
helder_findings_pane_set_scores (HelderFindingsPane *self,
                                 const char         *scores)
{
  g_return_if_fail (HELDER_IS_FINDINGS_PANE (self));

  gtk_label_set_text (self->scores, scores != NULL ? scores : "");
  gtk_widget_set_visible (GTK_WIDGET (self->scores), scores != NULL);
}

gboolean
helder_findings_pane_get_course_scope (HelderFindingsPane *self)
{
  g_return_val_if_fail (HELDER_IS_FINDINGS_PANE (self), FALSE);

  return gtk_toggle_button_get_active (self->course_toggle);
}

void
helder_findings_pane_set_course_scope (HelderFindingsPane *self,
                                       gboolean            course_scope)
{
  g_return_if_fail (HELDER_IS_FINDINGS_PANE (self));

  gtk_toggle_button_set_active (self->course_toggle, course_scope);
}

static void
scope_toggled_cb (HelderFindingsPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_SCOPE]);
}

static void
helder_findings_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COURSE_SCOPE:
      g_value_set_boolean (value, helder_findings_pane_get_course_scope (HELDER_FINDINGS_PANE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_findings_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COURSE_SCOPE:
      helder_findings_pane_set_course_scope (HELDER_FINDINGS_PANE (object),
                                             g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_findings_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HELDER_TYPE_FINDINGS_PANE);

  G_OBJECT_CLASS (helder_findings_pane_parent_class)->dispose (object);
}

static void
helder_findings_pane_class_init (HelderFindingsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_findings_pane_dispose;
  object_class->get_property = helder_findings_pane_get_property;
  object_class->set_property = helder_findings_pane_set_property;

  /* Whether the pane lists the whole course's findings, not the page's. */
  properties[PROP_COURSE_SCOPE] =
    g_param_spec_boolean ("course-scope", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DIAGNOSTIC_ACTIVATED] =
    g_signal_new ("diagnostic-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HELDER_TYPE_DIAGNOSTIC);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-findings-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderFindingsPane, content);
  gtk_widget_class_bind_template_child (widget_class, HelderFindingsPane, course_toggle);
  gtk_widget_class_bind_template_child (widget_class, HelderFindingsPane, scores);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, HelderFindingsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderFindingsPane, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
helder_findings_pane_init (HelderFindingsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
