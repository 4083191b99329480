/* test-form-screenshots.c
 *
 * The block forms of the + menu and the review pane, in Dutch: what they
 * show has no English, no field name of the page syntax and no ISO date.
 * Run with LANGUAGE=nl and HELDER_LOCALEDIR=_build/po (tests/meson.build
 * does); with nl_NL.UTF-8 on the machine, dates and numbers are Dutch too
 * and checked as such. With HELDER_FORM_SCREENSHOTS=FOLDER each form is
 * saved as FOLDER/KIND-nl.png and the pane as FOLDER/review-pane-nl.png
 * (that is how docs/screenshots/forms/ is made).
 *
 * What counts as English is taken from the catalog itself (po/nl.po, read
 * through gettext as the app reads it): a source string whose Dutch
 * differs from it must never be shown, and a short list of English words
 * is checked against the catalog to be words no Dutch string uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "helder-block-dialog.h"
#include "helder-block-spec.h"
#include "helder-course-settings.h"
#include "helder-export-dialog.h"
#include "helder-findings-pane.h"
#include "helder-kpi-window.h"
#include "helder-review-pane.h"
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

/* English words a Dutch form or pane must not show; each is checked to be
 * in no Dutch string of the catalog, so none of them is also Dutch
 * ("passage", "item", "label", "best" and "kind" are).
 */
static const char * const english_words[] = {
  "the", "and", "with", "your", "you", "this", "that", "from", "for", "not", "add", "remove",
  "write", "choose", "answer", "answers", "question", "right", "wrong", "several", "true",
  "false", "image", "file", "caption", "title", "text", "front", "back", "choice", "required",
  "insert", "cancel", "apply", "edit", "reply", "resolve", "reopen", "accept", "reject",
  "suggestion", "suggested", "accepted", "rejected", "resolved", "approved", "changes", "since",
  "page", "round", "comment", "select", "show", "previous", "next", "close", "name", "role",
  "step", "steps", "panel", "card", "source", "sources", "address", "date", "checked", "goal",
  "survey", "scale", "decorative", "describe", "mark", "least", "only", "one", "two", "still",
  "needs", "what", "advanced", "line", "missing", "field", "value",
};

/* Field names of the page syntax, as a reader of the source sees them. */
static const char * const field_words[] = {
  "src", "kind", "alt", "single", "multiple", "truefalse", "likert", "decorative", "pages",
  "passed-incomplete", "completed-incomplete", "passed-failed", "completed-failed",
};

static const char * const english_months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* What the catalog says is English. */
typedef struct
{
  GPtrArray  *translated;   /* of char*: source strings whose Dutch differs */
  GPtrArray  *sources;      /* of GRegex*: those of them with a word no Dutch string has */
  GHashTable *dutch_words;  /* lower-case words of the Dutch strings */
  GHashTable *kept_words;   /* words a Dutch string keeps from its source */
} Catalog;

static Catalog catalog;

/* Only lower-case letters and digits are compared; case matters for
 * field names only.
 */
static void
add_words (GHashTable *words,
           const char *text)
{
  g_autoptr(GRegex) word = g_regex_new ("[[:alpha:]]+", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  for (g_regex_match (word, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_hash_table_add (words, g_utf8_strdown (found, -1));
    }
}

/* A regex that finds @source in a text, its conversions (%s, %u, %.1f…)
 * standing for anything and its mnemonic marks dropped; %NULL when the
 * string has no letters of its own.
 */
static GRegex *
source_regex (const char *source)
{
  g_autoptr(GRegex) conversion = g_regex_new ("%(?:[0-9]+\\$)?[-+ #0-9.]*(?:l|ll|h)?[a-zA-Z%]",
                                              0, 0, NULL);
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_auto(GStrv) parts = g_regex_split (conversion, source, 0);
  gboolean letters = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GString) part = g_string_new (parts[i]);
      g_autofree char *escaped = NULL;

      g_string_replace (part, "_", "", 0);
      for (const char *p = part->str; *p != '\0'; p = g_utf8_next_char (p))
        letters |= g_unichar_isalpha (g_utf8_get_char (p));
      escaped = g_regex_escape_string (part->str, -1);
      if (i > 0)
        g_string_append (pattern, ".*");
      g_string_append (pattern, escaped);
    }
  if (!letters)
    return NULL;

  /* Whole words only: "Tab" is no English in "Tabblad". */
  g_string_prepend (pattern, "(?<![[:alpha:]])");
  g_string_append (pattern, "(?![[:alpha:]])");
  return g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
}

