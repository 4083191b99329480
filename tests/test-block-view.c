/* test-block-view.c
 *
 * The Blocks view of a page, under Xvfb: pages open as cards without
 * changing a byte, the sample page reads without file syntax, and a
 * content expert writes a page with the cards alone. With
 * HELDER_BLOCK_VIEW_SCREENSHOTS=FOLDER set, it also saves pictures of the
 * sample page in Blocks, wide and 360 pixels wide, light and dark (that is
 * how docs/screenshots/blocks-*.png are made; LANGUAGE=nl and
 * HELDER_LOCALEDIR=_build/po for the Dutch ones).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include <gtksourceview/gtksource.h>

#include "helder-application.h"
#include "helder-block-card.h"
#include "helder-page-editor.h"
#include "helder-rich-text-view.h"
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-window.h"

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
course_open (gpointer data)
{
  return helder_window_get_page (data) != NULL;
}

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (condition (data));
}

static HelderWindow *
open_course (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = helder_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_until (course_open, window);
  run_until_idle ();

  return window;
}

static void
close_window (HelderWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  run_until_idle ();
}

/* Opens the page of @file, as a click on its row in the outline does. */
static void
show_page (HelderWindow *window,
           HelderPage   *page)
{
  GtkWidget *outline = find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "outline");

  for (GtkWidget *row = gtk_widget_get_first_child (outline); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "helder-page") == page)
      g_signal_emit_by_name (outline, "row-activated", row);
  g_assert_true (helder_window_get_page (window) == page);
  run_until_idle ();
}

static GPtrArray *
cards_of (HelderWindow *window)
{
  GtkWidget *box = find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "block-cards");
  GPtrArray *cards = g_ptr_array_new ();

  g_assert_nonnull (box);
  g_assert_true (gtk_widget_get_mapped (box));
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (cards, child);

  return cards;
}

static GPtrArray *
page_files (HelderCourse *course)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  HelderPageIter iter = helder_course_iter_pages (course);

  while (helder_page_iter_next (&iter))
    g_ptr_array_add (files, g_strdup (helder_page_get_file (iter.page)));

  return files;
}

/* Every page of @name opens in Blocks with one card per block, and saving
 * afterwards writes every file as it was.
 */
static void
check_pages_unchanged (const char *source)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "helder-block-view-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = NULL;
  HelderWindow *window;
  HelderCourse *course;

  g_assert_nonnull (g_mkdtemp (path));
  helder_test_copy_tree (source, path);
  window = open_course (path);
  course = helder_window_get_course (window);
  files = page_files (course);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      HelderPage *page = helder_course_find_page (course, g_ptr_array_index (files, i));
      g_autoptr(GPtrArray) cards = NULL;

      show_page (window, page);
      cards = cards_of (window);
      g_assert_cmpuint (cards->len, ==, helder_page_get_content (page)->blocks->len);
      g_assert_false (helder_page_get_modified (page));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *original = g_build_filename (source, g_ptr_array_index (files, i), NULL);
      g_autofree char *saved = g_build_filename (path, g_ptr_array_index (files, i), NULL);

      g_assert_true (helder_test_files_equal (original, saved));
    }

  close_window (window);
  helder_test_remove_tree (path);
}

static void
test_pages_open_unchanged (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"),
                                               "content-samples", "ai-bewustzijn", NULL);
  const char *data[] = { "course-valid", "export/course", "kpi-course" };

  check_pages_unchanged (samples);
  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    {
      g_autofree char *course = helder_test_data_path (data[i]);

      check_pages_unchanged (course);
    }
}

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start;
      GtkTextIter end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (out, "%s\n", text);
    }
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* Runs the main loop until @widget's window has drawn a frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &painted);

  gtk_widget_queue_draw (widget);
  wait_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);
}

