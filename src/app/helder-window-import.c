/* helder-window-import.c
 *
 * Import from Rise…: a Rise 360 export becomes a new course folder (the
 * core does the work in a thread), which then opens, with the import
 * report one click away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "helder-rise-import.h"
#include "helder-window-private.h"

#define PACKAGE_KEY "helder-import-package"

typedef struct
{
  HelderWindow *window;
  char         *destination;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->window);
  g_free (import->destination);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static void
show_import_error (HelderWindow *self,
                   const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Course Could Not Be Imported"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  HelderWindow *self = import->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderImportSummary) summary = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) report = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-rise", TRUE);
  summary = helder_rise_import_finish (result, &error);
  if (summary == NULL)
    {
      show_import_error (self, error);
      return;
    }

  folder = g_file_new_for_path (import->destination);
  helder_window_open_course (self, folder);

  report = g_file_get_child (folder, "import-report.md");
  uri = g_file_get_uri (report);
  if (summary->changed + summary->not_imported > 0)
    message = g_strdup_printf (ngettext ("Imported %u page; %u blocks need a look",
                                         "Imported %u pages; %u blocks need a look",
                                         summary->pages),
                               summary->pages, summary->changed + summary->not_imported);
  else
    message = g_strdup_printf (ngettext ("Imported %u page", "Imported %u pages", summary->pages),
                               summary->pages);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Show Report"));
  adw_toast_set_action_name (toast, "win.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
destination_chosen (HelderWindow *self,
                    GFile        *folder)
{
  const char *package = g_object_get_data (G_OBJECT (self), PACKAGE_KEY);
  g_autofree char *destination = g_file_get_path (folder);
  Import *import;

  if (package == NULL || destination == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-rise", FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Importing…")));
  import = g_new0 (Import, 1);
  import->window = g_object_ref (self);
  import->destination = g_steal_pointer (&destination);
  helder_rise_import_async (package, import->destination, NULL, imported_cb, import);
}

static void
package_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  HelderWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;

      if (path != NULL)
        {
          char *dot = strrchr (base, '.');

          if (dot != NULL && g_ascii_strcasecmp (dot, ".zip") == 0)
            *dot = '\0';
          g_object_set_data_full (G_OBJECT (self), PACKAGE_KEY, g_steal_pointer (&path), g_free);
          _helder_window_choose_folder (self, _("Save the Imported Course"), _("_Import"), base,
                                        destination_chosen);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_rise_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelderWindow *self = HELDER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import from Rise"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Rise exports (ZIP files)"));
  gtk_file_filter_add_suffix (filter, "zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (package_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_helder_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-rise", NULL, import_rise_action);
}
