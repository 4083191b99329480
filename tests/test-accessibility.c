/* test-accessibility.c
 *
 * What a screen reader finds in every window and dialog. The test reads
 * the real AT-SPI tree, as Orca does: it asks the accessibility bus for
 * the app's objects over D-Bus, from a thread of its own while the main
 * thread keeps answering. Every element a user can operate must have a
 * name, once, in words: not empty, not doubled with its mnemonic
 * ("_Approve Page Approve Page"), not the name of a widget class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtksourceview/gtksource.h>

#include "helder-block-card.h"
#include "helder-block-dialog.h"
#include "helder-course-settings.h"
#include "helder-export-dialog.h"
#include "helder-kpi-columns.h"
#include "helder-kpi-window.h"
#include "helder-lms-report.h"
#include "helder-page-editor.h"
#include "helder-preferences.h"
#include "helder-preview.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
#include "helder-window.h"

#define ATSPI_ACCESSIBLE "org.a11y.atspi.Accessible"
#define ATSPI_ROOT "/org/a11y/atspi/accessible/root"
#define ATSPI_STATE_VISIBLE 30

/* The roles of the elements a user operates, as AT-SPI names them. */
static const char * const interactive_roles[] = {
  "button", "push button", "toggle button", "checkbox", "check box", "radio button", "switch",
  "text box", "entry", "text", "search box", "spin button", "combo box", "list item", "menu item",
  "slider", "link", "tab", "page tab", NULL,
};

typedef struct
{
  GDBusConnection *bus;
  GPtrArray       *problems;
  GPtrArray       *names;     /* "role: name" of each element on screen */
  guint            checked;
  GPtrArray       *texts;     /* when not NULL: every name and text a screen reader reads */
} Walk;

static GVariant *
call (GDBusConnection *bus,
      const char      *name,
      const char      *path,
      const char      *interface,
      const char      *method,
      GVariant        *parameters,
      const char      *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (bus, name, path, interface, method, parameters,
                                                 G_VARIANT_TYPE (reply_type),
                                                 G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

/* Whether @name is the name of a widget class, as GTK falls back to. */
static gboolean
is_class_name (const char *name)
{
  static const char * const prefixes[] = { "Gtk", "Adw", "Helder", "WebKit", "GtkSource" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]) && g_ascii_isupper (name[strlen (prefixes[i])]))
      return TRUE;
  return FALSE;
}

/* Whether @name says the same thing twice, as "_Approve Page Approve
 * Page", or still shows a mnemonic underscore.
 */
static gboolean
is_doubled (const char *name)
{
  g_autofree char *plain = NULL;
  size_t length;
  GString *without = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (without, *p);
  plain = g_string_free (without, FALSE);
  if (strchr (name, '_') != NULL && strchr (name, ' ') != NULL)
    return TRUE;
  length = strlen (plain);
  return length > 2 && length % 2 == 1 && plain[length / 2] == ' ' &&
         strncmp (plain, plain + length / 2 + 1, length / 2) == 0;
}

