/* helder-export-dialog.c
 *
 * Export from the app: format, one package per module or one for the
 * course, destination; the export runs in a thread with a progress bar
 * (helder_export_async()), and errors the checks found are listed with a
 * way to each of them. The findings are the window's latest course check
 * when there is one, and the export reuses them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-checks.h"
#include "helder-export-dialog.h"
#include "helder-exporter.h"

/* The first rows of the scope list; the modules follow, one row each. */
enum {
  SCOPE_PER_MODULE,
  SCOPE_COURSE,
  SCOPE_FIRST_MODULE,
};

struct _HelderExportDialog
{
  AdwWindow        parent_instance;

  HelderCourse    *course;
  GPtrArray       *findings;     /* the latest course check, or NULL until it is done */
  GCancellable    *check_cancellable;
  GFile           *output;
  gboolean         output_chosen;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *format_row;
  AdwComboRow     *scope_row;
  AdwActionRow    *output_row;
  GtkWidget       *problems_group;
  GtkListBox      *problems_list;
  GtkSwitch       *force_switch;
  GtkProgressBar  *progress;
  GtkWidget       *export_button;
  GtkWidget       *cancel_button;
};

G_DEFINE_FINAL_TYPE (HelderExportDialog, helder_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  GO_TO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const HelderExportFormat formats[] = {
  HELDER_EXPORT_SCORM12,
  HELDER_EXPORT_SCORM2004,
  HELDER_EXPORT_WEB,
};

static const char * const format_tokens[] = { "scorm12", "scorm2004", "web" };

static gboolean
one_file (HelderExportDialog *self)
{
  return adw_combo_row_get_selected (self->scope_row) != SCOPE_PER_MODULE;
}

static void
update_output_row (HelderExportDialog *self)
{
  g_autofree char *path = self->output != NULL ? g_file_get_path (self->output) : NULL;

  adw_action_row_set_subtitle (self->output_row, path != NULL ? path : "");
}

/* Until the author picks a place, the packages go to Documents, named
 * after the course (or module) and the format.
 */
static void
suggest_output (HelderExportDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  guint scope = adw_combo_row_get_selected (self->scope_row);
  const char *format = format_tokens[adw_combo_row_get_selected (self->format_row)];
  g_autofree char *name = NULL;

  if (self->output_chosen)
    return;

  if (scope >= SCOPE_FIRST_MODULE)
    name = g_strdup_printf ("%s-%s.zip",
                            helder_module_get_id (helder_course_get_module (self->course,
                                                                            scope - SCOPE_FIRST_MODULE)),
                            format);
  else
    name = g_strdup_printf ("%s-%s%s", helder_course_get_id (self->course) != NULL
                                         ? helder_course_get_id (self->course) : "cursus",
                            format, scope == SCOPE_COURSE ? ".zip" : "");

  g_clear_object (&self->output);
  self->output = g_file_new_build_filename (documents != NULL ? documents : g_get_home_dir (),
                                            name, NULL);
  update_output_row (self);
}

static void
scope_changed_cb (HelderExportDialog *self)
{
  suggest_output (self);
}

static void
format_changed_cb (HelderExportDialog *self)
{
  suggest_output (self);
}

void
helder_export_dialog_set_output (HelderExportDialog *self,
                                 GFile              *output)
{
  g_return_if_fail (HELDER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (output));

  g_set_object (&self->output, output);
  self->output_chosen = TRUE;
  update_output_row (self);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           gpointer         user_data)
{
  HelderExportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        helder_export_dialog_set_output (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_clicked_cb (HelderExportDialog *self)
{
  GtkFileChooserNative *chooser;

  if (one_file (self))
    {
      g_autofree char *name = g_file_get_basename (self->output);

      chooser = gtk_file_chooser_native_new (_("Save the Package"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                             _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Packages"),
                                           GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                           _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
problem_activated_cb (HelderExportDialog *self,
                      GtkListBoxRow      *row)
{
  HelderDiagnostic *diagnostic = g_object_get_data (G_OBJECT (row), "helder-diagnostic");

  g_signal_emit (self, signals[GO_TO], 0, diagnostic);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
list_errors (HelderExportDialog *self)
{
  GPtrArray *diagnostics = self->findings;
  guint shown = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;
      GtkWidget *row;

      if (d->severity != HELDER_SEVERITY_ERROR)
        continue;

      row = adw_action_row_new ();
      title = g_markup_escape_text (d->message, -1);
      place = d->line > 0 ? g_strdup_printf ("%s:%u", d->file, d->line) : g_strdup (d->file);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Go to this place in the page"));
      g_object_set_data_full (G_OBJECT (row), "helder-diagnostic", helder_diagnostic_ref (d),
                              (GDestroyNotify) helder_diagnostic_unref);
      gtk_list_box_append (self->problems_list, row);

      /* A long list helps nobody; the findings pane has them all. */
      if (++shown == 30)
        break;
    }

  gtk_widget_set_visible (self->problems_group, shown > 0);
}

static void
course_checked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HelderExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = helder_checks_run_course_finish (result, &error);

  /* Without findings the export checks the course itself. */
  if (findings == NULL)
    return;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  list_errors (self);
}

static void
show_progress_cb (double   fraction,
                  gpointer user_data)
{
  HelderExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
}

static void
set_busy (HelderExportDialog *self,
          gboolean            busy)
{
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->output_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HelderExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = helder_export_finish (result, NULL, &error);

  set_busy (self, FALSE);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, self->output, (guint) n);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
helder_export_dialog_start (HelderExportDialog *self)
{
  g_autofree char *output = NULL;
  HelderExportOptions options = { 0 };
  guint scope;

  g_return_if_fail (HELDER_IS_EXPORT_DIALOG (self));

  scope = adw_combo_row_get_selected (self->scope_row);
  output = g_file_get_path (self->output);
  options.format = formats[adw_combo_row_get_selected (self->format_row)];
  options.scope = scope == SCOPE_PER_MODULE ? HELDER_EXPORT_SCOPE_EACH_MODULE
                  : scope == SCOPE_COURSE ? HELDER_EXPORT_SCOPE_COURSE
                  : HELDER_EXPORT_SCOPE_MODULE;
  if (scope >= SCOPE_FIRST_MODULE)
    options.module_id = helder_module_get_id (helder_course_get_module (self->course,
                                                                        scope - SCOPE_FIRST_MODULE));
  options.force = gtk_switch_get_active (self->force_switch);
  options.output = output;
  options.findings = self->findings;

  set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress, 0);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  helder_export_async (self->course, &options, show_progress_cb, self, self->cancellable,
                       exported_cb, g_object_ref (self));
}

static void
export_clicked_cb (HelderExportDialog *self)
{
  helder_export_dialog_start (self);
}

static void
cancel_clicked_cb (HelderExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
helder_export_dialog_dispose (GObject *object)
{
  HelderExportDialog *self = (HelderExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->course);
  g_clear_object (&self->output);

  G_OBJECT_CLASS (helder_export_dialog_parent_class)->dispose (object);
}

static void
helder_export_dialog_class_init (HelderExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_export_dialog_dispose;

  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, HELDER_TYPE_DIAGNOSTIC);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, force_switch);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
helder_export_dialog_init (HelderExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * helder_export_dialog_new:
 * @findings: (nullable): the course's latest check (helder_checks_run_course()),
 *   or %NULL to check the course in the background
 */
HelderExportDialog *
helder_export_dialog_new (GtkWindow    *parent,
                          HelderCourse *course,
                          GPtrArray    *findings)
{
  HelderExportDialog *self;
  g_autoptr(GtkStringList) scopes = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  self = g_object_new (HELDER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->course = g_object_ref (course);

  scopes = gtk_string_list_new ((const char * const[]) {
                                  _("One package per module"),
                                  _("One package for the whole course"),
                                  NULL });
  for (guint i = 0; i < helder_course_get_n_modules (course); i++)
    {
      g_autofree char *only = g_strdup_printf (_("Only “%s”"),
                                               helder_module_get_title (helder_course_get_module (course, i)));

      gtk_string_list_append (scopes, only);
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));

  if (findings != NULL)
    {
      self->findings = g_ptr_array_ref (findings);
      list_errors (self);
    }
  else
    {
      gtk_widget_set_visible (self->problems_group, FALSE);
      self->check_cancellable = g_cancellable_new ();
      helder_checks_run_course_async (course, NULL, NULL, self->check_cancellable,
                                      course_checked_cb, g_object_ref (self));
    }
  suggest_output (self);

  return self;
}
