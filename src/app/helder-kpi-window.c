/* helder-kpi-window.c
 *
 * The programme manager's view: open the LMS's own reports (and the
 * organisation file) and see each KPI against its target. Reading a
 * million rows takes a moment, so it runs in a thread, on a copy of the
 * course of its own (see helder-course.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-kpi-window"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-kpi-columns.h"
#include "helder-kpi-view.h"
#include "helder-kpi-window.h"
#include "helder-kpi.h"
#include "helder-lms-report.h"

struct _HelderKpiWindow
{
  AdwWindow        parent_instance;

  HelderCourse    *course;
  GStrv            reports;
  char            *organisation;
  guint            headcount; /* 0: from the organisation file or course.json */
  GCancellable    *cancellable;
  gboolean         loading;
  GPtrArray       *headers; /* of HelderLmsHeader*: the columns of the last load */
  gboolean         mapping_unreadable; /* the last load could not read the saved choices */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  HelderKpiView   *view;
  GtkSpinner      *spinner;
  GtkRevealer     *problems_revealer;
  GtkLabel        *problems_label;
  GtkWidget       *problems_match_button;
  GtkRevealer     *headcount_revealer;
  GtkSpinButton   *headcount_spin;
};

G_DEFINE_FINAL_TYPE (HelderKpiWindow, helder_kpi_window, ADW_TYPE_WINDOW)

typedef struct
{
  HelderCourseSnapshot *snapshot;
  GStrv            reports;
  char            *organisation;
  guint            headcount;
  HelderLmsReport *report;
  HelderKpiResult *result;
  GPtrArray       *unusable; /* of char*: why each file that is none of the kinds was left out */
  GPtrArray       *headers;  /* of HelderLmsHeader*: every file's columns, for Match Columns */
  gboolean         mapping_unreadable; /* the saved column choices were left out */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  helder_course_snapshot_free (job->snapshot);
  g_strfreev (job->reports);
  g_free (job->organisation);
  g_clear_pointer (&job->report, helder_lms_report_free);
  g_clear_pointer (&job->result, helder_kpi_result_free);
  g_clear_pointer (&job->unusable, g_ptr_array_unref);
  g_clear_pointer (&job->headers, g_ptr_array_unref);
  g_free (job);
}

/* Reads one file into the job's report. A file the report refuses is
 * said in words with the others; what else went wrong (unreadable, not
 * JSON) is said as it is. Either way the other files still count.
 */