static void
save_screenshots (HelderWindow *window,
                  const char   *folder)
{
  static const struct { int width; int height; const char *name; } sizes[] = {
    { 1280, 860, "wide" }, { 360, 760, "phone" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *language = g_getenv ("LANGUAGE") != NULL && g_str_has_prefix (g_getenv ("LANGUAGE"), "nl")
                         ? "nl" : "en";

  /* GNOME's title bar buttons, as on a phone: a close button only. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-decoration-layout",
                "appmenu:close", NULL);
  for (guint dark = 0; dark < 2; dark++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autofree char *name = g_strdup_printf ("blocks-%s-%s-%s.png", sizes[i].name,
                                                 dark ? "dark" : "light", language);
        g_autofree char *path = g_build_filename (folder, name, NULL);

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
        gtk_window_unmaximize (GTK_WINDOW (window));
        gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, sizes[i].height);
        /* Let the window take its new size and draw it; text views find
         * their height for a new width over a few frames.
         */
        for (guint frame = 0; frame < 150; frame++)
          {
            g_usleep (10000);
            run_until_idle ();
          }
        /* Right after a frame, when every widget has its size. */
        wait_for_frame (GTK_WIDGET (window));
        helder_test_save_screenshot (GTK_WIDGET (window), path);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkWidget *card_field (GtkWidget  *card,
                              GType       type,
                              const char *label,
                              guint       nth);
static GtkWidget *card_named (HelderWindow *window,
                              const char   *name);
static GtkLabel  *file_state (GtkWidget  *card,
                              const char *label);
static gboolean   label_shows_text (gpointer label);
static void       type_into  (GtkWidget  *field,
                              const char *text);

/* What a screen reader finds on the sample page in the default view: every
 * card named, and no line of file syntax.
 */
static void
test_sample_page_reads_without_syntax (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"),
                                               "content-samples", "ai-bewustzijn", NULL);
  HelderWindow *window = open_course (samples);
  HelderPage *page = helder_course_find_page (helder_window_get_course (window),
                                              "01-introductie/02-wat-is-ai.md");
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GtkWidget *check_card = NULL;
  g_autofree char *check_name = g_strdup_printf ("%s: %s", _("Knowledge check"),
                                                 "Wat is het verschil tussen AI en een gewoon computerprogramma?");

  g_assert_nonnull (page);
  show_page (window, page);
  cards = cards_of (window);
  g_assert_cmpuint (cards->len, >=, 10);

  for (guint i = 0; i < cards->len; i++)
    {
      HelderBlockCard *card = g_ptr_array_index (cards, i);
      const char *name = helder_block_card_get_name (card);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (card)) ==
                     GTK_ACCESSIBLE_ROLE_GROUP);
      g_assert_false (helder_block_card_is_source (card));
      if (g_str_equal (name, check_name))
        check_card = GTK_WIDGET (card);
      collect_texts (GTK_WIDGET (card), texts);
    }
  g_assert_nonnull (check_card);

  lines = g_strsplit (texts->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ')
        line++;
      g_assert_false (g_str_has_prefix (line, "```"));
      g_assert_false (g_str_has_prefix (line, "question:"));
      g_assert_false (g_str_has_prefix (line, "feedback:"));
      g_assert_false (g_str_has_prefix (line, "- [x]"));
      g_assert_false (g_str_has_prefix (line, "kind:"));
    }
  g_assert_nonnull (strstr (texts->str, "Er is geen verschil."));

  /* Editing one field changes only its block's bytes. */
  {
    g_autofree char *before = g_strdup (helder_page_get_text (page));
    const HelderBlock *block = helder_block_card_get_block (HELDER_BLOCK_CARD (check_card));
    gsize head = block->range.start;
    gsize tail = strlen (before) - block->range.end;
    const char *after;

    type_into (card_field (check_card, GTK_TYPE_ENTRY, _("Question"), 0),
               "Wat doet AI anders dan een gewoon programma?");
    after = helder_page_get_text (page);
    g_assert_cmpint (strncmp (before, after, head), ==, 0);
    g_assert_cmpstr (after + strlen (after) - tail, ==, before + strlen (before) - tail);
    g_assert_nonnull (strstr (after, "question: Wat doet AI anders dan een gewoon programma?\n"));
    /* Setting the text empties the field and then fills it: two steps. */
    for (guint i = 0; i < 2; i++)
      {
        gtk_text_buffer_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (GTK_WIDGET (window),
                                                                                    GTK_TYPE_TEXT_VIEW,
                                                                                    "page-text"))));
        run_until_idle ();
      }
    g_assert_cmpstr (helder_page_get_text (page), ==, before);
  }

  if (g_getenv ("HELDER_BLOCK_VIEW_SCREENSHOTS") != NULL)
    {
      /* The video card in view, with its poster and its files read, and
       * the focus in its title.
       */
      g_autofree char *video_name = g_strdup_printf ("%s: %s", _("Video"), "Wat is AI? Een korte uitleg");
      GtkWidget *video = card_named (window, video_name);

      wait_until (label_shows_text, file_state (video, _("Captions")));
      gtk_widget_grab_focus (card_field (video, GTK_TYPE_ENTRY, _("Title"), 0));
      save_screenshots (window, g_getenv ("HELDER_BLOCK_VIEW_SCREENSHOTS"));
    }

  close_window (window);
}

