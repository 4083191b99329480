/* helder-export-dialog.c
 *
 * Export from the app: everything helder-cli export can make. A SCORM or
 * web package (one per module, one for the course, one module, or a
 * bite-size lesson of pages the author ticks), a printable PDF handout
 * (the course or one module, with or without the questions), or the tips
 * of the week (feed, e-mails, slides) in a folder. Every kind runs in a
 * thread on a copy of the course through helder_export_async(), with a
 * progress bar. Errors the checks found are listed with a way to each of
 * them: the window's latest course check for a package (the export reuses
 * it), the tips' own findings when they stopped the tips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-a11y-rules.h"
#include "helder-checks.h"
#include "helder-export-dialog.h"
#include "helder-exporter.h"

/* What the chosen format makes. */
typedef enum
{
  KIND_PACKAGE,
  KIND_HANDOUT,
  KIND_TIPS,
} Kind;

/* One row of the scope list. */
typedef struct
{
  HelderExportScope scope;
  HelderModule     *module; /* for HELDER_EXPORT_SCOPE_MODULE, owned by the course */
} ScopeChoice;

struct _HelderExportDialog
{
  AdwWindow        parent_instance;

  HelderCourse    *course;
  GPtrArray       *findings;     /* the latest course check, or NULL until it is done */
  GPtrArray       *tip_problems; /* the tips' findings that stopped their export */
  GCancellable    *check_cancellable;
  GFile           *output;
  gboolean         output_chosen;
  GCancellable    *cancellable;
  GArray          *scopes;       /* of ScopeChoice, one per row of scope_row */
  Kind             scopes_kind;
  GPtrArray       *page_checks;  /* the lesson's GtkCheckButtons, in course order */

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *format_group;
  AdwComboRow     *format_row;
  AdwComboRow     *scope_row;
  GtkWidget       *questions_row;
  GtkSwitch       *questions_switch;
  AdwActionRow    *output_row;
  GtkWidget       *lesson_group;
  AdwEntryRow     *lesson_title_row;
  GtkListBox      *lesson_pages;
  GtkLabel        *lesson_time;
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

/* The rows of format_row, in order. */
static const HelderExportFormat formats[] = {
  HELDER_EXPORT_SCORM12,
  HELDER_EXPORT_SCORM2004,
  HELDER_EXPORT_WEB,
  HELDER_EXPORT_PDF,
  HELDER_EXPORT_TIPS,
};

static const char * const format_tokens[] = { "scorm12", "scorm2004", "web" };

static HelderExportFormat
selected_format (HelderExportDialog *self)
{
  return formats[adw_combo_row_get_selected (self->format_row)];
}

static Kind
selected_kind (HelderExportDialog *self)
{
  HelderExportFormat format = selected_format (self);

  return format == HELDER_EXPORT_PDF ? KIND_HANDOUT
         : format == HELDER_EXPORT_TIPS ? KIND_TIPS
         : KIND_PACKAGE;
}

static const ScopeChoice *
selected_scope (HelderExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->scope_row);

  return selected < self->scopes->len ? &g_array_index (self->scopes, ScopeChoice, selected)
         : &g_array_index (self->scopes, ScopeChoice, 0);
}

/* One file is saved (a package, a handout) rather than a folder filled. */
static gboolean
one_file (HelderExportDialog *self)
{
  return selected_kind (self) != KIND_TIPS
         && selected_scope (self)->scope != HELDER_EXPORT_SCOPE_EACH_MODULE;
}

static gboolean
is_lesson (HelderExportDialog *self)
{
  return selected_kind (self) == KIND_PACKAGE
         && selected_scope (self)->scope == HELDER_EXPORT_SCOPE_LESSON;
}

/* The lesson's pages, as module/page.md in course order: a new array
 * whose strings the check buttons own.
 */
