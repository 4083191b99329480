/* helder-course-settings.c
 *
 * The course's own settings: title, language, theme and module colours
 * (with their contrast as you type), tracking and pass mark, module
 * titles and minutes, the thresholds of the checks and the course's own
 * dictionary. Changes go into course.json and module.json as unsaved
 * changes, saved with the course; the dictionary (words.txt) is written
 * at once, as "Add to Course Dictionary" in the editor does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-course-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "helder-contrast.h"
#include "helder-course-settings.h"
#include "helder-language-rules.h"

struct _HelderCourseSettings
{
  AdwPreferencesWindow parent_instance;

  HelderCourse        *course;
  GtkWidget           *theme_rows[3];
  HelderCheckSettings checks;
  AdwPreferencesGroup *dictionary;
};

G_DEFINE_FINAL_TYPE (HelderCourseSettings, helder_course_settings, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const theme_members[] = { "accent", "text", "background" };

static JsonObject *
course_root (HelderCourseSettings *self)
{
  return helder_json_document_get_root (helder_course_get_document (self->course));
}

static const char *
theme_colour (HelderCourseSettings *self,
              guint                 i)
{
  JsonObject *theme = json_object_get_object_member (course_root (self), "theme");
  const char *value = theme != NULL
                        ? json_object_get_string_member_with_default (theme, theme_members[i], NULL)
                        : NULL;

  return value != NULL ? value : helder_course_get_default_theme_colour (theme_members[i]);
}

/* "7.2:1, passes AA" next to a colour: against the course's background,
 * or the background against the text colour.
 */
static void
show_contrast (GtkWidget  *row,
               const char *foreground,
               const char *background)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "helder-contrast");
  HelderColour fg;
  HelderColour bg;
  g_autofree char *text = NULL;
  double ratio;
  double needed = helder_contrast_required (HELDER_CONTRAST_TEXT, HELDER_CONTRAST_AA);

  if (!helder_colour_parse (foreground, &fg, NULL) || !helder_colour_parse (background, &bg, NULL))
    {
      gtk_label_set_text (label, _("not a colour"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      return;
    }

  ratio = helder_contrast_ratio (&fg, &bg);
  /* Cut, not rounded, so 4.499 never shows as a pass. */
  text = ratio >= needed
           ? g_strdup_printf (_("%.2f:1, passes AA"), ((int) (ratio * 100)) / 100.0)
           : g_strdup_printf (_("%.2f:1, below %.1f:1"), ((int) (ratio * 100)) / 100.0, needed);
  gtk_label_set_text (label, text);
  if (ratio >= needed)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

static void
update_theme_contrast (HelderCourseSettings *self)
{
  /* accent and text are read on the background; the background row
   * shows the body text on it.
   */
  show_contrast (self->theme_rows[0], theme_colour (self, 0), theme_colour (self, 2));
  show_contrast (self->theme_rows[1], theme_colour (self, 1), theme_colour (self, 2));
  show_contrast (self->theme_rows[2], theme_colour (self, 1), theme_colour (self, 2));
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");

  return row;
}

static void
add_contrast_label (GtkWidget *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "helder-contrast", label);
}

static void
mark_valid (GtkWidget *row,
            gboolean   valid)
{
  if (valid)
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
}

static void
title_changed_cb (GtkEditable          *row,
                  HelderCourseSettings *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  mark_valid (GTK_WIDGET (row), title[0] != '\0');
  if (title[0] != '\0')
    helder_course_set_title (self->course, title);
}

static void
description_changed_cb (GtkEditable          *row,
                        HelderCourseSettings *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  helder_json_document_set_string (helder_course_get_document (self->course), course_root (self),
                                   "description", text[0] != '\0' ? text : NULL);
}

static void
language_changed_cb (GtkEditable          *row,
                     HelderCourseSettings *self)
{
  const char *text = gtk_editable_get_text (row);
  gboolean valid = helder_course_is_language_tag (text);

  mark_valid (GTK_WIDGET (row), valid);
  if (valid)
    helder_json_document_set_string (helder_course_get_document (self->course), course_root (self),
                                     "language", text);
}

static void
theme_changed_cb (GtkEditable          *row,
                  HelderCourseSettings *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "helder-index"));
  const char *text = gtk_editable_get_text (row);
  gboolean valid = helder_colour_parse (text, NULL, NULL);

  mark_valid (GTK_WIDGET (row), valid);
  if (valid)
    {
      HelderJsonDocument *doc = helder_course_get_document (self->course);
      JsonObject *theme = helder_json_document_ensure_object (doc, course_root (self), "theme");

      helder_json_document_set_string (doc, theme, theme_members[i], text);
    }
  update_theme_contrast (self);
}