static GtkWidget *
card_field (GtkWidget  *card,
            GType       type,
            const char *label,
            guint       nth)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint seen = 0;

  /* Fields follow their visible label; a text card's field has none. */
  g_ptr_array_add (stack, card);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, 0);
      guint at = 0;

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
        {
          GtkWidget *previous = gtk_widget_get_prev_sibling (widget);
          gboolean match = label == NULL;

          if (!match && GTK_IS_BUTTON (widget))
            match = g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
          if (!match && GTK_IS_CHECK_BUTTON (widget))
            match = g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
          if (!match && previous == NULL && gtk_widget_get_parent (widget) != NULL)
            previous = gtk_widget_get_prev_sibling (gtk_widget_get_parent (widget));
          if (!match && GTK_IS_LABEL (previous))
            match = g_str_equal (gtk_label_get_text (GTK_LABEL (previous)), label);
          if (match && seen++ == nth)
            return widget;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_insert (stack, at++, child);
    }

  g_assert_not_reached ();
}

static void
type_into (GtkWidget  *field,
           const char *text)
{
  gtk_widget_grab_focus (field);
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  run_until_idle ();
}

static GtkWidget *
card_at (HelderWindow *window,
         guint         index)
{
  g_autoptr(GPtrArray) cards = cards_of (window);

  g_assert_cmpuint (index, <, cards->len);

  return g_ptr_array_index (cards, index);
}

/* Inserts a block of palette row @row after the focused card. */
static void
insert_block (HelderWindow *window,
              int           row)
{
  GtkWidget *blocks = find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks");
  GtkWidget *palette = find_widget (blocks, GTK_TYPE_LIST_BOX, "block-palette");

  g_assert_true (gtk_widget_activate_action (blocks, "blocks.insert", NULL));
  run_until_idle ();
  g_signal_emit_by_name (palette, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (palette), row));
  run_until_idle ();
}

