/* helder-preferences.c
 *
 * The user's own settings, kept in GSettings: who you are in reviews and
 * how Helder looks. What the checks demand (thresholds, spelling, the
 * course dictionary) is the course's business and lives in the course, so
 * the whole team sees the same findings: the Checks group leads there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-preferences.h"
#include "helder-review.h"
#include "helder-window.h"

struct _HelderPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  GtkWidget           *checks_row;
};

G_DEFINE_FINAL_TYPE (HelderPreferences, helder_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const styles[] = { "system", "light", "dark" };

static void
role_selected_cb (AdwComboRow       *row,
                  GParamSpec        *pspec,
                  HelderPreferences *self)
{
  g_settings_set_string (self->settings, "reviewer-role",
                         helder_review_role_to_string (adw_combo_row_get_selected (row)));
}

static void
style_selected_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   HelderPreferences *self)
{
  g_settings_set_string (self->settings, "style", styles[adw_combo_row_get_selected (row)]);
}

static void
course_checks_activated_cb (HelderPreferences *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  gtk_window_destroy (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.course-settings", "s", "checks");
}

static void
helder_preferences_dispose (GObject *object)
{
  g_clear_object (&HELDER_PREFERENCES (object)->settings);

  G_OBJECT_CLASS (helder_preferences_parent_class)->dispose (object);
}

static void
helder_preferences_class_init (HelderPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = helder_preferences_dispose;
}

static void
helder_preferences_init (HelderPreferences *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *reviewer = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *appearance = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *checks = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) style_names = gtk_string_list_new (NULL);
  g_autofree char *role = NULL;
  g_autofree char *style = NULL;
  HelderReviewRole current;
  GtkWidget *name;
  GtkWidget *role_row;
  GtkWidget *style_row;

  self->settings = g_settings_new (APP_ID);

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  adw_preferences_group_set_title (reviewer, _("You in Reviews"));
  adw_preferences_group_set_description (reviewer,
                                         _("Written with your comments and approvals, so the "
                                           "team knows who said what."));
  name = adw_entry_row_new ();
  gtk_widget_set_name (name, "reviewer-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  g_settings_bind (self->settings, "reviewer-name", name, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (reviewer, name);

  for (guint i = 0; i < HELDER_N_REVIEW_ROLES; i++)
    gtk_string_list_append (roles, helder_review_role_to_label (i));
  role_row = adw_combo_row_new ();
  gtk_widget_set_name (role_row, "reviewer-role");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role_row), G_LIST_MODEL (roles));
  role = g_settings_get_string (self->settings, "reviewer-role");
  if (helder_review_role_from_string (role, &current))
    adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), current);
  g_signal_connect_object (role_row, "notify::selected", G_CALLBACK (role_selected_cb), self, 0);
  adw_preferences_group_add (reviewer, role_row);

  adw_preferences_group_set_title (appearance, _("Appearance"));
  gtk_string_list_append (style_names, _("Follow the system"));
  gtk_string_list_append (style_names, _("Light"));
  gtk_string_list_append (style_names, _("Dark"));
  style_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (style_row), _("Style"));
  adw_combo_row_set_model (ADW_COMBO_ROW (style_row), G_LIST_MODEL (style_names));
  style = g_settings_get_string (self->settings, "style");
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style, styles[i]))
      adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), i);
  g_signal_connect_object (style_row, "notify::selected", G_CALLBACK (style_selected_cb), self, 0);
  adw_preferences_group_add (appearance, style_row);

  adw_preferences_group_set_title (checks, _("Checks"));
  self->checks_row = adw_action_row_new ();
  gtk_widget_set_name (self->checks_row, "course-checks");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->checks_row),
                                 _("Thresholds, Spelling and Course Dictionary"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->checks_row),
                               _("Kept in the open course, so everyone on the team finds the "
                                 "same"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->checks_row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->checks_row), TRUE);
  g_signal_connect_object (self->checks_row, "activated",
                           G_CALLBACK (course_checks_activated_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (checks, self->checks_row);

  adw_preferences_page_add (page, reviewer);
  adw_preferences_page_add (page, checks);
  adw_preferences_page_add (page, appearance);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

HelderPreferences *
helder_preferences_new (GtkWindow *parent)
{
  HelderPreferences *self = g_object_new (HELDER_TYPE_PREFERENCES,
                                          "transient-for", parent,
                                          "modal", TRUE,
                                          "title", _("Preferences"),
                                          "search-enabled", FALSE,
                                          NULL);

  /* The checks are a course's: without an open course there are none. */
  if (!HELDER_IS_WINDOW (parent) || helder_window_get_course (HELDER_WINDOW (parent)) == NULL)
    {
      gtk_widget_set_sensitive (self->checks_row, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->checks_row),
                                   _("Open a course to change them"));
    }

  return self;
}