static GtkWidget *
combo_row (const char         *title,
           const char * const *values,
           const char * const *labels,
           const char         *current)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new (NULL);

  /* The choices in words; course.json gets the value of the one chosen. */
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (model, _(labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_unref (model);
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], current) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_object_set_data (G_OBJECT (row), "helder-values", (gpointer) values);

  return row;
}

static void
tracking_combo_changed_cb (AdwComboRow          *row,
                           GParamSpec           *pspec,
                           HelderCourseSettings *self)
{
  HelderJsonDocument *doc = helder_course_get_document (self->course);
  JsonObject *tracking = helder_json_document_ensure_object (doc, course_root (self), "tracking");
  const char * const *values = g_object_get_data (G_OBJECT (row), "helder-values");

  helder_json_document_set_string (doc, tracking, g_object_get_data (G_OBJECT (row), "helder-key"),
                                   values[adw_combo_row_get_selected (row)]);
}

static GtkWidget *
spin_row (const char *title,
          const char *subtitle,
          double      min,
          double      max,
          double      value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* The row's title names the spin button (labelled-by, as its
   * activatable widget): a label of its own would make Orca say it twice.
   */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (row), "helder-spin", spin);

  return row;
}

static void
tracking_spin_changed_cb (GtkSpinButton        *spin,
                          HelderCourseSettings *self)
{
  HelderJsonDocument *doc = helder_course_get_document (self->course);
  JsonObject *tracking = helder_json_document_ensure_object (doc, course_root (self), "tracking");

  helder_json_document_set_int (doc, tracking, g_object_get_data (G_OBJECT (spin), "helder-key"),
                                gtk_spin_button_get_value_as_int (spin));
}

static gint64
tracking_int (HelderCourseSettings *self,
              const char           *member,
              gint64                fallback)
{
  JsonObject *tracking = json_object_get_object_member (course_root (self), "tracking");

  return tracking != NULL ? json_object_get_int_member_with_default (tracking, member, fallback)
                          : fallback;
}

static const char *
tracking_string (HelderCourseSettings *self,
                 const char           *member,
                 const char           *fallback)
{
  JsonObject *tracking = json_object_get_object_member (course_root (self), "tracking");

  return tracking != NULL ? json_object_get_string_member_with_default (tracking, member, fallback)
                          : fallback;
}