static void
walk (Walk       *w,
      const char *bus_name,
      const char *path,
      const char *where)
{
  g_autoptr(GVariant) role_reply = NULL;
  g_autoptr(GVariant) name_reply = NULL;
  g_autoptr(GVariant) name_value = NULL;
  g_autoptr(GVariant) state_reply = NULL;
  g_autoptr(GVariant) children_reply = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariantIter) states = NULL;
  g_autofree char *here = NULL;
  const char *role;
  const char *name;
  guint32 word;
  guint32 state[2] = { 0, 0 };
  guint n = 0;

  role_reply = call (w->bus, bus_name, path, ATSPI_ACCESSIBLE, "GetRoleName", NULL, "(s)");
  g_variant_get (role_reply, "(&s)", &role);
  name_reply = call (w->bus, bus_name, path, "org.freedesktop.DBus.Properties", "Get",
                     g_variant_new ("(ss)", ATSPI_ACCESSIBLE, "Name"), "(v)");
  g_variant_get (name_reply, "(v)", &name_value);
  name = g_variant_get_string (name_value, NULL);
  state_reply = call (w->bus, bus_name, path, ATSPI_ACCESSIBLE, "GetState", NULL, "(au)");
  g_variant_get (state_reply, "(au)", &states);
  while (n < 2 && g_variant_iter_next (states, "u", &word))
    state[n++] = word;

  /* Only what is on screen: a hidden page of a stack is checked when
   * the test shows it.
   */
  if ((state[ATSPI_STATE_VISIBLE / 32] & (1u << (ATSPI_STATE_VISIBLE % 32))) == 0 &&
      g_strcmp0 (role, "application") != 0)
    return;

  if (w->texts != NULL)
    {
      g_autoptr(GVariant) text_reply = NULL;

      g_ptr_array_add (w->texts, g_strdup (name));
      /* The Text interface, where the element has one (labels, fields). */
      text_reply = g_dbus_connection_call_sync (w->bus, bus_name, path, "org.a11y.atspi.Text",
                                                "GetText", g_variant_new ("(ii)", 0, -1),
                                                G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE,
                                                -1, NULL, NULL);
      if (text_reply != NULL)
        {
          const char *text;

          g_variant_get (text_reply, "(&s)", &text);
          g_ptr_array_add (w->texts, g_strdup (text));
        }
    }

  here = *name != '\0' ? g_strdup_printf ("%s > %s “%s”", where, role, name)
                       : g_strdup_printf ("%s > %s", where, role);
  g_ptr_array_add (w->names, g_strdup_printf ("%s: %s", role, name));
  if (g_strv_contains (interactive_roles, role))
    {
      w->checked++;
      if (*name == '\0')
        g_ptr_array_add (w->problems, g_strdup_printf ("no name: %s", here));
      else if (is_doubled (name))
        g_ptr_array_add (w->problems, g_strdup_printf ("doubled name: %s", here));
      else if (is_class_name (name))
        g_ptr_array_add (w->problems, g_strdup_printf ("class name: %s", here));
    }

  /* The rows of a combo box's popup list are GTK's own (GtkDropDown in
   * 4.8 gives them no name); Orca reads the combo box and its value.
   */
  if (g_str_equal (role, "combo box"))
    return;

  children_reply = call (w->bus, bus_name, path, ATSPI_ACCESSIBLE, "GetChildren", NULL,
                         "(a(so))");
  children = g_variant_get_child_value (children_reply, 0);
  for (gsize i = 0; i < g_variant_n_children (children); i++)
    {
      const char *child_bus;
      const char *child_path;

      g_variant_get_child (children, i, "(&s&o)", &child_bus, &child_path);
      walk (w, child_bus, child_path, here);
    }
}

static void
walk_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Walk *w = data;
  g_autoptr(GVariant) apps_reply = NULL;
  g_autoptr(GVariant) apps = NULL;

  apps_reply = call (w->bus, "org.a11y.atspi.Registry", ATSPI_ROOT, ATSPI_ACCESSIBLE,
                     "GetChildren", NULL, "(a(so))");
  apps = g_variant_get_child_value (apps_reply, 0);
  for (gsize i = 0; i < g_variant_n_children (apps); i++)
    {
      const char *app_bus;
      const char *app_path;

      g_variant_get_child (apps, i, "(&s&o)", &app_bus, &app_path);
      walk (w, app_bus, app_path, "app");
    }
  g_task_return_boolean (task, TRUE);
}

static void
walk_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(gboolean *) data = TRUE;
}

/* Returns: (transfer full): the accessibility bus, opened once for the
 * whole test.
 */