static void
add_source (const char *source,
            const char *dutch)
{
  /* Month names are the locale's: checked only where it is Dutch. */
  for (guint i = 0; i < G_N_ELEMENTS (english_months); i++)
    if (g_str_equal (source, english_months[i]))
      return;
  if (source[0] != '\0' && !g_str_equal (source, dutch))
    g_ptr_array_add (catalog.translated, g_strdup (source));
}

/* A source string is English when one of its words is in no Dutch
 * string, not even as a word a translation keeps: "en" (a language's
 * code) and "Open" ("Open antwoord") are no English words.
 */
static gboolean
has_english_word (const char *source)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *word;

  add_words (words, source);
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, (gpointer *) &word, NULL))
    if (!g_hash_table_contains (catalog.dutch_words, word) &&
        !g_hash_table_contains (catalog.kept_words, word))
      return TRUE;
  return FALSE;
}

/* One entry of po/nl.po: each source string is looked up through
 * gettext, as the app looks it up.
 */
static void
add_entry (const char *context,
           const char *msgid,
           const char *plural,
           GPtrArray  *translations)
{
  /* The header (the empty source string) is no translation. */
  if (msgid == NULL || msgid[0] == '\0')
    return;

  /* Words a translation keeps from its source are the page syntax or
   * command-line options ("true of false", "--reply"), not Dutch.
   */
  {
    g_autoptr(GHashTable) source_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
    g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter iter;
    char *word;

    add_words (source_words, msgid);
    if (plural != NULL)
      add_words (source_words, plural);
    for (guint i = 0; i < translations->len; i++)
      add_words (words, g_ptr_array_index (translations, i));
    g_hash_table_iter_init (&iter, words);
    while (g_hash_table_iter_next (&iter, (gpointer *) &word, NULL))
      g_hash_table_add (g_hash_table_contains (source_words, word) ? catalog.kept_words
                                                                   : catalog.dutch_words,
                        g_strdup (word));
  }
  if (plural != NULL)
    {
      add_source (msgid, g_dngettext (GETTEXT_PACKAGE, msgid, plural, 1));
      add_source (plural, g_dngettext (GETTEXT_PACKAGE, msgid, plural, 2));
    }
  else if (context != NULL)
    add_source (msgid, g_dpgettext2 (GETTEXT_PACKAGE, context, msgid));
  else
    add_source (msgid, g_dgettext (GETTEXT_PACKAGE, msgid));
}

/* The text of a PO line's quoted string, its escapes read. */
static char *
dup_quoted (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  g_assert_true (start != NULL && end > start);
  inner = g_strndup (start + 1, end - start - 1);
  return g_strcompress (inner);
}