static AdwPreferencesPage *
build_course_page (HelderCourseSettings *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *course = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *theme = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *tracking = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  static const char * const completions[] = { "pages", "test", NULL };
  static const char * const completion_labels[] = {
    N_("Enough pages are seen"), N_("The post-test is passed"),
  };
  static const char * const reportings[] = {
    "passed-incomplete", "completed-incomplete", "passed-failed", "completed-failed", NULL
  };
  /* As Rise names the same reporting modes. */
  static const char * const reporting_labels[] = {
    N_("Passed / Incomplete"), N_("Completed / Incomplete"), N_("Passed / Failed"),
    N_("Completed / Failed"),
  };
  const char * const theme_titles[] = { N_("Accent colour"), N_("Text colour"),
                                        N_("Background colour") };
  GtkWidget *row;

  adw_preferences_page_set_title (page, _("Course"));
  adw_preferences_page_set_icon_name (page, "emblem-documents-symbolic");

  row = entry_row (_("Title"), helder_course_get_title (self->course));
  gtk_widget_set_name (row, "course-title");
  g_signal_connect_object (row, "changed", G_CALLBACK (title_changed_cb), self, 0);
  adw_preferences_group_add (course, row);
  row = entry_row (_("Description"), helder_course_get_description (self->course));
  g_signal_connect_object (row, "changed", G_CALLBACK (description_changed_cb), self, 0);
  adw_preferences_group_add (course, row);
  row = entry_row (_("Language (for example nl)"), helder_course_get_language (self->course));
  g_signal_connect_object (row, "changed", G_CALLBACK (language_changed_cb), self, 0);
  adw_preferences_group_add (course, row);
  adw_preferences_page_add (page, course);

  adw_preferences_group_set_title (theme, _("Theme"));
  adw_preferences_group_set_description (theme,
                                         _("Colours of the learner player: #rrggbb, #rgb, "
                                           "rgb(r, g, b) or a colour name. Text needs a contrast "
                                           "of at least 4.5:1 (WCAG 2.2 AA)."));
  for (guint i = 0; i < G_N_ELEMENTS (theme_members); i++)
    {
      g_autofree char *name = g_strconcat ("theme-", theme_members[i], NULL);

      row = entry_row (_(theme_titles[i]), theme_colour (self, i));
      gtk_widget_set_name (row, name);
      add_contrast_label (row);
      g_object_set_data (G_OBJECT (row), "helder-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "changed", G_CALLBACK (theme_changed_cb), self, 0);
      adw_preferences_group_add (theme, row);
      self->theme_rows[i] = row;
    }
  adw_preferences_page_add (page, theme);

  adw_preferences_group_set_title (tracking, _("Tracking in the LMS"));
  row = combo_row (_("Complete when"), completions, completion_labels,
                   tracking_string (self, "completion", "pages"));
  gtk_widget_set_name (row, "tracking-completion");
  g_object_set_data (G_OBJECT (row), "helder-key", (gpointer) "completion");
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (tracking_combo_changed_cb), self, 0);
  adw_preferences_group_add (tracking, row);

  row = spin_row (_("Pages to see (%)"), NULL, 1, 100, tracking_int (self, "pages_percent", 100));
  g_object_set_data (g_object_get_data (G_OBJECT (row), "helder-spin"), "helder-key",
                     (gpointer) "pages_percent");
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "helder-spin"), "value-changed",
                           G_CALLBACK (tracking_spin_changed_cb), self, 0);
  adw_preferences_group_add (tracking, row);

  row = spin_row (_("Pass mark (%)"), _("Right answers needed to pass the post-test"), 0, 100,
                  tracking_int (self, "pass_mark", 70));
  gtk_widget_set_name (g_object_get_data (G_OBJECT (row), "helder-spin"), "pass-mark");
  g_object_set_data (g_object_get_data (G_OBJECT (row), "helder-spin"), "helder-key",
                     (gpointer) "pass_mark");
  g_signal_connect_object (g_object_get_data (G_OBJECT (row), "helder-spin"), "value-changed",
                           G_CALLBACK (tracking_spin_changed_cb), self, 0);
  adw_preferences_group_add (tracking, row);

  row = combo_row (_("Report to the LMS"), reportings, reporting_labels,
                   tracking_string (self, "reporting", "completed-incomplete"));
  gtk_widget_set_name (row, "tracking-reporting");
  g_object_set_data (G_OBJECT (row), "helder-key", (gpointer) "reporting");
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (tracking_combo_changed_cb), self, 0);
  adw_preferences_group_add (tracking, row);
  adw_preferences_page_add (page, tracking);

  update_theme_contrast (self);

  return page;
}