static GDBusConnection *
open_accessibility_bus (void)
{
  static GDBusConnection *opened;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *address;

  if (opened != NULL)
    return g_object_ref (opened);

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = call (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", NULL,
                "(s)");
  g_variant_get (reply, "(&s)", &address);
  opened = g_dbus_connection_new_for_address_sync (address,
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  return g_object_ref (opened);
}

/* Starts the accessibility bus and its registry before GTK looks for
 * them. The bus's daemons are not under test: they run without the
 * test's G_DEBUG=fatal-warnings, which would end the registry at its
 * first warning.
 */
static void
start_accessibility_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariantBuilder) environment = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  g_autoptr(GDBusConnection) bus = NULL;

  g_assert_no_error (error);
  g_variant_builder_add (environment, "{ss}", "G_DEBUG", "");
  g_variant_unref (call (session, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                         "org.freedesktop.DBus", "UpdateActivationEnvironment",
                         g_variant_new ("(a{ss})", environment), "()"));
  bus = open_accessibility_bus ();
  g_variant_unref (call (bus, "org.a11y.atspi.Registry", ATSPI_ROOT,
                         "org.freedesktop.DBus.Peer", "Ping", NULL, "()"));
}

/* Reads the AT-SPI tree of everything on screen and fails on each
 * element without a proper name; @what says which state of the app it
 * is, for the message.
 *
 * Returns: (transfer full): "role: name" of every element on screen.
 */
static GPtrArray *
assert_names_and_read (const char *what,
                       GPtrArray  *texts)
{
  g_autoptr(GDBusConnection) bus = open_accessibility_bus ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTask) task = NULL;
  Walk w = { bus, problems, names, 0, texts };
  gboolean done = FALSE;

  /* Let GTK put the windows on the bus and lay them out. */
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);

  task = g_task_new (NULL, NULL, walk_done_cb, &done);
  g_task_set_task_data (task, &w, NULL);
  g_task_run_in_thread (task, walk_thread);
  g_clear_object (&task);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", what, (char *) g_ptr_array_index (problems, i));
  g_test_message ("%s: %u elements checked", what, w.checked);
  g_assert_cmpuint (w.checked, >, 0);
  g_assert_cmpuint (problems->len, ==, 0);

  return g_steal_pointer (&names);
}

static GPtrArray *
assert_names (const char *what)
{
  return assert_names_and_read (what, NULL);
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* Returns: (transfer none): the side pane's stack of tabs. */
static AdwViewStack *
side_stack (HelderWindow *window)
{
  return ADW_VIEW_STACK (gtk_widget_get_ancestor (find_named (GTK_WIDGET (window), "review-pane"),
                                                  ADW_TYPE_VIEW_STACK));
}

static HelderWindow *
open_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "course-valid", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  return open_window (folder);
}

static void
test_main_window (void)
{
  HelderWindow *window = open_sample ();
  AdwViewStack *side = side_stack (window);
  const char *panes[] = { "findings", "preview", "review" };

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      adw_view_stack_set_visible_child_name (side, panes[i]);
      g_ptr_array_unref (assert_names (panes[i]));
    }

  close_and_finalize (window);
}

static gboolean
first_page_has_findings (gpointer data)
{
  HelderPageEditor *editor = HELDER_PAGE_EDITOR (find_named (data, "editor"));

  return helder_page_editor_get_diagnostics (editor)->len > 0 &&
         has_long_sentence (data);
}

/* A screen reader says where each page is and what waits on it, and
 * follows the heading as it is typed and the findings as they change.
 */