static GPtrArray *
chosen_pages (HelderExportDialog *self)
{
  GPtrArray *pages = g_ptr_array_new ();

  for (guint i = 0; i < self->page_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->page_checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (pages, g_object_get_data (G_OBJECT (check), "helder-page-file"));
    }
  g_ptr_array_add (pages, NULL);

  return pages;
}

static const char *
lesson_title (HelderExportDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->lesson_title_row));
}

static void
update_export_button (HelderExportDialog *self)
{
  gboolean ready = TRUE;

  if (is_lesson (self))
    {
      g_autoptr(GPtrArray) pages = chosen_pages (self);
      g_autofree char *title = g_strstrip (g_strdup (lesson_title (self)));

      ready = pages->len > 1 && title[0] != '\0';
    }
  gtk_widget_set_sensitive (self->export_button,
                            ready && !gtk_widget_get_visible (GTK_WIDGET (self->progress)));
}

static void
update_output_row (HelderExportDialog *self)
{
  g_autofree char *path = self->output != NULL ? g_file_get_path (self->output) : NULL;

  adw_action_row_set_subtitle (self->output_row, path != NULL ? path : "");
}

/* A title as a file name: the title itself, without path separators. */
static char *
file_name_from_title (const char *title,
                      const char *suffix)
{
  g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));

  g_strdelimit (stripped, "/\\:", '-');
  return g_strconcat (stripped[0] != '\0' ? stripped : _("Course"), suffix, NULL);
}

/* Until the author picks a place, the export goes to Documents, named
 * after the course (or module, or lesson) and the format.
 */
static void
suggest_output (HelderExportDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const ScopeChoice *choice = selected_scope (self);
  const char *course_id = helder_course_get_id (self->course) != NULL
                          ? helder_course_get_id (self->course) : "cursus";
  g_autofree char *name = NULL;

  if (self->output_chosen)
    return;

  switch (selected_kind (self))
    {
    case KIND_HANDOUT:
      name = file_name_from_title (choice->module != NULL ? helder_module_get_title (choice->module)
                                   : helder_course_get_title (self->course), ".pdf");
      break;
    case KIND_TIPS:
      {
        g_autofree char *title = g_strdup_printf (_("%s – tips of the week"),
                                                  helder_course_get_title (self->course));

        name = file_name_from_title (title, "");
      }
      break;
    case KIND_PACKAGE:
    default:
      {
        const char *format = format_tokens[adw_combo_row_get_selected (self->format_row)];

        if (choice->scope == HELDER_EXPORT_SCOPE_MODULE)
          name = g_strdup_printf ("%s-%s.zip", helder_module_get_id (choice->module), format);
        else if (choice->scope == HELDER_EXPORT_SCOPE_LESSON)
          {
            g_autofree char *suffix = g_strdup_printf ("-%s.zip", format);

            name = file_name_from_title (lesson_title (self), suffix);
          }
        else
          name = g_strdup_printf ("%s-%s%s", course_id, format,
                                  choice->scope == HELDER_EXPORT_SCOPE_COURSE ? ".zip" : "");
      }
      break;
    }

  g_clear_object (&self->output);
  self->output = g_file_new_build_filename (documents != NULL ? documents : g_get_home_dir (),
                                            name, NULL);
  update_output_row (self);
}