static void
module_title_changed_cb (GtkEditable *row,
                         gpointer     user_data)
{
  HelderModule *module = g_object_get_data (G_OBJECT (row), "helder-module");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  mark_valid (GTK_WIDGET (row), title[0] != '\0');
  if (title[0] != '\0')
    helder_module_set_title (module, title);
}

static void
module_colour_changed_cb (GtkEditable          *row,
                          HelderCourseSettings *self)
{
  HelderModule *module = g_object_get_data (G_OBJECT (row), "helder-module");
  const char *text = gtk_editable_get_text (row);
  gboolean valid = text[0] == '\0' || helder_module_set_colour (module, text);

  if (text[0] == '\0')
    helder_module_set_colour (module, NULL);
  mark_valid (GTK_WIDGET (row), valid);
  /* The module colour is the player's accent for that module. */
  show_contrast (GTK_WIDGET (row), text[0] != '\0' ? text : theme_colour (self, 0),
                 theme_colour (self, 2));
}

static void
module_minutes_changed_cb (GtkSpinButton *spin,
                           gpointer       user_data)
{
  helder_module_set_minutes (g_object_get_data (G_OBJECT (spin), "helder-module"),
                             gtk_spin_button_get_value_as_int (spin));
}

static AdwPreferencesPage *
build_modules_page (HelderCourseSettings *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  adw_preferences_page_set_title (page, _("Modules"));
  adw_preferences_page_set_icon_name (page, "view-list-symbolic");

  for (guint m = 0; m < helder_course_get_n_modules (self->course); m++)
    {
      HelderModule *module = helder_course_get_module (self->course, m);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *row;
      GtkWidget *spin;

      adw_preferences_group_set_title (group, helder_module_get_id (module));

      row = entry_row (_("Title"), helder_module_get_title (module));
      g_object_set_data_full (G_OBJECT (row), "helder-module", g_object_ref (module), g_object_unref);
      g_signal_connect (row, "changed", G_CALLBACK (module_title_changed_cb), NULL);
      adw_preferences_group_add (group, row);

      row = entry_row (_("Colour"), helder_module_get_colour (module));
      add_contrast_label (row);
      g_object_set_data_full (G_OBJECT (row), "helder-module", g_object_ref (module), g_object_unref);
      g_signal_connect_object (row, "changed", G_CALLBACK (module_colour_changed_cb), self, 0);
      module_colour_changed_cb (GTK_EDITABLE (row), self);
      adw_preferences_group_add (group, row);

      row = spin_row (_("Planned minutes"), NULL, 1, 600,
                      MAX (helder_module_get_minutes (module), 1));
      spin = g_object_get_data (G_OBJECT (row), "helder-spin");
      g_object_set_data_full (G_OBJECT (spin), "helder-module", g_object_ref (module),
                              g_object_unref);
      g_signal_connect (spin, "value-changed", G_CALLBACK (module_minutes_changed_cb), NULL);
      adw_preferences_group_add (group, row);

      adw_preferences_page_add (page, group);
    }

  return page;
}

/* --- checks --- */

/* The rows of the thresholds, in the order of HelderCheckThreshold; their
 * ranges come from the core, which checks course.json against them.
 */