static gboolean
command_passes (const char *cli,
                const char *path)
{
  const char *argv[] = { cli, "check", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &output, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("helder-cli check: %s", output);

  return g_spawn_check_wait_status (status, NULL);
}

static void
select_words (GtkWidget  *view,
              const char *words)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start;
  GtkTextIter match_start;
  GtkTextIter match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

static void
activate (GtkWidget  *widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  run_until_idle ();
}

/* The content expert's task: two paragraphs (one with bold text and a
 * link), an image with alt text and a knowledge check with three answers
 * and their feedback, all in cards; the image moved up, a block deleted
 * and brought back; the saved page is the expected file and the course
 * passes the checks.
 */
static void
test_content_expert_task (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *expected = helder_test_data_path ("block-view/expected-page.md");
  g_autofree char *saved = NULL;
  HelderWindow *window;
  HelderPage *page;
  GtkWidget *blocks;
  GtkWidget *card;
  GtkWidget *text;
  GtkWidget *link;
  GtkTextBuffer *buffer;

  window = open_course (path);
  activate (GTK_WIDGET (window), "win.new-page");
  page = helder_window_get_page (window);
  g_assert_cmpuint (cards_of (window)->len, ==, 1);
  blocks = find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks");
  buffer = helder_page_editor_get_buffer (HELDER_PAGE_EDITOR (find_widget (GTK_WIDGET (window),
                                                                           GTK_TYPE_WIDGET,
                                                                           "editor")));

  /* Ctrl+Down to the title card, then two paragraphs after it. */
  activate (blocks, "blocks.next");
  insert_block (window, 0);
  text = card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0);
  type_into (text, "AI leert van voorbeelden. Lees meer op de site van de overheid.");
  /* Ctrl+B on a selected word, Ctrl+K on a selected phrase. */
  select_words (text, "voorbeelden");
  helder_rich_text_view_toggle_style (HELDER_RICH_TEXT_VIEW (text), HELDER_RUN_BOLD);
  run_until_idle ();
  select_words (text, "de site van de overheid");
  link = find_widget (text, GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (link), "https://www.rijksoverheid.nl");
  g_signal_emit_by_name (link, "activate");
  run_until_idle ();
  insert_block (window, 0);
  type_into (card_field (card_at (window, 2), GTK_TYPE_TEXT_VIEW, NULL, 0),
             "Een mens controleert altijd de uitkomst.");

  /* An image with alt text. */
  insert_block (window, 7);
  card = card_at (window, 3);
  type_into (card_field (card, GTK_TYPE_ENTRY, "Picture", 0), "media/logo.png");
  type_into (card_field (card, GTK_TYPE_ENTRY, "Alt text", 0), "Het logo van de cursus.");
  g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card)), ==,
                   "Image: Het logo van de cursus.");

  /* A knowledge check with three answers, the second one right. */
  insert_block (window, 10);
  card = card_at (window, 4);
  type_into (card_field (card, GTK_TYPE_ENTRY, "Question", 0), "Wie controleert de uitkomst?");
  type_into (card_field (card, GTK_TYPE_ENTRY, "Answer", 0), "Niemand.");
  type_into (card_field (card, GTK_TYPE_TEXT_VIEW, "Feedback", 0),
             "Nee. Een mens kijkt altijd of de uitkomst klopt.");
  type_into (card_field (card, GTK_TYPE_ENTRY, "Answer", 1), "Een mens.");
  type_into (card_field (card, GTK_TYPE_TEXT_VIEW, "Feedback", 1), "Goed! Een mens controleert.");
  gtk_widget_grab_focus (card_field (card, GTK_TYPE_CHECK_BUTTON, "Right answer", 1));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (card_field (card, GTK_TYPE_CHECK_BUTTON,
                                                             "Right answer", 1)), TRUE);
  run_until_idle ();
  g_signal_emit_by_name (card_field (card, GTK_TYPE_BUTTON, "Add Answer", 0), "clicked");
  run_until_idle ();
  /* A third answer makes a new card, in the same place. */
  card = card_at (window, 4);
  type_into (card_field (card, GTK_TYPE_ENTRY, "Answer", 2), "De computer zelf.");
  type_into (card_field (card, GTK_TYPE_TEXT_VIEW, "Feedback", 2),
             "Nee. De computer kan fouten maken.");

  /* Alt+Up twice: the image goes above the first paragraph. */
  gtk_widget_grab_focus (card_field (card_at (window, 3), GTK_TYPE_ENTRY, "Alt text", 0));
  activate (blocks, "blocks.move-up");
  activate (blocks, "blocks.move-up");
  g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card_at (window, 1))), ==,
                   "Image: Het logo van de cursus.");

  /* Delete the check, and Undo brings it back. */
  gtk_widget_grab_focus (card_field (card_at (window, 4), GTK_TYPE_ENTRY, "Question", 0));
  activate (blocks, "blocks.delete");
  g_assert_cmpuint (cards_of (window)->len, ==, 4);
  gtk_text_buffer_undo (buffer);
  run_until_idle ();
  g_assert_cmpuint (cards_of (window)->len, ==, 5);

  /* Paste from a web page after the check: headings and lists stay, the
   * script goes.
   */
  gtk_widget_grab_focus (card_field (card_at (window, 4), GTK_TYPE_ENTRY, "Question", 0));
  insert_block (window, 0);
  text = card_field (card_at (window, 5), GTK_TYPE_TEXT_VIEW, NULL, 0);
  gtk_widget_grab_focus (text);
  select_words (text, "New text");
  helder_rich_text_view_paste_html (HELDER_RICH_TEXT_VIEW (text),
                                    "<h2>Let op</h2><ul><li>Lees de <b>bron</b>.</li>"
                                    "<li>Vraag een collega.</li></ul>"
                                    "<script>alert('weg')</script>", -1);
  run_until_idle ();

  activate (GTK_WIDGET (window), "win.save");
  saved = g_build_filename (path, helder_page_get_file (page), NULL);
  if (!helder_test_files_equal (expected, saved))
    {
      g_autofree char *contents = NULL;

      g_file_get_contents (saved, &contents, NULL, NULL);
      g_test_message ("saved page:\n%s", contents);
      g_assert_not_reached ();
    }
  g_assert_true (command_passes (g_getenv ("HELDER_CLI"), path));

  close_window (window);
  helder_test_remove_tree (path);
}