static void
load_one (LoadJob    *job,
          const char *path,
          gboolean    organisation)
{
  g_autoptr(GError) error = NULL;
  guint refused = helder_lms_report_get_refusals (job->report)->len;
  gboolean loaded = organisation
                      ? helder_lms_report_load_organisation (job->report, path, &error)
                      : helder_lms_report_load_file (job->report, path, &error);

  if (!loaded && helder_lms_report_get_refusals (job->report)->len == refused)
    g_ptr_array_add (job->unusable, g_strdup (error->message));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(HelderCourse) course = helder_course_snapshot_read_in_task (job->snapshot, task);
  g_autofree char *mapping = NULL;
  HelderKpiSettings settings;
  GError *error = NULL;

  if (course == NULL)
    return;

  mapping = helder_lms_report_mapping_path (course);
  job->report = helder_lms_report_new (course);

  /* Saved choices that cannot be read do not keep the reports closed:
   * the columns are recognised by their names, and Match Columns saves
   * the choices anew.
   */
  if (g_file_test (mapping, G_FILE_TEST_EXISTS) &&
      !helder_lms_report_load_mapping (job->report, mapping, &error))
    {
      g_debug ("%s", error->message);
      g_clear_error (&error);
      job->mapping_unreadable = TRUE;
    }
  /* Any mix of progress, answers and organisation files: each is sorted
   * by its columns. A file that is none of them is left out and named,
   * and the others still count; so does the organisation file, whose
   * columns Match Columns can name too.
   */
  job->unusable = g_ptr_array_new_with_free_func (g_free);
  if (job->organisation != NULL)
    load_one (job, job->organisation, TRUE);
  for (guint i = 0; job->reports[i] != NULL; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      load_one (job, job->reports[i], FALSE);
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  job->headers = g_ptr_array_ref (helder_lms_report_get_headers (job->report));

  helder_kpi_settings_init (&settings, course);
  if (job->headcount > 0)
    settings.headcount = job->headcount;
  job->result = helder_kpi_compute (job->report, course, &settings);
  g_task_return_boolean (task, TRUE);
}

static void
append_line (GString    *text,
             const char *line)
{
  g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
}

/* Rows the reports could not use are counted and located, never dropped
 * silently: the first few are shown, the rest counted. Each says its
 * line and file in words ("Line 12 of export.csv: …"), not as the
 * command line writes them.
 */
static void
show_problems (HelderKpiWindow *self,
               HelderLmsReport *report,
               GPtrArray       *unusable,
               gboolean         mapping_unreadable)
{
  GPtrArray *diagnostics = helder_lms_report_get_diagnostics (report);
  GPtrArray *refusals = helder_lms_report_get_refusals (report);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean about_columns = mapping_unreadable;

  if (mapping_unreadable)
    append_line (text, _("The column choices saved for this course cannot be read, so Helder "
                         "recognised the columns by their names. Apply in Match Columns saves "
                         "your choices anew."));

  /* Every file left out is named, whatever the number. */
  for (guint i = 0; i < refusals->len; i++)
    {
      g_autofree char *line = helder_lms_dup_problem_text (g_ptr_array_index (refusals, i));

      append_line (text, line);
      about_columns |= helder_lms_problem_is_about_columns (g_ptr_array_index (refusals, i));
    }
  for (guint i = 0; i < unusable->len; i++)
    append_line (text, g_ptr_array_index (unusable, i));

  for (guint i = 0; i < diagnostics->len && i < 5; i++)
    {
      g_autofree char *line = helder_lms_dup_problem_text (g_ptr_array_index (diagnostics, i));

      append_line (text, line);
    }

  if (diagnostics->len > 5)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more problem",
                                                            "and %u more problems",
                                                            diagnostics->len - 5),
                                               diagnostics->len - 5);

      g_string_append_printf (text, "\n%s", more);
    }

  /* The report says which columns are missing or unused; here is how to
   * say what they hold.
   */
  for (guint i = 0; i < diagnostics->len && !about_columns; i++)
    about_columns = helder_lms_problem_is_about_columns (g_ptr_array_index (diagnostics, i));
  if (about_columns)
    append_line (text, _("Choose what each column holds with Match Columns."));
  gtk_widget_set_visible (self->problems_match_button, about_columns);

  gtk_label_set_text (self->problems_label, text->str);
  gtk_revealer_set_reveal_child (self->problems_revealer, text->len > 0);
}

/* An organisation file alone says who could take part, not who did. */
static gboolean
has_activity (HelderLmsReport *report)
{
  GPtrArray *inputs = helder_lms_report_get_inputs (report);

  for (guint i = 0; i < inputs->len; i++)
    if (((HelderLmsInput *) g_ptr_array_index (inputs, i))->kind != HELDER_LMS_INPUT_ORGANISATION)
      return TRUE;
  return FALSE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HelderKpiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadJob *job = g_task_get_task_data (G_TASK (result));

  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->headers, g_ptr_array_unref);
  self->headers = g_steal_pointer (&job->headers);
  self->mapping_unreadable = job->mapping_unreadable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi.match-columns", self->headers->len > 0);
  show_problems (self, job->report, job->unusable, job->mapping_unreadable);
  /* Nothing to count: not the last dashboard, nor "no reports yet". */
  if (!has_activity (job->report))
    {
      gtk_stack_set_visible_child_name (self->stack, "unusable");
      return;
    }
  gtk_revealer_set_reveal_child (self->headcount_revealer, job->result->headcount == 0 ||
                                                           self->headcount > 0);
  helder_kpi_view_set_result (self->view, g_steal_pointer (&job->result));
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