static void
load_catalog (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "po", "nl.po", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) translations = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *context = NULL;
  g_autofree char *msgid = NULL;
  g_autofree char *plural = NULL;
  char **current = NULL;

  catalog.translated = g_ptr_array_new_with_free_func (g_free);
  catalog.sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  catalog.dutch_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalog.kept_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      gboolean keyword = line != NULL && (g_str_has_prefix (line, "msgctxt ") ||
                                          (g_str_has_prefix (line, "msgid ") && msgid != NULL &&
                                           translations->len > 0));

      /* An entry ends at a blank line, a comment or the next entry. */
      if (line == NULL || line[0] == '\0' || line[0] == '#' ||
          (keyword && translations->len > 0))
        {
          if (translations->len > 0)
            add_entry (context, msgid, plural, translations);
          g_clear_pointer (&context, g_free);
          g_clear_pointer (&msgid, g_free);
          g_clear_pointer (&plural, g_free);
          g_ptr_array_set_size (translations, 0);
          current = NULL;
          if (line == NULL)
            break;
          if (line[0] == '\0' || line[0] == '#')
            continue;
        }

      if (g_str_has_prefix (line, "msgctxt "))
        current = &context;
      else if (g_str_has_prefix (line, "msgid_plural "))
        current = &plural;
      else if (g_str_has_prefix (line, "msgid "))
        current = &msgid;
      else if (g_str_has_prefix (line, "msgstr"))
        {
          g_ptr_array_add (translations, g_strdup (""));
          current = (char **) &translations->pdata[translations->len - 1];
        }
      g_assert_nonnull (current);
      {
        g_autofree char *text = dup_quoted (line);
        char *joined = g_strconcat (*current != NULL ? *current : "", text, NULL);

        g_free (*current);
        *current = joined;
      }
    }

  for (guint i = 0; i < catalog.translated->len; i++)
    {
      const char *source = g_ptr_array_index (catalog.translated, i);
      GRegex *regex = has_english_word (source) ? source_regex (source) : NULL;

      if (regex != NULL)
        g_ptr_array_add (catalog.sources, regex);
    }

  /* The catalog is the one the app reads: "_Cancel" is Dutch there. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Cancel"), !=, "_Cancel");
  g_assert_cmpuint (catalog.sources->len, >, 500);
  for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
    if (g_hash_table_contains (catalog.dutch_words, english_words[i]))
      g_error ("“%s” is in a Dutch string of po/nl.po: it is no sign of English", english_words[i]);
}

/* Every text @root shows or can show as it is: labels (button labels,
 * row titles, placeholders among them), what is typed in fields and text
 * views, tooltips, and every choice of a drop-down. Hidden widgets count
 * as long as the author can open them (a collapsed Advanced row).
 */
static void
collect_texts (GtkWidget *root,
               GPtrArray *texts)
{
  if (!gtk_widget_get_visible (root) || GTK_IS_POPOVER (root))
    return;

  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (root))));
  else if (GTK_IS_TEXT (root))
    g_ptr_array_add (texts, g_strdup (gtk_editable_get_text (GTK_EDITABLE (root))));
  else if (GTK_IS_TEXT_VIEW (root))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (root));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      g_ptr_array_add (texts, gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  if (ADW_IS_COMBO_ROW (root))
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (root));

      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (GTK_IS_STRING_OBJECT (item))
            g_ptr_array_add (texts, g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item))));
        }
    }
  if (gtk_widget_get_tooltip_text (root) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_widget_get_tooltip_text (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
has_word (const char *text,
          const char *word,
          gboolean    ignore_case)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<![[:alpha:]])%s(?![[:alpha:]])", escaped);

  return g_regex_match_simple (pattern, text, ignore_case ? G_REGEX_CASELESS : 0, 0);
}

/* Returns: (transfer full) (nullable): what is wrong with @text in a
 * Dutch form, or %NULL.
 */