static GtkEventController *
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

static gboolean
has_height (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

/* Drags card @from by its handle and drops it on card @onto, on its upper
 * or lower half, as the pointer would.
 */
static void
drag_card (HelderWindow *window,
           guint         from,
           guint         onto,
           gboolean      lower_half)
{
  GtkWidget *card = card_at (window, from);
  GtkWidget *target = card_at (window, onto);
  GtkWidget *handle = card_field (card, GTK_TYPE_IMAGE, NULL, 0);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_assert_true (gtk_widget_has_css_class (handle, "helder-drag-handle"));
  g_assert_true (gtk_widget_is_visible (handle));

  g_signal_emit_by_name (controller_of (handle, GTK_TYPE_DRAG_SOURCE), "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, HELDER_TYPE_BLOCK_CARD);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_true (g_value_get_object (&value) == card);

  /* Dropped on a card the window has laid out. */
  wait_until (has_height, target);
  g_signal_emit_by_name (controller_of (target, GTK_TYPE_DROP_TARGET), "drop", &value, 10.0,
                         lower_half ? gtk_widget_get_height (target) - 2.0 : 2.0, &dropped);
  g_assert_true (dropped);
  run_until_idle ();
}

/* A card dragged by its handle moves its block, as one step of Undo. */
static void
test_drag_card (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  HelderWindow *window = open_course (path);
  HelderPage *page;
  GtkTextBuffer *buffer;
  g_autofree char *before = NULL;
  const char *text;

  activate (GTK_WIDGET (window), "win.new-page");
  page = helder_window_get_page (window);
  buffer = helder_page_editor_get_buffer (HELDER_PAGE_EDITOR (find_widget (GTK_WIDGET (window),
                                                                           GTK_TYPE_WIDGET,
                                                                           "editor")));
  activate (find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks"), "blocks.next");
  insert_block (window, 0);
  type_into (card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0), "Een.");
  insert_block (window, 0);
  type_into (card_field (card_at (window, 2), GTK_TYPE_TEXT_VIEW, NULL, 0), "Twee.");
  insert_block (window, 5);
  type_into (card_field (card_at (window, 3), GTK_TYPE_ENTRY, "Title", 0), "Let op");
  before = g_strdup (helder_page_get_text (page));

  /* The tip onto the upper half of the first paragraph: before it. */
  drag_card (window, 3, 1, FALSE);
  text = helder_page_get_text (page);
  g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card_at (window, 1))), ==,
                   "Callout: Let op");
  g_assert_true (strstr (text, "> [!TIP] Let op") < strstr (text, "Een."));
  g_assert_true (strstr (text, "Een.\n\nTwee.") != NULL);
  g_assert_cmpuint (strlen (text), ==, strlen (before));
  gtk_text_buffer_undo (buffer);
  run_until_idle ();
  g_assert_cmpstr (helder_page_get_text (page), ==, before);

  /* The first paragraph onto the lower half of the tip: after it, last. */
  drag_card (window, 1, 3, TRUE);
  text = helder_page_get_text (page);
  g_assert_true (strstr (text, "Twee.\n\n> [!TIP] Let op\n> New text\n\nEen.\n") != NULL);
  g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card_at (window, 3))), ==,
                   "Text: Een.");

  close_window (window);
  helder_test_remove_tree (path);
}

static GtkWidget *
card_named (HelderWindow *window,
            const char   *name)
{
  g_autoptr(GPtrArray) cards = cards_of (window);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (helder_block_card_get_name (g_ptr_array_index (cards, i)), name) == 0)
      return g_ptr_array_index (cards, i);

  g_assert_not_reached ();
}

/* The state line under the file field labelled @label. */
static GtkLabel *
file_state (GtkWidget  *card,
            const char *label)
{
  GtkWidget *entry = card_field (card, GTK_TYPE_ENTRY, label, 0);
  GtkWidget *state = gtk_widget_get_next_sibling (gtk_widget_get_parent (entry));

  g_assert_true (GTK_IS_LABEL (state));
  return GTK_LABEL (state);
}