void
helder_kpi_window_load_reports (HelderKpiWindow *self,
                                GStrv            reports,
                                const char      *organisation)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (HELDER_IS_KPI_WINDOW (self));
  g_return_if_fail (reports != NULL && reports[0] != NULL);

  if (reports != self->reports)
    {
      g_strfreev (self->reports);
      self->reports = g_strdupv (reports);
    }
  /* Kept too, so that reading the reports again (Match Columns, Use
   * Headcount) reads the same organisation file.
   */
  if (organisation != self->organisation)
    {
      g_free (self->organisation);
      self->organisation = g_strdup (organisation);
    }

  job = g_new0 (LoadJob, 1);
  job->snapshot = helder_course_dup_snapshot (self->course);
  job->reports = g_strdupv (reports);
  job->organisation = g_strdup (organisation);
  job->headcount = self->headcount;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);

  task = g_task_new (NULL, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, helder_kpi_window_load_reports);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
helder_kpi_window_is_loading (HelderKpiWindow *self)
{
  g_return_val_if_fail (HELDER_IS_KPI_WINDOW (self), FALSE);

  return self->loading;
}

static void
reports_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  HelderKpiWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
      g_auto(GStrv) reports = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (paths, path);
        }

      reports = g_strv_builder_end (paths);
      if (reports[0] != NULL)
        helder_kpi_window_load_reports (self, reports, self->organisation);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileChooserNative *
new_chooser (HelderKpiWindow *self,
             const char      *title,
             gboolean         multiple)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  gtk_file_filter_set_name (filter, _("Reports (CSV, JSON)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

static void
open_reports_clicked_cb (HelderKpiWindow *self)
{
  GtkFileChooserNative *chooser = new_chooser (self, _("Open LMS Reports"), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (reports_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
headcount_clicked_cb (HelderKpiWindow *self)
{
  gtk_spin_button_update (self->headcount_spin);
  self->headcount = (guint) gtk_spin_button_get_value_as_int (self->headcount_spin);
  if (self->reports != NULL)
    helder_kpi_window_load_reports (self, self->reports, self->organisation);
}

static void
organisation_chosen_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  HelderKpiWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_free (self->organisation);
      self->organisation = g_file_get_path (file);
      if (self->reports != NULL)
        helder_kpi_window_load_reports (self, self->reports, self->organisation);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
organisation_clicked_cb (HelderKpiWindow *self)
{
  GtkFileChooserNative *chooser = new_chooser (self, _("Open the Organisation File"), FALSE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (organisation_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
columns_applied_cb (HelderKpiWindow *self)
{
  if (self->reports != NULL)
    helder_kpi_window_load_reports (self, self->reports, self->organisation);
}

static void
match_columns_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelderKpiWindow *self = HELDER_KPI_WINDOW (widget);
  HelderKpiColumns *dialog;

  g_return_if_fail (self->headers != NULL);

  dialog = helder_kpi_columns_new (GTK_WINDOW (self), self->course, self->headers,
                                   self->mapping_unreadable);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (columns_applied_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
helder_kpi_window_dispose (GObject *object)
{
  HelderKpiWindow *self = (HelderKpiWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->course);
  g_clear_pointer (&self->reports, g_strfreev);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->headers, g_ptr_array_unref);

  G_OBJECT_CLASS (helder_kpi_window_parent_class)->dispose (object);
}

static void
helder_kpi_window_class_init (HelderKpiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_kpi_window_dispose;

  g_type_ensure (HELDER_TYPE_KPI_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-kpi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, view);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, problems_match_button);
  gtk_widget_class_bind_template_callback (widget_class, open_reports_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, headcount_revealer);
  gtk_widget_class_bind_template_child (widget_class, HelderKpiWindow, headcount_spin);
  gtk_widget_class_bind_template_callback (widget_class, organisation_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, headcount_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                (GtkShortcutFunc) gtk_window_close, NULL);
  /* Reachable once reports are open, from the header bar and beside the
   * messages about columns.
   */
  gtk_widget_class_install_action (widget_class, "kpi.match-columns", NULL, match_columns_cb);
}

static void
helder_kpi_window_init (HelderKpiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi.match-columns", FALSE);
}

HelderKpiWindow *
helder_kpi_window_new (GtkWindow    *parent,
                       HelderCourse *course)
{
  HelderKpiWindow *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  self = g_object_new (HELDER_TYPE_KPI_WINDOW, "transient-for", parent, NULL);
  self->course = g_object_ref (course);
  /* Translators: the window title, with the course's title */
  title = g_strdup_printf (_("KPI Dashboard — %s"), helder_course_get_title (course));
  gtk_window_set_title (GTK_WINDOW (self), title);

  return self;
}