static void
test_outline_names (void)
{
  HelderWindow *window = open_sample ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (
    GTK_TEXT_VIEW (find_named (GTK_WIDGET (window), "page-text")));
  g_autoptr(GPtrArray) before = assert_names ("outline");
  g_autoptr(GPtrArray) after = NULL;
  GtkTextIter start;
  GtkTextIter end;

  g_assert_true (has_name (before, "list item: Welkom, page 1 of 3"));
  g_assert_true (has_name (before, "list item: De basis"));

  /* Rename the page by its heading and add a sentence far too long. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, "# Hallo allemaal", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end,
                          "\nDit is een zin die veel te lang is omdat hij maar doorgaat en "
                          "doorgaat met woorden die niemand nodig heeft en die de lezer moe "
                          "maken voordat hij bij het einde van de zin is gekomen.\n", -1);
  wait_for (first_page_has_findings, window);
  after = assert_names ("outline after edits");
  g_assert_false (has_name (after, "list item: Welkom, page 1 of 3"));
  g_assert_true (g_ptr_array_find_with_equal_func (after, "list item: Hallo allemaal, page 1 of 3, ",
                                                   (GEqualFunc) g_str_has_prefix, NULL));

  close_and_finalize (window);
}

/* The lines of @texts that show the page's file syntax: a fence, or a
 * key of a block's fields. Returns: (transfer full): those lines.
 */
static GPtrArray *
syntax_lines (GPtrArray *texts)
{
  static const char * const keys[] = { "question:", "feedback:", "kind:", "- [x]", "- [ ]", NULL };
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < texts->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (texts, i), "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          gboolean syntax = g_str_has_prefix (g_strchug (lines[l]), "```");

          for (guint k = 0; !syntax && keys[k] != NULL; k++)
            syntax = strstr (lines[l], keys[k]) != NULL;
          if (syntax)
            g_ptr_array_add (found, g_strdup (lines[l]));
        }
    }

  return found;
}

/* The sample course's "Wat is AI?" in the default view, as a screen
 * reader reads it: no line of file syntax anywhere, and every card a
 * group named by its kind and subject. The same page in Source is the
 * proof that the reading catches syntax when it is there.
 */
static void
test_blocks_view (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"), "content-samples",
                                            "ai-bewustzijn", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) source_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) syntax = NULL;
  g_autoptr(GPtrArray) source_syntax = NULL;
  HelderWindow *window = open_window (folder);
  GtkWidget *cards;
  guint n_cards = 0;

  open_page_in_outline (window, "01-introductie/02-wat-is-ai.md");
  cards = find_named (GTK_WIDGET (window), "block-cards");
  g_assert_nonnull (cards);
  g_assert_true (gtk_widget_get_mapped (cards));

  names = assert_names_and_read ("Wat is AI? in Blocks", texts);
  syntax = syntax_lines (texts);
  for (guint i = 0; i < syntax->len; i++)
    g_test_message ("file syntax read out: %s", (char *) g_ptr_array_index (syntax, i));
  g_assert_cmpuint (syntax->len, ==, 0);

  for (GtkWidget *card = gtk_widget_get_first_child (cards); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      g_autofree char *group = g_strdup_printf ("group: %s",
                                                helder_block_card_get_name (HELDER_BLOCK_CARD (card)));

      g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card)), !=, "");
      if (!has_name (names, group))
        g_error ("no group named as the card is: “%s”", group);
      n_cards++;
    }
  g_assert_cmpuint (n_cards, >=, 8);
  g_assert_true (has_name (names, "group: Heading: Wat is AI?"));

  g_assert_true (helder_page_editor_show_view (HELDER_PAGE_EDITOR (find_named (GTK_WIDGET (window), "editor")),
                                               "source"));
  g_ptr_array_unref (assert_names_and_read ("Wat is AI? in Source", source_texts));
  source_syntax = syntax_lines (source_texts);
  g_assert_cmpuint (source_syntax->len, >, 0);

  g_assert_true (helder_page_editor_show_view (HELDER_PAGE_EDITOR (find_named (GTK_WIDGET (window), "editor")),
                                               "blocks"));
  close_and_finalize (window);
}

/* Returns: (transfer none): the one shortcut bound to @accelerator in
 * @window; two would be a double registration.
 */
static GtkShortcut *
binding (HelderWindow *window,
         const char   *accelerator)
{
  g_autoptr(GPtrArray) shortcuts = dup_shortcuts (GTK_WIDGET (window));
  GtkShortcut *found = NULL;
  guint keyval;
  GdkModifierType modifiers;
  guint bound = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (g_ptr_array_index (shortcuts, i));

      if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
          gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
        {
          bound++;
          found = g_ptr_array_index (shortcuts, i);
        }
    }
  g_assert_cmpuint (bound, ==, 1);
  return found;
}

/* Presses @accelerator in @window as GTK would. */
static void
press (HelderWindow *window,
       const char   *accelerator)
{
  GtkShortcut *shortcut = binding (window, accelerator);

  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (window),
                                               gtk_shortcut_get_arguments (shortcut)));
}

static gboolean
focus_in (GtkWidget  *focus,
          const char *name)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (g_strcmp0 (gtk_widget_get_name (w), name) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  gboolean   in_accelerator;
  GPtrArray *accelerators;
} OverlayParse;

static void
overlay_start_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              data,
                  GError              **error)
{
  OverlayParse *parse = data;

  parse->in_accelerator = FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (element, "property") && g_str_equal (names[i], "name") &&
        g_str_equal (values[i], "accelerator"))
      parse->in_accelerator = TRUE;
}

static void
overlay_text_cb (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 length,
                 gpointer              data,
                 GError              **error)
{
  OverlayParse *parse = data;
  g_autofree char *accelerators = g_strndup (text, length);
  g_auto(GStrv) each = NULL;

  if (!parse->in_accelerator)
    return;
  each = g_strsplit (accelerators, " ", -1);
  for (guint i = 0; each[i] != NULL; i++)
    g_ptr_array_add (parse->accelerators, g_strdup (each[i]));
  parse->in_accelerator = FALSE;
}

/* Whether the shortcuts window (help-overlay.ui) lists @accelerator. */
static gboolean
listed (const char *accelerator)
{
  static const GMarkupParser parser = { overlay_start_cb, NULL, overlay_text_cb, NULL, NULL };
  g_autoptr(GBytes) ui = g_resources_lookup_data ("/io/github/helderapp/Helder/gtk/help-overlay.ui",
                                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) accelerators = g_ptr_array_new_with_free_func (g_free);
  OverlayParse parse = { FALSE, accelerators };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &parse, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *text;

  g_assert_nonnull (ui);
  text = g_bytes_get_data (ui, &size);
  g_markup_parse_context_parse (context, text, size, &error);
  g_assert_no_error (error);

  return g_ptr_array_find_with_equal_func (accelerators, accelerator, g_str_equal, NULL);
}

/* Every part of the window is one chord away, and the Review tab's
 * comment field a few Tabs from the tab itself.
 */
static void
test_keyboard (void)
{
  HelderWindow *window = open_sample ();
  AdwViewStack *side = side_stack (window);
  GtkWidget *insert = find_named (GTK_WIDGET (window), "insert");
  const char *keys[] = { "<Alt>1", "<Alt>2", "<Alt>3", "F5", "<Shift><Control>r",
                         "<Shift><Control>b", "<Control>n" };
  gboolean review_mode = FALSE;

  g_autoptr(GPtrArray) block_keys = dup_shortcuts (find_named (GTK_WIDGET (window), "blocks"));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (listed (keys[i]));
  /* The Blocks view's own keys are listed too. */
  g_assert_cmpuint (block_keys->len, >=, 9);
  for (guint i = 0; i < block_keys->len; i++)
    {
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (
        gtk_shortcut_get_trigger (g_ptr_array_index (block_keys, i)));

      if (!listed (trigger))
        g_error ("the shortcuts window does not list %s", trigger);
    }

  press (window, "<Alt>2");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (side), ==, "preview");
  press (window, "F5");
  g_assert_true (helder_preview_get_walking (HELDER_PREVIEW (find_named (GTK_WIDGET (window),
                                                                         "preview"))));
  press (window, "F5");
  press (window, "<Alt>1");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (side), ==, "findings");

  press (window, "<Shift><Control>r");
  g_object_get (window, "review-mode", &review_mode, NULL);
  g_assert_true (review_mode);
  press (window, "<Alt>3");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (side), ==, "review");
  g_assert_true (focus_in (gtk_root_get_focus (GTK_ROOT (window)), "comment"));

  /* New Page writes a file: the sample course stays as it is. */
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (
                     binding (window, "<Control>n")))), ==, "win.new-page");
  press (window, "<Shift><Control>b");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
    gtk_menu_button_get_popover (GTK_MENU_BUTTON (insert)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (insert));

  close_and_finalize (window);
}

/* Returns: (transfer none): the @n-th widget of @type under @root, in
 * the order of the tree, counted from 0; or %NULL.
 */
static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint seen = 0;

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && seen++ == n)
        return widget;
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

/* Shows @dialog, checks its names and closes it. */
static void
check_dialog (GtkWindow  *dialog,
              const char *what)
{
  gtk_window_present (dialog);
  g_ptr_array_unref (assert_names (what));
  close_and_finalize (dialog);
}

static void
test_block_forms (void)
{
  HelderWindow *window = open_sample ();

  for (HelderBlockKind kind = HELDER_BLOCK_IMAGE; kind <= HELDER_BLOCK_SOURCES; kind++)
    {
      HelderBlockDialog *dialog = helder_block_dialog_new (GTK_WINDOW (window),
                                                           helder_window_get_course (window),
                                                           kind, NULL);

      check_dialog (GTK_WINDOW (dialog), helder_block_kind_to_string (kind));
    }

  close_and_finalize (window);
}

static void
test_dialogs (void)
{
  HelderWindow *window = open_sample ();
  HelderCourse *course = helder_window_get_course (window);
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  check_dialog (GTK_WINDOW (helder_preferences_new (GTK_WINDOW (window))), "preferences");
  check_dialog (GTK_WINDOW (helder_course_settings_new (GTK_WINDOW (window), course)),
                "course settings");
  check_dialog (GTK_WINDOW (helder_export_dialog_new (GTK_WINDOW (window), course, findings)),
                "export");
  check_dialog (GTK_WINDOW (helder_kpi_window_new (GTK_WINDOW (window), course)), "KPI");
  /* Match Columns on a report whose columns Helder does not know: each
   * column's list is named for its column and meaning.
   */
  {
    g_autofree char *folder = helder_test_make_temp_dir ();
    g_autofree char *report_path = g_build_filename (folder, "wie.csv", NULL);
    g_autoptr(HelderLmsReport) report = helder_lms_report_new (course);
    g_autoptr(GPtrArray) names = NULL;
    GtkWindow *columns;

    helder_test_write_file (folder, "wie.csv", "Wie,Module,Klaar?\nm1,m,2025-04-03\n");
    g_assert_false (helder_lms_report_load_file (report, report_path, NULL));
    g_assert_cmpuint (helder_lms_report_get_headers (report)->len, ==, 3);
    columns = GTK_WINDOW (helder_kpi_columns_new (GTK_WINDOW (window), course,
                                                  helder_lms_report_get_headers (report), FALSE));
    gtk_window_present (columns);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (nth_of_type (GTK_WIDGET (columns),
                                                            GTK_TYPE_DROP_DOWN, 2)),
                                HELDER_LMS_COLUMN_COMPLETED);
    names = assert_names ("match columns");
    g_assert_true (has_name (names, "combo box: Column “Wie”: Not used"));
    g_assert_true (has_name (names, "list item: Column “Wie”: Not used"));
    g_assert_true (has_name (names, "combo box: Column “Klaar?”: Date completed"));
    close_and_finalize (columns);
    helder_test_remove_tree (folder);
  }

  builder = gtk_builder_new_from_resource ("/io/github/helderapp/Helder/gtk/help-overlay.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  /* GTK keeps the window; the builder's references would outlive it. */
  g_clear_object (&builder);
  gtk_window_present (shortcuts);
  g_ptr_array_unref (assert_names ("shortcuts"));
  close_and_finalize (shortcuts);

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The other UI tests run without the accessibility bus; this one
   * needs it.
   */
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  g_unsetenv ("NO_AT_BRIDGE");
  ui_test_init (&argc, &argv);
  start_accessibility_bus ();

  g_test_add_func ("/accessibility/main-window", test_main_window);
  g_test_add_func ("/accessibility/outline-names", test_outline_names);
  g_test_add_func ("/accessibility/keyboard", test_keyboard);
  g_test_add_func ("/accessibility/block-forms", test_block_forms);
  g_test_add_func ("/accessibility/dialogs", test_dialogs);
  g_test_add_func ("/accessibility/blocks-view", test_blocks_view);

  return g_test_run ();
}