static void
problem_activated_cb (HelderExportDialog *self,
                      GtkListBoxRow      *row)
{
  HelderDiagnostic *diagnostic = g_object_get_data (G_OBJECT (row), "helder-diagnostic");

  if (diagnostic == NULL)
    return;
  g_signal_emit (self, signals[GO_TO], 0, diagnostic);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The errors that stop this export: the course check's for a package,
 * the tips' own when they stopped the tips; a handout prints the course
 * as it is, as helder-cli does.
 */
static void
list_errors (HelderExportDialog *self)
{
  GPtrArray *diagnostics = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  switch (selected_kind (self))
    {
    case KIND_PACKAGE:
      diagnostics = self->findings;
      break;
    case KIND_TIPS:
      diagnostics = self->tip_problems;
      break;
    case KIND_HANDOUT:
    default:
      break;
    }

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;
      gboolean in_page;
      GtkWidget *row;

      if (d->severity != HELDER_SEVERITY_ERROR)
        continue;

      row = adw_action_row_new ();
      title = g_markup_escape_text (d->message, -1);
      place = d->line > 0 ? g_strdup_printf ("%s:%u", d->file, d->line) : g_strdup (d->file);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);

      /* The editor shows pages; a finding elsewhere (tips) only says where. */
      in_page = helder_course_find_page (self->course, d->file) != NULL;
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), in_page);
      if (in_page)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (row, _("Go to this place in the page"));
          g_object_set_data_full (G_OBJECT (row), "helder-diagnostic", helder_diagnostic_ref (d),
                                  (GDestroyNotify) helder_diagnostic_unref);
        }
      gtk_list_box_append (self->problems_list, row);

      /* A long list helps nobody; the findings pane has them all. */
      if (++shown == 30)
        break;
    }

  gtk_widget_set_visible (self->problems_group, shown > 0);
}

/* The minutes of the ticked pages, and whether they make a short lesson:
 * the time-budget check the export applies (a lesson is planned at 10
 * minutes), shown live.
 */
static void
update_lesson (HelderExportDialog *self)
{
  g_autoptr(GPtrArray) pages = chosen_pages (self);
  g_autoptr(HelderModule) lesson = NULL;
  g_autoptr(GPtrArray) budget =
    g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  const char *verdict;
  double minutes;
  guint n = pages->len - 1;

  update_export_button (self);
  if (n == 0)
    {
      gtk_label_set_text (self->lesson_time,
                          _("Tick the pages of the lesson. A short lesson takes about 10 minutes."));
      return;
    }

  /* A page that left the course since the list was made counts for nothing. */
  lesson = helder_course_dup_lesson (self->course, _("Lesson"), (const char * const *) pages->pdata,
                                     NULL);
  if (lesson == NULL)
    return;
  helder_a11y_check_time_budget (self->course, lesson, budget);
  minutes = helder_a11y_estimate_minutes (self->course, lesson);

  time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page, about %.0f minutes.",
                                       "%u pages, about %.0f minutes.", n),
                          n, minutes);
  verdict = budget->len == 0
            ? _("That fits a short lesson of about 10 minutes.")
            : minutes > helder_module_get_minutes (lesson)
            ? _("That is too long for a short lesson of about 10 minutes: leave out a page.")
            : _("That is too short for a short lesson of about 10 minutes: add a page.");
  text = g_strconcat (time, "\n", verdict, NULL);
  gtk_label_set_text (self->lesson_time, text);
}

static void
page_toggled_cb (HelderExportDialog *self)
{
  update_lesson (self);
}

/* The scope list fits the kind: packages have the lesson, a handout is of
 * the course or one module, the tips are the course's.
 */
static void
update_scopes (HelderExportDialog *self)
{
  Kind kind = selected_kind (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  ScopeChoice choice = { 0 };

  if (self->scopes->len > 0 && kind == self->scopes_kind)
    return;
  self->scopes_kind = kind;
  g_array_set_size (self->scopes, 0);

  if (kind == KIND_PACKAGE)
    {
      gtk_string_list_append (labels, _("One package per module"));
      choice.scope = HELDER_EXPORT_SCOPE_EACH_MODULE;
      g_array_append_val (self->scopes, choice);
      gtk_string_list_append (labels, _("One package for the whole course"));
      choice.scope = HELDER_EXPORT_SCOPE_COURSE;
      g_array_append_val (self->scopes, choice);
      gtk_string_list_append (labels, _("A short lesson of pages you choose"));
      choice.scope = HELDER_EXPORT_SCOPE_LESSON;
      g_array_append_val (self->scopes, choice);
    }
  else
    {
      gtk_string_list_append (labels, _("The whole course"));
      choice.scope = HELDER_EXPORT_SCOPE_COURSE;
      g_array_append_val (self->scopes, choice);
    }
  for (guint i = 0; i < helder_course_get_n_modules (self->course); i++)
    {
      HelderModule *module = helder_course_get_module (self->course, i);
      g_autofree char *only = g_strdup_printf (_("Only “%s”"), helder_module_get_title (module));

      gtk_string_list_append (labels, only);
      choice.scope = HELDER_EXPORT_SCOPE_MODULE;
      choice.module = module;
      g_array_append_val (self->scopes, choice);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row),
                                 kind == KIND_PACKAGE ? _("Packages") : _("Contents"));
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->scope_row, 0);
}