static const struct
{
  const char *name;
  const char *title;
  const char *subtitle;
} threshold_rows[] = {
  [HELDER_CHECK_SENTENCE_WARNING_WORDS] = { "sentence-warning-words",
    N_("Words in a Sentence for a Warning"), N_("A longer sentence is underlined as a warning") },
  [HELDER_CHECK_SENTENCE_ERROR_WORDS] = { "sentence-error-words",
    N_("Words in a Sentence for an Error"),
    N_("A longer sentence is an error that blocks the export") },
  [HELDER_CHECK_PAGE_AVERAGE_WORDS] = { "page-average-words",
    N_("Average Words per Sentence on a Page"), N_("A page with a higher average gets a hint") },
  [HELDER_CHECK_LONG_WORD_SYLLABLES] = { "long-word-syllables",
    N_("Syllables in a Long Word"),
    N_("A word with more syllables gets a hint, unless readers know it well") },
  [HELDER_CHECK_LONG_COMPOUND_SYLLABLES] = { "long-compound-syllables",
    N_("Syllables in a Long Compound"),
    N_("A compound of short, familiar words gets a hint only above this") },
  [HELDER_CHECK_LONGEST_ANSWER_PERCENT] = { "longest-answer-percent",
    N_("Questions Whose Right Answer Is the Longest (Percent)"),
    N_("Above this share, learners can guess by length: a warning") },
  [HELDER_CHECK_NEAR_COPY_PERCENT] = { "near-copy-percent",
    N_("Shared Words of a Pre-Test and Post-Test Question (Percent)"),
    N_("Questions that share more are near copies: a warning") },
  [HELDER_CHECK_GOAL_MIN_ITEMS] = { "goal-min-items",
    N_("Questions per Learning Goal in Each Test"),
    N_("Fewer questions cannot show knowledge growth well: a warning") },
  [HELDER_CHECK_FACTS_VALID_DAYS] = { "facts-valid-days",
    N_("Days a Fact Check Stays Valid"),
    N_("A page whose sources were checked longer ago gets a warning") },
};

/* The thresholds from here on are those of the tests and the dated facts. */
#define FIRST_TEST_THRESHOLD HELDER_CHECK_LONGEST_ANSWER_PERCENT

G_STATIC_ASSERT (G_N_ELEMENTS (threshold_rows) == HELDER_N_CHECK_THRESHOLDS);

static void
write_checks (HelderCourseSettings *self)
{
  helder_check_settings_write (&self->checks, helder_course_get_document (self->course));
}

static void
threshold_changed_cb (GtkSpinButton        *spin,
                      HelderCourseSettings *self)
{
  HelderCheckThreshold threshold =
    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "helder-threshold"));

  helder_check_settings_set_threshold (&self->checks, threshold,
                                          gtk_spin_button_get_value_as_int (spin));
  write_checks (self);
}

static void
spelling_changed_cb (GtkSwitch            *toggle,
                     GParamSpec           *pspec,
                     HelderCourseSettings *self)
{
  self->checks.spelling = gtk_switch_get_active (toggle);
  write_checks (self);
}

static void add_word_row (HelderCourseSettings *self,
                          const char           *word);