static char *
dup_problem (const char *shown,
             gboolean    dutch_locale)
{
  /* Words quoted from the author's page (“human in the loop”) are the
   * author's, not the app's.
   */
  g_autoptr(GRegex) quoted = g_regex_new ("“[^”]*”", 0, 0, NULL);
  g_autofree char *text = g_regex_replace_literal (quoted, shown, -1, 0, "“”", 0, NULL);

  for (guint i = 0; i < catalog.sources->len; i++)
    if (g_regex_match (g_ptr_array_index (catalog.sources, i), text, 0, NULL))
      return g_strdup_printf ("the English source string /%s/",
                              g_regex_get_pattern (g_ptr_array_index (catalog.sources, i)));

  for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
    if (has_word (text, english_words[i], TRUE))
      return g_strdup_printf ("the English word “%s”", english_words[i]);

  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    if (has_word (text, field_words[i], FALSE))
      return g_strdup_printf ("the field name “%s”", field_words[i]);
  if (g_regex_match_simple ("(?<![[:alpha:]])(question|feedback|answer|choice|caption|url|checked|"
                            "id|test):( |$)", text, 0, 0))
    return g_strdup ("a field of the page syntax");
  if (strstr (text, "```") != NULL || strstr (text, "- [x]") != NULL)
    return g_strdup ("page syntax");

  if (g_regex_match_simple ("[0-9]{4}-[0-9]{2}-[0-9]{2}", text, 0, 0))
    return g_strdup ("an ISO date");

  /* Only the Dutch locale names months and writes decimals the Dutch way. */
  if (dutch_locale)
    {
      for (guint i = 0; i < G_N_ELEMENTS (english_months); i++)
        if (has_word (text, english_months[i], FALSE))
          return g_strdup_printf ("the English month “%s”", english_months[i]);
      /* A version ("WCAG 2.2", "SCORM 1.2") is no decimal number. */
      if (g_regex_match_simple ("(?<![A-Z] )(?<![0-9.])[0-9]+\\.[0-9]", text, 0, 0))
        return g_strdup ("a decimal point");
    }

  return NULL;
}

/* Fails on any text @root shows that is English, syntax or an ISO date;
 * @what names the form or pane in the message.
 */
static void
assert_dutch (GtkWidget  *root,
              const char *what,
              gboolean    dutch_locale)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);

  if (GTK_IS_WINDOW (root) && gtk_window_get_title (GTK_WINDOW (root)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_window_get_title (GTK_WINDOW (root))));
  collect_texts (root, texts);
  g_assert_cmpuint (texts->len, >, 3);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      g_autofree char *problem = dup_problem (text, dutch_locale);

      if (problem != NULL)
        g_string_append_printf (problems, "\n  “%s” has %s", text, problem);
    }

  if (problems->len > 0)
    g_error ("%s shows what a Dutch reader should not see:%s", what, problems->str);
}

static void
collect_kinds (GMenuModel *menu,
               GPtrArray  *kinds)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.insert-block") &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target))
        g_ptr_array_add (kinds, g_steal_pointer (&target));

      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_kinds (link, kinds);
          g_object_unref (link);
        }
    }
}

static gboolean
uses_dutch_locale (void)
{
  return g_str_has_prefix (setlocale (LC_TIME, NULL), "nl_NL");
}

/* The checks catch each kind of text they are for, and let Dutch pass. */
static void
test_checks_catch (void)
{
  const char *wrong[] = {
    "Write the question", "Mark only one right answer, or choose Several right answers",
    "Vraag (required)", "question: Wat is AI?", "Soort: single", "truefalse",
    "Gecontroleerd op 2026-12-04", "```check", "- [x] Ja", "Add the answers first",
    "pages: genoeg pagina's bekeken", "passed-incomplete",
  };
  const char *right[] = {
    "Schrijf de vraag", "Eén goed antwoord", "Juist of onjuist", "Feedback",
    "Video", "Tabbladen", "Stap 2", "Sanne de Vries (communicatieadviseur), 4 december 2026, 09:04",
    "“human in the loop” is Engels of een vakterm", "contrast van 4,5:1 (WCAG 2.2 AA)",
    "Tevredenheid: antwoorden 1 tot 5 per vraag",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *problem = dup_problem (wrong[i], TRUE);

      g_assert_nonnull (problem);
    }
  for (guint i = 0; i < G_N_ELEMENTS (right); i++)
    {
      g_autofree char *problem = dup_problem (right[i], TRUE);

      g_assert_cmpstr (problem, ==, NULL);
    }

  /* Months and decimal points count only where the locale is Dutch. */
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? "4 December 2026, 09:04" : "gemiddeld 3.5 woorden";
      g_autofree char *in_dutch = dup_problem (text, TRUE);
      g_autofree char *in_c = dup_problem (text, FALSE);

      g_assert_nonnull (in_dutch);
      g_assert_cmpstr (in_c, ==, NULL);
    }
}