static gboolean
label_shows_text (gpointer label)
{
  return gtk_widget_get_visible (label) && *gtk_label_get_text (label) != '\0';
}

static gboolean
picture_shows (gpointer picture)
{
  return gtk_picture_get_paintable (picture) != NULL;
}

/* The sample video's card: its poster, its length, how much of it the
 * captions cover and the transcript's length; the audio card the same
 * without a picture.
 */
static void
test_media_cards (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"),
                                               "content-samples", "ai-bewustzijn", NULL);
  HelderWindow *window = open_course (samples);
  HelderCourse *course = helder_window_get_course (window);
  GtkWidget *card;
  GtkLabel *captions;
  GtkLabel *transcript;
  GtkLabel *media;

  show_page (window, helder_course_find_page (course, "01-introductie/02-wat-is-ai.md"));
  card = card_named (window, "Video: Wat is AI? Een korte uitleg");
  captions = file_state (card, "Captions");
  transcript = file_state (card, "Transcript");
  media = file_state (card, "Video file");
  wait_until (label_shows_text, captions);
  wait_until (picture_shows, card_field (card, GTK_TYPE_PICTURE, NULL, 0));
  g_assert_true (g_regex_match_simple ("^Captions cover [0-9]+:[0-5][0-9] of [0-9]+:[0-5][0-9]$",
                                       gtk_label_get_text (captions), 0, 0));
  g_assert_true (g_regex_match_simple ("^[0-9]+ words$", gtk_label_get_text (transcript), 0, 0));
  g_assert_true (g_regex_match_simple ("^Plays for [0-9]+:[0-5][0-9]$", gtk_label_get_text (media), 0, 0));
  g_assert_true (gtk_widget_get_sensitive (card_field (card, GTK_TYPE_BUTTON, "Edit", 0)));
  g_assert_true (gtk_widget_get_sensitive (card_field (card, GTK_TYPE_BUTTON, "Edit", 1)));

  show_page (window, helder_course_find_page (course, "03-ethiek/03-privacy.md"));
  card = card_named (window, "Audio: Verhaal: de brieven van vrijdagmiddag");
  captions = file_state (card, "Captions");
  wait_until (label_shows_text, captions);
  g_assert_true (g_regex_match_simple ("^Captions cover [0-9]+:[0-5][0-9] of [0-9]+:[0-5][0-9]$",
                                       gtk_label_get_text (captions), 0, 0));
  g_assert_null (find_widget (card, GTK_TYPE_PICTURE, NULL));

  close_window (window);
}

static gboolean
label_is_visible (gpointer label)
{
  return gtk_widget_get_visible (label);
}

static gboolean
label_is_hidden (gpointer label)
{
  return !gtk_widget_get_visible (label);
}

/* An image card shows its alt text's findings under the alt text, and its
 * "decorative" switch writes the field.
 */
static void
test_image_card (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  HelderWindow *window = open_course (path);
  GtkWidget *card;
  GtkWidget *alt;
  GtkLabel *findings;
  GtkWidget *decorative;

  activate (GTK_WIDGET (window), "win.new-page");
  activate (find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks"), "blocks.next");
  insert_block (window, 7);
  card = card_at (window, 1);
  type_into (card_field (card, GTK_TYPE_ENTRY, "Picture", 0), "media/logo.png");
  wait_until (picture_shows, card_field (card, GTK_TYPE_PICTURE, NULL, 0));
  alt = card_field (card, GTK_TYPE_ENTRY, "Alt text", 0);
  type_into (alt, "logo.png");
  findings = GTK_LABEL (gtk_widget_get_next_sibling (alt));
  wait_until (label_is_visible, findings);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (findings), "The alt text is a file name"));

  decorative = card_field (card, GTK_TYPE_SWITCH, NULL, 0);
  gtk_switch_set_active (GTK_SWITCH (decorative), TRUE);
  run_until_idle ();
  g_assert_nonnull (strstr (helder_page_get_text (helder_window_get_page (window)),
                            "decorative: yes\n"));
  wait_until (label_is_hidden, findings);

  close_window (window);
  helder_test_remove_tree (path);
}

/* The window is as wide as a phone and the page's cards have taken
 * that width.
 */