static void
remove_word_cb (GtkButton            *button,
                HelderCourseSettings *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  g_autoptr(GError) error = NULL;

  if (!helder_course_remove_word (self->course,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  adw_preferences_group_remove (self->dictionary, row);
}

static void
add_word_row (HelderCourseSettings *self,
              const char           *word)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove “%s” from the Course Dictionary"), word);
  g_autofree char *name = NULL;

  /* A word is shown as it is, not as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), word);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (remove, "flat");
  name = g_strconcat ("remove-word-", word, NULL);
  gtk_widget_set_name (remove, name);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_word_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (self->dictionary, row);
}

static void
new_word_applied_cb (AdwEntryRow          *entry,
                     HelderCourseSettings *self)
{
  g_autofree char *word = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gboolean known;
  g_autoptr(GError) error = NULL;

  if (word[0] == '\0')
    return;

  known = g_strv_contains (helder_course_get_words (self->course), word);
  if (!helder_course_add_word (self->course, word, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  if (!known)
    add_word_row (self, word);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static AdwPreferencesPage *
build_checks_page (HelderCourseSettings *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *language = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *spelling = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *tests = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char * const *words = helder_course_get_words (self->course);
  GtkWidget *row;
  GtkWidget *toggle;
  GtkWidget *entry;

  /* Values out of range in course.json show as their defaults here; the
   * course's findings say what was wrong.
   */
  helder_check_settings_read (&self->checks, helder_course_get_document (self->course), NULL);

  adw_preferences_page_set_name (page, "checks");
  adw_preferences_page_set_title (page, _("Checks"));
  adw_preferences_page_set_icon_name (page, "emblem-ok-symbolic");

  adw_preferences_group_set_title (language, _("Plain Language"));
  adw_preferences_group_set_description (language,
                                         _("Saved in the course, so everyone on the team, and "
                                           "the checks before an export, find the same. B1 asks "
                                           "for sentences of at most 15 words and an average of "
                                           "at most 12."));
  for (guint i = 0; i < HELDER_N_CHECK_THRESHOLDS; i++)
    {
      GtkWidget *spin;
      guint min;
      guint max;

      helder_check_threshold_get_range (i, &min, &max);
      row = spin_row (_(threshold_rows[i].title), _(threshold_rows[i].subtitle), min, max,
                      helder_check_settings_get_threshold (&self->checks, i));
      spin = g_object_get_data (G_OBJECT (row), "helder-spin");
      gtk_widget_set_name (spin, threshold_rows[i].name);
      g_object_set_data (G_OBJECT (spin), "helder-threshold", GUINT_TO_POINTER (i));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (threshold_changed_cb), self, 0);
      adw_preferences_group_add (i < FIRST_TEST_THRESHOLD ? language : tests, row);
    }
  adw_preferences_page_add (page, language);

  adw_preferences_group_set_title (tests, _("Tests and Facts"));
  adw_preferences_group_set_description (tests,
                                         _("How strict the checks of the pre-test, the post-test "
                                           "and the dates of facts are."));
  adw_preferences_page_add (page, tests);

  adw_preferences_group_set_title (spelling, _("Spelling"));
  adw_preferences_group_set_description (spelling,
                                         _("Words are checked with the Dutch dictionary of the "
                                           "system (hunspell), then with the course dictionary "
                                           "below."));
  row = adw_action_row_new ();
  toggle = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Check Spelling"));
  gtk_switch_set_active (GTK_SWITCH (toggle), self->checks.spelling);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_name (toggle, "check-spelling");
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (spelling_changed_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (spelling, row);
  adw_preferences_page_add (page, spelling);

  self->dictionary = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->dictionary, _("Course Dictionary"));
  adw_preferences_group_set_description (self->dictionary,
                                         _("Names and terms of this course that are spelt "
                                           "right, kept in words.txt."));
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add a Word"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_widget_set_name (entry, "new-word");
  g_signal_connect_object (entry, "apply", G_CALLBACK (new_word_applied_cb), self, 0);
  adw_preferences_group_add (self->dictionary, entry);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    add_word_row (self, words[i]);
  adw_preferences_page_add (page, self->dictionary);

  return page;
}

static void
helder_course_settings_dispose (GObject *object)
{
  HelderCourseSettings *self = (HelderCourseSettings *) object;

  g_clear_object (&self->course);

  G_OBJECT_CLASS (helder_course_settings_parent_class)->dispose (object);
}

static void
helder_course_settings_class_init (HelderCourseSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = helder_course_settings_dispose;
}

static void
helder_course_settings_init (HelderCourseSettings *self)
{
}

HelderCourseSettings *
helder_course_settings_new (GtkWindow    *parent,
                            HelderCourse *course)
{
  HelderCourseSettings *self;

  g_return_val_if_fail (HELDER_IS_COURSE (course), NULL);
  g_return_val_if_fail (helder_course_get_document (course) != NULL, NULL);

  self = g_object_new (HELDER_TYPE_COURSE_SETTINGS,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Course Settings"),
                       "search-enabled", FALSE,
                       NULL);
  self->course = g_object_ref (course);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), build_course_page (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), build_modules_page (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), build_checks_page (self));

  return self;
}