static void
maybe_save (GtkWidget  *widget,
            const char *name)
{
  if (g_getenv ("HELDER_FORM_SCREENSHOTS") != NULL)
    helder_test_save_named_screenshot (widget, g_getenv ("HELDER_FORM_SCREENSHOTS"), name);
}

/* The spec of the field a row of @kind's form edits, by the row's name. */
static const HelderFieldSpec *
row_spec (HelderBlockKind  kind,
          GtkWidget       *row)
{
  const HelderBlockSpec *spec = helder_block_spec_get (kind);
  const char *name = gtk_widget_get_name (row);
  const HelderFieldSpec *found;

  if (!g_str_has_prefix (name, "field-"))
    return NULL;
  found = helder_field_spec_find (spec->fields, name + strlen ("field-"));
  return found != NULL ? found : helder_field_spec_find (spec->item_fields,
                                                         name + strlen ("field-"));
}

/* Fills every field of @root as an author would: a file of the right
 * type, a web address, some text, the first answer or choice marked.
 * Adds each field that the author types in to @rows.
 */
static void
fill_in (HelderBlockKind  kind,
         GtkWidget       *root,
         GPtrArray       *rows,
         gboolean        *marked)
{
  const HelderFieldSpec *spec = row_spec (kind, root);

  if (spec != NULL && ADW_IS_ENTRY_ROW (root) && !(spec->flags & HELDER_FIELD_ID))
    {
      g_auto(GStrv) extensions = (spec->flags & HELDER_FIELD_PATH)
                                   ? g_strsplit (spec->values, "|", 2) : NULL;
      g_autofree char *value = extensions != NULL
                                 ? g_strconcat ("media/voorbeeld.", extensions[0], NULL)
                                 : g_strdup ((spec->flags & HELDER_FIELD_URL)
                                               ? "https://www.rijksoverheid.nl" : "Een korte tekst");

      gtk_editable_set_text (GTK_EDITABLE (root), value);
      g_ptr_array_add (rows, root);
    }
  else if (spec != NULL && ADW_IS_ENTRY_ROW (root))
    g_ptr_array_add (rows, root);
  else if (GTK_IS_TEXT_VIEW (root))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (root)), "Een korte tekst",
                              -1);
  else if (spec != NULL && (spec->flags & HELDER_FIELD_BOOL) && !*marked &&
           (g_str_equal (spec->key, "correct") || g_str_equal (spec->key, "best")))
    {
      gtk_switch_set_active (GTK_SWITCH (find_named (root, "switch")), TRUE);
      *marked = TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fill_in (kind, child, rows, marked);
}

/* @form filled in whole can be inserted; then each of its fields in turn
 * holds what the format does not accept (no file of the right type, no
 * web address, no valid name): what the form says about it is Dutch and
 * free of syntax too.
 */
static void
assert_dutch_when_wrong (GtkWidget       *form,
                         HelderBlockKind  kind)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean marked = FALSE;
  GtkWidget *done = find_named (form, "done");

  fill_in (kind, form, rows, &marked);
  g_assert_true (gtk_widget_get_sensitive (done));

  for (guint i = 0; i < rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (rows, i);
      g_autofree char *before = g_strdup (gtk_editable_get_text (row));
      g_autofree char *what = g_strdup_printf ("%s with “Notities 2.txt” in “%s”",
                                               helder_block_kind_to_string (kind),
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

      gtk_editable_set_text (row, "Notities 2.txt");
      assert_dutch (form, what, uses_dutch_locale ());
      gtk_editable_set_text (row, before);
      g_assert_true (gtk_widget_get_sensitive (done));
    }
}