static gboolean
cards_phone_wide (gpointer window)
{
  GtkWidget *blocks = find_widget (window, GTK_TYPE_WIDGET, "blocks");
  g_autoptr(GPtrArray) cards = cards_of (window);

  if (gdk_surface_get_width (gtk_native_get_surface (window)) != 360 ||
      gtk_widget_get_width (blocks) == 0 || gtk_widget_get_width (blocks) > 360)
    return FALSE;
  for (guint i = 0; i < cards->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (cards, i)) &&
        gtk_widget_get_width (g_ptr_array_index (cards, i)) == 0)
      return FALSE;

  return TRUE;
}

/* Every visible widget in @widget lies within @card's width. */
static void
assert_within (GtkWidget *card,
               GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_visible (widget))
    return;

  g_assert_true (gtk_widget_compute_bounds (widget, card, &bounds));
  if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (card) + 0.5)
    g_error ("A %s of the card “%s” is clipped at 360 pixels: %.0f to %.0f of %d",
             G_OBJECT_TYPE_NAME (widget), helder_block_card_get_name (HELDER_BLOCK_CARD (card)),
             bounds.origin.x, bounds.origin.x + bounds.size.width, gtk_widget_get_width (card));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_within (card, child);
}

/* In a window 360 pixels wide, a phone's, every card and field of every
 * sample page fits: nothing clipped, nothing to scroll sideways.
 */
static void
test_phone_width (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("HELDER_SOURCE_ROOT"),
                                               "content-samples", "ai-bewustzijn", NULL);
  HelderWindow *window = open_course (samples);
  HelderCourse *course = helder_window_get_course (window);
  g_autoptr(GPtrArray) files = page_files (course);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));

  /* GNOME's and a phone's title bar buttons: a close button only. */
  g_object_set (settings, "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GPtrArray) cards = NULL;
      GtkWidget *blocks;
      GtkWidget *scroller;
      GtkAdjustment *sideways;
      int minimum = 0;

      show_page (window, helder_course_find_page (course, g_ptr_array_index (files, i)));
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      wait_until (cards_phone_wide, window);

      blocks = find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks");
      g_assert_true (gtk_widget_get_mapped (blocks));
      scroller = find_widget (blocks, GTK_TYPE_SCROLLED_WINDOW, NULL);
      sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
      g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), <=, gtk_adjustment_get_page_size (sideways));

      cards = cards_of (window);
      for (guint c = 0; c < cards->len; c++)
        {
          assert_within (blocks, g_ptr_array_index (cards, c));
          assert_within (g_ptr_array_index (cards, c), g_ptr_array_index (cards, c));
        }
    }

  close_window (window);
  gtk_settings_reset_property (settings, "gtk-decoration-layout");
}

/* A tip written in its card: its title and text, as "> " lines. */
static void
test_callout (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  HelderWindow *window = open_course (path);
  GtkWidget *card;
  const char *text;

  activate (GTK_WIDGET (window), "win.new-page");
  activate (find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks"), "blocks.next");
  insert_block (window, 5);
  card = card_at (window, 1);
  type_into (card_field (card, GTK_TYPE_ENTRY, "Title", 0), "Let goed op");
  type_into (card_field (card, GTK_TYPE_TEXT_VIEW, "Text", 0), "Lees eerst de tekst.\nDan de vraag.");
  text = helder_page_get_text (helder_window_get_page (window));
  g_assert_nonnull (strstr (text, "> [!TIP] Let goed op\n> Lees eerst de tekst.\n> Dan de vraag."));
  g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card_at (window, 1))), ==,
                   "Callout: Let goed op");

  close_window (window);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (g_getenv ("HELDER_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HELDER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/block-view/pages-open-unchanged", test_pages_open_unchanged);
  g_test_add_func ("/block-view/sample-page-reads-without-syntax",
                   test_sample_page_reads_without_syntax);
  g_test_add_func ("/block-view/content-expert-task", test_content_expert_task);
  g_test_add_func ("/block-view/callout", test_callout);
  g_test_add_func ("/block-view/drag-card", test_drag_card);
  g_test_add_func ("/block-view/media-cards", test_media_cards);
  g_test_add_func ("/block-view/image-card", test_image_card);
  g_test_add_func ("/block-view/phone-width", test_phone_width);

  return g_test_run ();
}
