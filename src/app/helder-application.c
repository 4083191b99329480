/* helder-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-application"

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <gtksourceview/gtksource.h>

#include "helder-application.h"
#include "helder-checks.h"
#include "helder-preferences.h"
#include "helder-spelling.h"
#include "helder-window.h"

struct _HelderApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  guint           terminate_source;
};

G_DEFINE_FINAL_TYPE (HelderApplication, helder_application, ADW_TYPE_APPLICATION)

HelderApplication *
helder_application_new (void)
{
  return g_object_new (HELDER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/helderapp/Helder",
                       NULL);
}

static HelderWindow *
get_or_create_window (HelderApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (helder_window_new (self));

  return HELDER_WINDOW (window);
}

static void
helder_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (HELDER_APPLICATION (app))));
}

static void
helder_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  HelderWindow *window = get_or_create_window (HELDER_APPLICATION (app));

  if (n_files > 0)
    helder_window_open_course (window, files[0]);

  gtk_window_present (GTK_WINDOW (window));
}

static int
helder_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("helder %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "The Helder developers", NULL };

  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", gtk_application_get_active_window (app),
                                   "application-name", _("Helder"),
                                   "application-icon", APP_ID,
                                   "version", PACKAGE_VERSION,
                                   "comments", _("Write, check, review and publish accessible "
                                                 "e-learning in plain Dutch"),
                                   "developer-name", _("The Helder developers"),
                                   "developers", developers,
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "website", "https://github.com/helderapp/helder",
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  /* The word frequencies the language checks ship carry their own licence
   * (data/lang/nl/README.md).
   */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Dutch word frequencies"),
                                      "OpenSubtitles 2018 (OPUS, Lison & Tiedemann 2016), "
                                      "counted by Hermit Dave's FrequencyWords",
                                      GTK_LICENSE_CUSTOM,
                                      _("Shared under the Creative Commons Attribution-"
                                        "ShareAlike 4.0 licence: "
                                        "https://creativecommons.org/licenses/by-sa/4.0/"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_window_present (GTK_WINDOW (helder_preferences_new (gtk_application_get_active_window (app))));
}

/* Light, dark, or as the system is set (the "style" setting). */
static void
style_changed_cb (HelderApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (style, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (style, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* Quit closes each window as its close button does, so a window with
 * unsaved changes asks first; the app ends with its last window.
 */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* The session (or anyone) sent SIGTERM: there is no time to ask, so the
 * unsaved changes go to the recovery file, offered back on the next start.
 */
static gboolean
terminate_cb (gpointer user_data)
{
  GApplication *app = user_data;

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HELDER_IS_WINDOW (l->data))
      helder_window_keep_unsaved (l->data);

  g_application_quit (app);

  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static gpointer
load_dictionaries_thread (gpointer data)
{
  helder_spelling_is_available ();
  return NULL;
}

static void
helder_application_startup (GApplication *app)
{
  HelderApplication *self = HELDER_APPLICATION (app);

  G_APPLICATION_CLASS (helder_application_parent_class)->startup (app);

  /* Loading the spelling dictionaries takes a while (about 150 ms): it
   * runs beside building the window, ready for the first page's check.
   */
  g_thread_unref (g_thread_new ("helder-dictionaries", load_dictionaries_thread, NULL));

  gtk_source_init ();

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  style_changed_cb (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  self->terminate_source = g_unix_signal_add (SIGTERM, terminate_cb, app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save",
                                         (const char *[]) { "<Control>s", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export",
                                         (const char *[]) { "<Shift><Control>e", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.edit-block",
                                         (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}

/* The windows are closed and their checks cancelled: the process ends
 * once the checks still running in threads, and the dictionaries being
 * loaded, are done with.
 */
static void
helder_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (helder_application_parent_class)->shutdown (app);

  helder_checks_wait_for_threads ();
  helder_spelling_is_available ();
}

static void
helder_application_dispose (GObject *object)
{
  g_clear_object (&HELDER_APPLICATION (object)->settings);
  g_clear_handle_id (&HELDER_APPLICATION (object)->terminate_source, g_source_remove);

  G_OBJECT_CLASS (helder_application_parent_class)->dispose (object);
}

static void
helder_application_class_init (HelderApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = helder_application_dispose;

  app_class->activate = helder_application_activate;
  app_class->open = helder_application_open;
  app_class->startup = helder_application_startup;
  app_class->shutdown = helder_application_shutdown;
  app_class->handle_local_options = helder_application_handle_local_options;
}

static void
helder_application_init (HelderApplication *self)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[COURSE]"));
}