static gboolean
form_shown (gpointer data)
{
  return find_toplevel (HELDER_TYPE_BLOCK_DIALOG) != NULL;
}

/* Each form of the + menu, opened as the menu opens it, new and then
 * with its first field filled in wrongly enough to show what it says.
 */
static void
test_block_forms (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (sample);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  HelderWindow *window = open_window (folder);
  GtkMenuButton *insert = GTK_MENU_BUTTON (find_named (GTK_WIDGET (window), "insert"));

  collect_kinds (gtk_menu_button_get_menu_model (insert), kinds);
  g_assert_cmpuint (kinds->len, ==, 13);

  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      HelderBlockKind block_kind;
      HelderBlockDialog *form;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-block", "s",
                                                 kind));
      wait_for (form_shown, NULL);
      form = find_toplevel (HELDER_TYPE_BLOCK_DIALOG);
      maybe_save (GTK_WIDGET (form), kind);
      assert_dutch (GTK_WIDGET (form), kind, uses_dutch_locale ());
      g_assert_true (helder_block_kind_from_string (kind, &block_kind));
      assert_dutch_when_wrong (GTK_WIDGET (form), block_kind);
      close_and_finalize (form);
    }

  close_and_finalize (window);
}

/* The first widget under @root (itself included) that @matches. */
static GtkWidget *
find_first (GtkWidget *root,
            gboolean (*matches) (GtkWidget *widget, gconstpointer data),
            gconstpointer data)
{
  if (matches (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, matches, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  gpointer    thread;
  const char *label;
} ThreadButton;

static gboolean
is_thread_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ThreadButton *wanted = data;

  return GTK_IS_BUTTON (widget) &&
         g_object_get_data (G_OBJECT (widget), "helder-thread") == wanted->thread &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), wanted->label) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

/* Selects the first @n words of the page's line @line. */
static void
select_words (HelderWindow *window,
              int           line,
              int           n)
{
  GtkTextBuffer *buffer =
    gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  gtk_text_iter_forward_word_ends (&end, n);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

/* The review pane with a comment, an open suggestion, an accepted one
 * and the page signed off, as the communications adviser sees it.
 */
static void
test_review_pane (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autofree char *tmp = helder_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "ai-bewustzijn", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  HelderReviewPane *pane;
  HelderWindow *window;
  GtkWidget *threads;
  GtkWidget *content;
  gpointer accepted = NULL;

  helder_test_copy_tree (sample, path);
  folder = g_file_new_for_path (path);
  g_settings_set_string (settings, "reviewer-name", "Sanne de Vries");
  g_settings_set_string (settings, "reviewer-role", "communications-adviser");
  window = open_window (folder);
  open_page_in_outline (window, "02-praktijk/02-vragen-van-inwoners.md");
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL));
  pane = HELDER_REVIEW_PANE (find_named (GTK_WIDGET (window), "review-pane"));

  select_words (window, 2, 3);
  g_assert_true (helder_review_pane_add_comment (pane, "Zo is het preciezer.",
                                                 "Bijna alle gemeenten hebben", &error));
  g_assert_no_error (error);
  select_words (window, 2, 3);
  g_assert_true (helder_review_pane_add_comment (pane, "Kan dit korter?", NULL, &error));
  g_assert_no_error (error);

  threads = find_named (GTK_WIDGET (pane), "threads");
  for (GtkWidget *card = gtk_widget_get_first_child (threads); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      HelderReviewThread *thread = g_object_get_data (G_OBJECT (card), "helder-thread");

      if (thread->suggestion != NULL && g_str_equal (thread->suggestion,
                                                     "Bijna alle gemeenten hebben"))
        accepted = thread;
    }
  g_assert_nonnull (accepted);
  {
    ThreadButton accept = { accepted, g_dgettext (GETTEXT_PACKAGE, "_Accept") };

    g_signal_emit_by_name (find_first (threads, is_thread_button, &accept), "clicked");
  }

  select_words (window, 4, 2);
  g_assert_true (helder_review_pane_add_comment (pane, "Wat vinden inwoners hiervan?",
                                                 "Wat vinden de inwoners hiervan?", &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (find_named (GTK_WIDGET (pane), "approve"), "clicked");

  /* The sign-off says who gave it and when. */
  {
    g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *signed_off = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s by %s, %s"),
                                                   g_dgettext (GETTEXT_PACKAGE, "approved"),
                                                   "Sanne de Vries", "");
    gboolean found = FALSE;

    collect_texts (find_named (GTK_WIDGET (pane), "review-states"), states);
    for (guint i = 0; i < states->len; i++)
      found |= g_str_has_prefix (g_ptr_array_index (states, i), signed_off);
    g_assert_true (found);
  }

  /* The whole of the pane's content, not only what its scroller shows. */
  content = gtk_widget_get_first_child (GTK_WIDGET (pane));
  while (content != NULL && !GTK_IS_VIEWPORT (content))
    content = gtk_widget_get_first_child (content);
  g_assert_nonnull (content);
  maybe_save (gtk_viewport_get_child (GTK_VIEWPORT (content)), "review-pane");
  assert_dutch (GTK_WIDGET (pane), "the review pane", uses_dutch_locale ());

  close_and_finalize (window);
  helder_test_remove_tree (tmp);
}