/* Shows the rows the chosen format and scope need. */
static void
update_rows (HelderExportDialog *self)
{
  Kind kind = selected_kind (self);
  static const char * const descriptions[] = {
    [KIND_PACKAGE] = N_("Upload the package to the learning management system, as you did with "
                        "a Rise export."),
    [KIND_HANDOUT] = N_("A document to print or to read offline, with a table of contents and "
                        "page numbers."),
    [KIND_TIPS] = N_("A tip for every week: a news feed for the intranet, an e-mail for each tip "
                     "and a slide for each tip for the screens in the building."),
  };

  update_scopes (self);
  adw_preferences_group_set_description (self->format_group, _(descriptions[kind]));
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), kind != KIND_TIPS);
  gtk_widget_set_visible (self->questions_row, kind == KIND_HANDOUT);
  gtk_widget_set_visible (self->lesson_group, is_lesson (self));
  suggest_output (self);
  list_errors (self);
  if (is_lesson (self))
    update_lesson (self);
  else
    update_export_button (self);
}

static void
scope_changed_cb (HelderExportDialog *self)
{
  update_rows (self);
}

static void
format_changed_cb (HelderExportDialog *self)
{
  /* A file chosen for one kind is no place for another. */
  if (self->output_chosen && selected_kind (self) != self->scopes_kind)
    self->output_chosen = FALSE;
  update_rows (self);
}

static void
lesson_title_changed_cb (HelderExportDialog *self)
{
  suggest_output (self);
  update_export_button (self);
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
      g_autoptr(GFile) folder = g_file_get_parent (self->output);

      chooser = gtk_file_chooser_native_new (selected_kind (self) == KIND_HANDOUT
                                               ? _("Save the Handout") : _("Save the Package"),
                                             GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Save"), _("_Cancel"));
      if (folder != NULL && g_file_query_exists (folder, NULL))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    chooser = gtk_file_chooser_native_new (selected_kind (self) == KIND_TIPS
                                             ? _("Choose a Folder for the Tips")
                                             : _("Choose a Folder for the Packages"),
                                           GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                           _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), !busy);
  gtk_widget_set_sensitive (self->questions_row, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->output_row), !busy);
  gtk_widget_set_sensitive (self->lesson_group, !busy);
  update_export_button (self);
}