static gboolean
has_findings (gpointer pane)
{
  return helder_findings_pane_get_n_rows (pane) > 0;
}

/* The rest of the app's windows are Dutch too, their numbers
 * (readability scores, contrast ratios) with decimal commas: the
 * findings of the whole sample course, the course settings, the export
 * dialog and the KPI window.
 */
static void
test_other_windows (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                              "ai-bewustzijn", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (sample);
  HelderWindow *window = open_window (folder);
  GType findings_type = HELDER_TYPE_FINDINGS_PANE;
  GtkWidget *pane = find_first (GTK_WIDGET (window), is_of_type, &findings_type);
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  HelderCourseSettings *settings;
  HelderExportDialog *export;
  HelderKpiWindow *kpi;

  helder_findings_pane_set_course_scope (HELDER_FINDINGS_PANE (pane), TRUE);
  wait_for (has_findings, pane);
  assert_dutch (pane, "the findings", uses_dutch_locale ());

  settings = helder_course_settings_new (GTK_WINDOW (window), helder_window_get_course (window));
  gtk_window_present (GTK_WINDOW (settings));
  maybe_save (GTK_WIDGET (settings), "course-settings");
  assert_dutch (GTK_WIDGET (settings), "the course settings", uses_dutch_locale ());
  close_and_finalize (settings);

  export = helder_export_dialog_new (GTK_WINDOW (window), helder_window_get_course (window),
                                     findings);
  gtk_window_present (GTK_WINDOW (export));
  assert_dutch (GTK_WIDGET (export), "the export dialog", uses_dutch_locale ());
  close_and_finalize (export);

  kpi = helder_kpi_window_new (GTK_WINDOW (window), helder_window_get_course (window));
  gtk_window_present (GTK_WINDOW (kpi));
  assert_dutch (GTK_WIDGET (kpi), "the KPI window", uses_dutch_locale ());
  close_and_finalize (kpi);

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  helder_test_follow_language ();
  ui_test_init (&argc, &argv);
  load_catalog ();

  g_test_add_func ("/form-screenshots/checks-catch", test_checks_catch);
  g_test_add_func ("/form-screenshots/block-forms", test_block_forms);
  g_test_add_func ("/form-screenshots/review-pane", test_review_pane);
  g_test_add_func ("/form-screenshots/other-windows", test_other_windows);

  return g_test_run ();
}