/* What was written and where, in the author's words. */
static char *
describe_export (HelderExportDialog *self,
                 guint               n,
                 gboolean            drafted)
{
  g_autofree char *name = g_file_get_basename (self->output);

  switch (selected_kind (self))
    {
    case KIND_HANDOUT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Saved the handout “%s”, %u page",
                                           "Saved the handout “%s”, %u pages", n),
                              name, n);
    case KIND_TIPS:
      {
        g_autofree char *written =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u tip to the folder “%s”",
                                        "Wrote %u tips to the folder “%s”", n),
                           n, name);

        if (!drafted)
          return g_steal_pointer (&written);
        return g_strdup_printf (_("%s. The course has no tips of its own yet, so they were "
                                  "drafted from the “Wat kun jij doen?” callouts: edit the draft "
                                  "in that folder and add it to the course."), written);
      }
    case KIND_PACKAGE:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u package",
                                           "Exported %u packages", n),
                              n);
    }
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HelderExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *message = NULL;
  guint n = helder_export_finish (result, &problems, &error);

  set_busy (self, FALSE);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (selected_kind (self) == KIND_TIPS && problems != NULL)
        {
          g_clear_pointer (&self->tip_problems, g_ptr_array_unref);
          self->tip_problems = g_steal_pointer (&problems);
          list_errors (self);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  message = describe_export (self, n, helder_export_get_drafted (result));
  g_signal_emit (self, signals[EXPORTED], 0, self->output, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
helder_export_dialog_start (HelderExportDialog *self)
{
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  HelderExportOptions options = { 0 };
  const ScopeChoice *choice;

  g_return_if_fail (HELDER_IS_EXPORT_DIALOG (self));

  choice = selected_scope (self);
  output = g_file_get_path (self->output);
  options.format = selected_format (self);
  options.scope = selected_kind (self) == KIND_TIPS ? HELDER_EXPORT_SCOPE_COURSE : choice->scope;
  if (options.scope == HELDER_EXPORT_SCOPE_MODULE)
    options.module_id = helder_module_get_id (choice->module);
  if (is_lesson (self))
    {
      pages = chosen_pages (self);
      title = g_strstrip (g_strdup (lesson_title (self)));
      options.pages = (const char * const *) pages->pdata;
      options.title = title;
    }
  options.no_questions = !gtk_switch_get_active (self->questions_switch);
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

/* The lesson's page list: a row per module that opens on its pages, each
 * page a row with a check box, named by its title.
 */
static void
fill_lesson_pages (HelderExportDialog *self)
{
  for (guint i = 0; i < helder_course_get_n_modules (self->course); i++)
    {
      HelderModule *module = helder_course_get_module (self->course, i);
      g_autofree char *module_title = g_markup_escape_text (helder_module_get_title (module), -1);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), module_title);
      for (guint j = 0; j < helder_module_get_n_pages (module); j++)
        {
          HelderPage *page = helder_module_get_page (module, j);
          g_autofree char *page_title = g_markup_escape_text (helder_page_get_title (page), -1);
          g_autofree char *name = g_strconcat ("page:", helder_page_get_file (page), NULL);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          gtk_widget_set_name (check, name);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          helder_page_get_title (page), -1);
          g_object_set_data_full (G_OBJECT (check), "helder-page-file",
                                  g_strdup (helder_page_get_file (page)), g_free);
          g_signal_connect_object (check, "toggled", G_CALLBACK (page_toggled_cb), self,
                                   G_CONNECT_SWAPPED);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), page_title);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_ptr_array_add (self->page_checks, check);
        }
      gtk_list_box_append (self->lesson_pages, expander);
    }
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
  g_clear_pointer (&self->tip_problems, g_ptr_array_unref);
  g_clear_pointer (&self->scopes, g_array_unref);
  g_clear_pointer (&self->page_checks, g_ptr_array_unref);
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

  /**
   * HelderExportDialog::exported:
   * @output: the file or folder written
   * @message: what was written, for the author
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE,
                                    G_TYPE_STRING);
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, HELDER_TYPE_DIAGNOSTIC);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helderapp/Helder/helder-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, format_group);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, questions_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, questions_switch);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, lesson_group);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, lesson_title_row);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, lesson_pages);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, lesson_time);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, force_switch);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HelderExportDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, lesson_title_changed_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
helder_export_dialog_init (HelderExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scopes = g_array_new (FALSE, TRUE, sizeof (ScopeChoice));
  self->page_checks = g_ptr_array_new ();
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

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);

  self = g_object_new (HELDER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->course = g_object_ref (course);
  fill_lesson_pages (self);

  if (findings != NULL)
    self->findings = g_ptr_array_ref (findings);
  else
    {
      self->check_cancellable = g_cancellable_new ();
      helder_checks_run_course_async (course, NULL, NULL, self->check_cancellable,
                                      course_checked_cb, g_object_ref (self));
    }
  update_rows (self);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scope_row, "notify::selected", G_CALLBACK (scope_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->format_row));

  return self;
}
