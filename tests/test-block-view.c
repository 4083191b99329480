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
#include "helder-review-pane.h"
#include "helder-rich-text-view.h"
#include "helder-test-keyboard.h"
#include "helder-test-screenshot.h"
#include "helder-test-utils.h"
#include "helder-ui-test-utils.h"
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

static HelderWindow *
open_course (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = helder_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  helder_window_open_course (window, folder);
  wait_for (page_shown, window);
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
  wait_for (is_true, &painted);
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

      wait_for (label_shows_text, file_state (video, _("Captions")));
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

/* Finds the first @words in @buffer. */
static void
find_words (GtkTextBuffer *buffer,
            const char    *words,
            GtkTextIter   *match_start,
            GtkTextIter   *match_end)
{
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, match_start, match_end, NULL));
}

static void
select_words (GtkWidget  *view,
              const char *words)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter match_start;
  GtkTextIter match_end;

  find_words (buffer, words, &match_start, &match_end);
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
  answer_title_dialog ("Nieuwe pagina");
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
  g_assert_true (helder_test_check_passes (path));

  close_window (window);
  helder_test_remove_tree (path);
}

/* The name of the widget that has the keyboard focus, and of its card, in
 * the test's log: a key that went elsewhere shows where.
 */
static GtkWidget *
focused_widget (HelderWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_test_message ("focus: %s (%s) in %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                  focus != NULL && gtk_widget_get_parent (focus) ? gtk_widget_get_name (gtk_widget_get_parent (focus)) : "",
                  focus != NULL && gtk_widget_get_ancestor (focus, HELDER_TYPE_BLOCK_CARD) != NULL
                  ? helder_block_card_get_name (HELDER_BLOCK_CARD (gtk_widget_get_ancestor (focus, HELDER_TYPE_BLOCK_CARD)))
                  : "no card");

  return focus;
}

/* Asserts that the focus is in a field of type @type in card @index. */
static void
assert_focus_in (HelderWindow *window,
                 guint         index,
                 GType         type)
{
  GtkWidget *focus = focused_widget (window);

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, card_at (window, index)));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (focus, type) ||
                 gtk_widget_get_ancestor (focus, type) != NULL);
}

/* Presses @accelerator and lets the app handle it: a window handles the
 * keys that came in before it draws a frame (GDK holds them back while an
 * animation draws, such as the palette's).
 */
static void
press (const char *accelerator)
{
  helder_test_keyboard_press (accelerator);
  wait_for_frame (GTK_WIDGET (helder_test_keyboard_active ()));
  run_until_idle ();
}

/* Types @text into the focused field, and lets the app handle it. */
static void
type (const char *text)
{
  helder_test_keyboard_type (text);
  wait_for_frame (GTK_WIDGET (helder_test_keyboard_active ()));
  run_until_idle ();
}

/* Shift+Ctrl+Return, then the arrow key down @row times and Return: the
 * palette's block @row goes after the focused card.
 */
static void
insert_by_keys (HelderWindow *window, guint row)
{
  press ("<Shift><Control>Return");
  helder_test_keyboard_repeat ("Down", row);
  press ("Return");
  focused_widget (window);
}

/* Presses Tab until the focus is in the field of card @index that
 * card_field() finds, and fails if twenty presses do not get there. The
 * field is looked up after each press: an edit may renew the card.
 */
static void
tab_to (HelderWindow *window,
        guint         index,
        GType         type,
        const char   *label,
        guint         nth)
{
  for (guint i = 0; i < 20; i++)
    {
      GtkWidget *field = card_field (card_at (window, index), type, label, nth);
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (focus != NULL && (focus == field || gtk_widget_is_ancestor (focus, field)))
        return;
      press ("Tab");
    }
  focused_widget (window);
  g_error ("Tab does not get to “%s” %u in card %u", label, nth, index);
}

/* Replaces the whole text of the focused field by @text. */
static void
retype (const char *text)
{
  press ("<Control>a");
  type (text);
}

/* With HELDER_BLOCK_VIEW_SCREENSHOTS=FOLDER, a picture of a step of the
 * task by keyboard, to see what the author sees.
 */
static void
step_screenshot (HelderWindow *window,
                 const char   *name)
{
  const char *folder = g_getenv ("HELDER_BLOCK_VIEW_SCREENSHOTS");

  if (folder != NULL)
    helder_test_save_named_screenshot (GTK_WIDGET (window), folder, name);
}

#define PASTED_HTML "<h2>Let op</h2><ul><li>Lees de <b>bron</b>.</li>" \
                    "<li>Vraag een collega.</li></ul><script>alert('weg')</script>"

static gboolean
page_has_heading (gpointer page)
{
  return strstr (helder_page_get_text (page), "## Let op") != NULL;
}

static gboolean
page_saved (gpointer page)
{
  return !helder_page_get_modified (page);
}

/* The content expert's task of the old test, by keyboard alone: every
 * step is a key press through the X server, and only the pasted HTML is
 * put on the clipboard by the test, as a browser would.
 */
static void
test_content_expert_keyboard (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autofree char *expected = helder_test_data_path ("block-view/expected-page.md");
  g_autofree char *saved = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GtkEventController *shortcuts;
  HelderWindow *window;
  HelderPage *page;

  window = open_window (folder);
  /* Ctrl+S, as HelderApplication sets it (the test runs without one). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                          gtk_named_action_new ("win.save")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
  helder_test_keyboard_focus (GTK_WINDOW (window));
  press ("<Control>n");
  helder_test_keyboard_focus (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  helder_test_keyboard_type ("Nieuwe pagina\n");
  wait_for (dialog_gone, NULL);
  helder_test_keyboard_focus (GTK_WINDOW (window));
  run_until_idle ();
  page = helder_window_get_page (window);
  g_assert_cmpstr (helder_page_get_title (page), ==, "Nieuwe pagina");
  g_assert_cmpuint (cards_of (window)->len, ==, 1);

  /* The new page has the focus, in its title's card: a text card after it. */
  assert_focus_in (window, 0, GTK_TYPE_WIDGET);
  insert_by_keys (window, 0);
  tab_to (window, 1, GTK_TYPE_TEXT_VIEW, NULL, 0);
  retype ("AI leert van voorbeelden. Lees meer op de site van de overheid.");
  /* Left, then five words to the left: Ctrl+K makes them a link. */
  press ("Left");
  helder_test_keyboard_repeat ("<Shift><Control>Left", 5);
  press ("<Control>k");
  retype ("https://www.rijksoverheid.nl\n");
  /* The fourth word, by Ctrl+Right from the start: Ctrl+B. */
  press ("<Control>Home");
  helder_test_keyboard_repeat ("<Control>Right", 4);
  press ("<Shift><Control>Left");
  press ("<Control>b");
  step_screenshot (window, "keyboard-paragraph");

  /* The second paragraph. */
  insert_by_keys (window, 0);
  tab_to (window, 2, GTK_TYPE_TEXT_VIEW, NULL, 0);
  retype ("Een mens controleert altijd de uitkomst.");

  /* An image with alt text: the palette's eighth row. */
  insert_by_keys (window, 7);
  tab_to (window, 3, GTK_TYPE_ENTRY, "Picture", 0);
  retype ("media/logo.png");
  tab_to (window, 3, GTK_TYPE_ENTRY, "Alt text", 0);
  retype ("Het logo van de cursus.");
  g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card_at (window, 3))), ==,
                   "Image: Het logo van de cursus.");

  /* A knowledge check with three answers, the second one right. */
  insert_by_keys (window, 10);
  tab_to (window, 4, GTK_TYPE_ENTRY, "Question", 0);
  retype ("Wie controleert de uitkomst?");
  tab_to (window, 4, GTK_TYPE_ENTRY, "Answer", 0);
  retype ("Niemand.");
  tab_to (window, 4, GTK_TYPE_TEXT_VIEW, "Feedback", 0);
  retype ("Nee. Een mens kijkt altijd of de uitkomst klopt.");
  tab_to (window, 4, GTK_TYPE_ENTRY, "Answer", 1);
  retype ("Een mens.");
  tab_to (window, 4, GTK_TYPE_CHECK_BUTTON, "Right answer", 1);
  press ("space");
  tab_to (window, 4, GTK_TYPE_TEXT_VIEW, "Feedback", 1);
  retype ("Goed! Een mens controleert.");
  /* Add Answer: Tab to it, Space. */
  tab_to (window, 4, GTK_TYPE_BUTTON, "Add Answer", 0);
  press ("space");
  tab_to (window, 4, GTK_TYPE_ENTRY, "Answer", 2);
  retype ("De computer zelf.");
  tab_to (window, 4, GTK_TYPE_TEXT_VIEW, "Feedback", 2);
  retype ("Nee. De computer kan fouten maken.");
  step_screenshot (window, "keyboard-check");

  /* Ctrl+Up to the image; Alt+Up twice puts it above the first paragraph. */
  press ("<Control>Up");
  assert_focus_in (window, 3, GTK_TYPE_WIDGET);
  press ("<Alt>Up");
  press ("<Alt>Up");
  g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card_at (window, 1))), ==,
                   "Image: Het logo van de cursus.");
  assert_focus_in (window, 1, GTK_TYPE_WIDGET);

  /* Ctrl+Down to the check; Shift+Ctrl+Delete deletes it, Ctrl+Z brings it back. */
  helder_test_keyboard_repeat ("<Control>Down", 2);
  press ("<Control>Down");
  assert_focus_in (window, 4, GTK_TYPE_WIDGET);
  press ("<Shift><Control>Delete");
  g_assert_cmpuint (cards_of (window)->len, ==, 4);
  press ("<Control>z");
  g_assert_cmpuint (cards_of (window)->len, ==, 5);

  /* Paste from a web page after the check: headings and lists stay, the
   * script goes. The browser puts HTML on the clipboard; Ctrl+V pastes it.
   */
  press ("<Control>Down");
  press ("<Control>Down");
  assert_focus_in (window, 4, GTK_TYPE_WIDGET);
  insert_by_keys (window, 0);
  tab_to (window, 5, GTK_TYPE_TEXT_VIEW, NULL, 0);
  html = g_bytes_new_static (PASTED_HTML, strlen (PASTED_HTML));
  provider = gdk_content_provider_new_for_bytes ("text/html", html);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (window)), provider);
  press ("<Control>a");
  press ("<Control>v");
  wait_for (page_has_heading, page);
  step_screenshot (window, "keyboard-pasted");

  press ("<Control>s");
  wait_for (page_saved, page);
  saved = g_build_filename (path, helder_page_get_file (page), NULL);
  if (!helder_test_files_equal (expected, saved))
    {
      g_autofree char *contents = NULL;

      g_file_get_contents (saved, &contents, NULL, NULL);
      g_error ("the saved page differs from block-view/expected-page.md:\n%s", contents);
    }
  g_assert_true (helder_test_check_passes (path));

  close_and_finalize (window);
  helder_test_remove_tree (path);
}

/* Return twice at the end of a text card, as a person types: a new
 * paragraph, which is a block of its own, so a card of its own after the
 * first, where the typing goes on.
 */
static void
test_enter_twice_by_keys (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  HelderWindow *window = open_window (folder);
  const char *expected;
  const char *text;
  HelderPage *page;

  helder_test_keyboard_focus (GTK_WINDOW (window));
  press ("<Control>n");
  helder_test_keyboard_focus (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  helder_test_keyboard_type ("Twee alinea's\n");
  wait_for (dialog_gone, NULL);
  helder_test_keyboard_focus (GTK_WINDOW (window));
  run_until_idle ();
  page = helder_window_get_page (window);

  insert_by_keys (window, 0);
  tab_to (window, 1, GTK_TYPE_TEXT_VIEW, NULL, 0);
  retype ("De eerste alinea.");
  type ("\n\nDe tweede alinea.");
  assert_focus_in (window, 2, GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (cards_of (window)->len, ==, 3);
  text = helder_page_get_text (page);
  expected = "# Twee alinea's\n\nDe eerste alinea.\n\nDe tweede alinea.\n";
  if (!g_str_has_prefix (text, expected) || text[strspn (text + strlen (expected), "\n") + strlen (expected)] != '\0')
    g_error ("the page reads:\n%s", text);

  close_and_finalize (window);
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
  wait_for (has_height, target);
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
  wait_for (label_shows_text, captions);
  wait_for (picture_shows, card_field (card, GTK_TYPE_PICTURE, NULL, 0));
  g_assert_true (g_regex_match_simple ("^Captions cover [0-9]+:[0-5][0-9] of [0-9]+:[0-5][0-9]$",
                                       gtk_label_get_text (captions), 0, 0));
  g_assert_true (g_regex_match_simple ("^[0-9]+ words$", gtk_label_get_text (transcript), 0, 0));
  g_assert_true (g_regex_match_simple ("^Plays for [0-9]+:[0-5][0-9]$", gtk_label_get_text (media), 0, 0));
  g_assert_true (gtk_widget_get_sensitive (card_field (card, GTK_TYPE_BUTTON, "Edit", 0)));
  g_assert_true (gtk_widget_get_sensitive (card_field (card, GTK_TYPE_BUTTON, "Edit", 1)));

  show_page (window, helder_course_find_page (course, "03-ethiek/03-privacy.md"));
  card = card_named (window, "Audio: Verhaal: de brieven van vrijdagmiddag");
  captions = file_state (card, "Captions");
  wait_for (label_shows_text, captions);
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
  wait_for (picture_shows, card_field (card, GTK_TYPE_PICTURE, NULL, 0));
  alt = card_field (card, GTK_TYPE_ENTRY, "Alt text", 0);
  type_into (alt, "logo.png");
  findings = GTK_LABEL (gtk_widget_get_next_sibling (alt));
  wait_for (label_is_visible, findings);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (findings), "The alt text is a file name"));

  decorative = card_field (card, GTK_TYPE_SWITCH, NULL, 0);
  gtk_switch_set_active (GTK_SWITCH (decorative), TRUE);
  run_until_idle ();
  g_assert_nonnull (strstr (helder_page_get_text (helder_window_get_page (window)),
                            "decorative: yes\n"));
  wait_for (label_is_hidden, findings);

  close_window (window);
  helder_test_remove_tree (path);
}

static gboolean
menu_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The widget in @root that shows @text (a menu item's label), or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A card's menu is made when it first opens (a page of many cards holds
 * no menus it does not show) and its items act on that card.
 */
static void
test_card_menu (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  HelderWindow *window = open_course (path);
  g_autoptr(GPtrArray) cards = cards_of (window);
  g_autoptr(GPtrArray) after = NULL;
  const char *paragraph = "Fijn dat je er bent. In deze cursus leer je hoe Helder werkt.\n"
                          "Je leest korte teksten en je maakt kleine vragen.\n\n";
  const char *text;
  GtkWidget *button;
  GtkWidget *item;

  for (guint i = 0; i < cards->len; i++)
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (
      find_widget (g_ptr_array_index (cards, i), GTK_TYPE_MENU_BUTTON, NULL))));

  button = find_widget (g_ptr_array_index (cards, 1), GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  wait_for (menu_shown, button);
  item = find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                     "Duplicate");
  g_assert_nonnull (item);
  gtk_widget_activate (gtk_widget_get_parent (item));
  run_until_idle ();

  after = cards_of (window);
  g_assert_cmpuint (after->len, ==, cards->len + 1);
  text = helder_page_get_text (helder_window_get_page (window));
  g_assert_nonnull (strstr (text, paragraph));
  g_assert_nonnull (strstr (strstr (text, paragraph) + strlen (paragraph), paragraph));

  close_window (window);
  helder_test_remove_tree (path);
}

/* A text card's style toolbar is made when the card first has the focus,
 * shows while it has it, and sets the paragraph's style.
 */
static void
test_paragraph_bar (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  HelderWindow *window = open_course (path);
  GtkWidget *card = card_at (window, 1);
  GtkWidget *bar = find_widget (card, GTK_TYPE_BOX, "paragraph-bar");
  GtkWidget *text = card_field (card, GTK_TYPE_TEXT_VIEW, NULL, 0);
  guint n_buttons = 0;

  g_assert_nonnull (bar);
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_null (gtk_widget_get_first_child (bar));

  gtk_widget_grab_focus (text);
  run_until_idle ();
  g_assert_true (gtk_widget_get_visible (bar));
  for (GtkWidget *button = gtk_widget_get_first_child (bar); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    n_buttons++;
  g_assert_cmpuint (n_buttons, ==, 6);

  /* H2: the paragraph becomes a heading. */
  g_signal_emit_by_name (gtk_widget_get_next_sibling (gtk_widget_get_first_child (bar)), "clicked");
  run_until_idle ();
  g_assert_nonnull (strstr (helder_page_get_text (helder_window_get_page (window)),
                            "\n## Fijn dat je er bent."));

  /* The focus in the title card: no toolbar shows in this one. */
  card = card_at (window, 1);
  g_assert_true (gtk_widget_child_focus (card_at (window, 0), GTK_DIR_TAB_FORWARD));
  run_until_idle ();
  bar = find_widget (card, GTK_TYPE_BOX, "paragraph-bar");
  g_assert_true (bar == NULL || !gtk_widget_get_visible (bar));

  close_window (window);
  helder_test_remove_tree (path);
}

/* A card is named by its kind and its first words as it shows them:
 * no list marks, emphasis or link addresses from the page's source.
 */
static void
test_card_names (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  HelderWindow *window = open_course (path);
  g_autoptr(GPtrArray) cards = cards_of (window);
  gboolean list_seen = FALSE;

  for (guint i = 0; i < cards->len; i++)
    {
      const char *name = helder_block_card_get_name (g_ptr_array_index (cards, i));

      g_assert_null (strstr (name, ": - "));
      g_assert_null (strstr (name, ": •"));
      g_assert_null (strstr (name, "**"));
      g_assert_null (strstr (name, "]("));
      list_seen |= g_str_equal (name, "Text: Je leert wat een pagina is.");
    }
  g_assert_true (list_seen);

  /* Typed over, a text card is named after its new words. */
  {
    GtkWidget *text = card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
    GtkTextIter start;
    GtkTextIter end;

    gtk_widget_grab_focus (text);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_select_range (buffer, &start, &end);
    type_into (text, "Nieuwe woorden staan hier.");
    g_assert_cmpstr (helder_block_card_get_name (HELDER_BLOCK_CARD (card_at (window, 1))), ==,
                     "Text: Nieuwe woorden staan hier.");
  }

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
      wait_for (cards_phone_wide, window);

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
  answer_title_dialog ("Nieuwe pagina");
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

static HelderPageEditor *
editor_of (HelderWindow *window)
{
  return HELDER_PAGE_EDITOR (find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "editor"));
}

/* Whether the tag named @tag covers @words in @view, and if @exactly,
 * starts and ends with them (where a finding on the whole field has the
 * same tag, a word's own cannot be told apart).
 */
static gboolean
view_has_tag (GtkWidget  *view,
              const char *words,
              const char *tag_name,
              gboolean    exactly)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter match_start;
  GtkTextIter match_end;
  GtkTextIter iter;

  find_words (buffer, words, &match_start, &match_end);
  if (tag == NULL)
    return FALSE;
  if (exactly)
    {
      iter = match_start;
      return gtk_text_iter_starts_tag (&match_start, tag) && gtk_text_iter_ends_tag (&match_end, tag) &&
             (!gtk_text_iter_backward_char (&iter) || !gtk_text_iter_has_tag (&iter, tag));
    }
  for (iter = match_start; gtk_text_iter_compare (&iter, &match_end) < 0; gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag))
      return FALSE;

  return TRUE;
}

/* The tag the Source view gives the finding on @words. */
static GtkTextTag *
source_tag_at (HelderWindow *window,
               const char   *words)
{
  GtkTextIter match_start;
  GtkTextIter match_end;
  g_autoptr(GSList) tags = NULL;

  find_words (helder_page_editor_get_buffer (editor_of (window)), words, &match_start, &match_end);
  tags = gtk_text_iter_get_tags (&match_start);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      if (name != NULL && g_str_has_prefix (name, "helder-"))
        return l->data;
    }

  g_assert_not_reached ();
}

/* Whether the entry underlines bytes @start to @end of its text. */
static gboolean
entry_underlines (GtkWidget  *entry,
                  const char *words)
{
  PangoAttrList *attributes = gtk_entry_get_attributes (GTK_ENTRY (entry));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *found = strstr (text, words);
  g_autoptr(GSList) all = NULL;

  g_assert_nonnull (found);
  if (attributes == NULL)
    return FALSE;

  all = pango_attr_list_get_attributes (attributes);
  for (GSList *l = all; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_UNDERLINE &&
          attribute->start_index == (guint) (found - text) &&
          attribute->end_index == (guint) (found - text + strlen (words)))
        {
          g_slist_free_full (g_steal_pointer (&all), (GDestroyNotify) pango_attribute_destroy);
          return TRUE;
        }
    }
  g_slist_free_full (g_steal_pointer (&all), (GDestroyNotify) pango_attribute_destroy);

  return FALSE;
}

/* A page with a paragraph, a knowledge check and a paragraph with an
 * image (a source card),
 * each with the bureaucratic word "teneinde".
 */
static HelderWindow *
open_findings_page (char **path)
{
  HelderWindow *window;
  GtkWidget *text;

  *path = helder_test_copy_course ("course-valid");
  window = open_course (*path);
  activate (GTK_WIDGET (window), "win.new-page");
  answer_title_dialog ("Nieuwe pagina");
  activate (find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks"), "blocks.next");
  insert_block (window, 0);
  text = card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0);
  type_into (text, "Je leest dit teneinde te leren.");
  select_words (text, "dit");
  helder_rich_text_view_toggle_style (HELDER_RICH_TEXT_VIEW (text), HELDER_RUN_BOLD);
  run_until_idle ();
  insert_block (window, 10);
  type_into (card_field (card_at (window, 2), GTK_TYPE_ENTRY, "Question", 0),
             "Wat doe je teneinde het te leren?");
  type_into (card_field (card_at (window, 2), GTK_TYPE_TEXT_VIEW, "Feedback", 0),
             "Goed. Je oefent teneinde het te leren.");
  helder_page_editor_replace (editor_of (window),
                              &(HelderRange) { helder_page_get_length (helder_window_get_page (window)),
                                               helder_page_get_length (helder_window_get_page (window)) },
                              "\nZie ![Het logo](media/logo.png) teneinde te leren.\n");
  helder_page_editor_check_now (editor_of (window));
  run_until_idle ();
  g_assert_true (helder_block_card_is_source (HELDER_BLOCK_CARD (card_at (window, 3))));

  return window;
}

static gboolean
fix_menu_offers (GtkWidget  *view,
                 const char *label)
{
  GMenuModel *extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  GMenuModel *fixes;

  g_assert_nonnull (extra);
  fixes = g_menu_model_get_item_link (extra, 0, G_MENU_LINK_SECTION);
  for (int i = 0; i < g_menu_model_get_n_items (fixes); i++)
    {
      g_autofree char *text = NULL;

      g_menu_model_get_item_attribute (fixes, i, G_MENU_ATTRIBUTE_LABEL, "s", &text);
      if (g_strcmp0 (text, label) == 0)
        {
          g_object_unref (fixes);
          return TRUE;
        }
    }
  g_object_unref (fixes);

  return FALSE;
}

/* Findings show in the cards as in Source: the same underline on the
 * word in rich text, in a question, in feedback and in a source card; the
 * card's badge counts them for a screen reader too; the right-click menu
 * offers Source's fixes and they work from the card.
 */
static void
test_findings_in_cards (void)
{
  g_autofree char *path = NULL;
  HelderWindow *window = open_findings_page (&path);
  GtkWidget *text = card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0);
  GtkWidget *question = card_field (card_at (window, 2), GTK_TYPE_ENTRY, "Question", 0);
  GtkWidget *feedback = card_field (card_at (window, 2), GTK_TYPE_TEXT_VIEW, "Feedback", 0);
  GtkWidget *table = card_field (card_at (window, 3), GTK_TYPE_TEXT_VIEW, NULL, 0);
  GtkTextTag *source_tag = source_tag_at (window, "teneinde");
  g_autofree char *tag_name = NULL;
  GtkTextTag *card_tag;
  GtkWidget *badge;
  PangoUnderline source_underline;
  PangoUnderline card_underline;
  g_autoptr(GdkRGBA) source_colour = NULL;
  g_autoptr(GdkRGBA) card_colour = NULL;
  GtkTextIter iter;
  guint count;
  g_autofree char *spoken = NULL;
  g_autofree char *fewer = NULL;

  g_object_get (source_tag, "name", &tag_name, "underline", &source_underline,
                "underline-rgba", &source_colour, NULL);
  g_assert_true (view_has_tag (text, "teneinde", tag_name, TRUE));
  g_assert_true (view_has_tag (feedback, "teneinde", tag_name, FALSE));
  g_assert_true (view_has_tag (table, "teneinde", tag_name, TRUE));
  g_assert_true (entry_underlines (question, "teneinde"));
  card_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text))),
                                        tag_name);
  g_object_get (card_tag, "underline", &card_underline, "underline-rgba", &card_colour, NULL);
  g_assert_cmpint (card_underline, ==, source_underline);
  g_assert_true (gdk_rgba_equal (card_colour, source_colour));

  /* The badge counts the check's two findings, and says so. */
  badge = find_widget (card_at (window, 2), GTK_TYPE_LABEL, NULL);
  for (; badge != NULL && !gtk_widget_has_css_class (badge, "helder-badge");
       badge = gtk_widget_get_next_sibling (badge))
    ;
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_visible (badge));
  count = (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (badge)), NULL, 10);
  g_assert_cmpuint (count, >=, 2);
  spoken = g_strdup_printf ("%u findings", count);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       spoken);

  /* The cursor on the word: the menu offers Source's fixes, and the
   * replacement works from the card.
   */
  gtk_widget_grab_focus (feedback);
  select_words (feedback, "teneinde");
  gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (feedback)), &iter, NULL);
  gtk_text_iter_forward_chars (&iter, 2);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (feedback)), &iter);
  run_until_idle ();
  g_assert_true (fix_menu_offers (feedback, "Replace by “om”"));
  g_assert_true (gtk_widget_activate_action (feedback, "editor.apply-suggestion", "u", 0));
  run_until_idle ();
  g_assert_nonnull (strstr (helder_page_get_text (helder_window_get_page (window)),
                            "Goed. Je oefent om het te leren."));

  /* The next check, as the author types: the other words are marked
   * still, the badge counts one finding less.
   */
  helder_page_editor_check_now (editor_of (window));
  run_until_idle ();
  g_assert_true (view_has_tag (card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0),
                               "teneinde", tag_name, TRUE));
  g_assert_true (entry_underlines (card_field (card_at (window, 2), GTK_TYPE_ENTRY, "Question", 0),
                                   "teneinde"));
  fewer = g_strdup_printf ("%u", count - 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, fewer);

  close_window (window);
  helder_test_remove_tree (path);
}

static const HelderDiagnostic *
finding_in (HelderWindow *window,
            const char   *context)
{
  const char *text = helder_page_get_text (helder_window_get_page (window));
  gsize at = strstr (text, context) - text + strstr (context, "teneinde") - context;
  GPtrArray *diagnostics = helder_page_editor_get_diagnostics (editor_of (window));

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->start == at && d->end == at + strlen ("teneinde"))
        return d;
    }

  g_assert_not_reached ();
}

static void
assert_selected (GtkWidget  *field,
                 const char *words)
{
  g_autofree char *selected = NULL;
  GtkRoot *root = gtk_widget_get_root (field);

  g_assert_true (gtk_root_get_focus (root) == field ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (root), field));
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextIter start;
      GtkTextIter end;

      g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)),
                                                           &start, &end));
      selected = gtk_text_iter_get_text (&start, &end);
    }
  else
    {
      int start;
      int end;

      g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (field), &start, &end));
      selected = gtk_editable_get_chars (GTK_EDITABLE (field), start, end);
    }
  g_assert_cmpstr (selected, ==, words);
}

/* Choosing a finding in the Findings pane while the cards show puts the
 * focus in its card and field, with its word selected; in a source card
 * too.
 */
static void
test_finding_focuses_field (void)
{
  g_autofree char *path = NULL;
  HelderWindow *window = open_findings_page (&path);
  HelderPageEditor *editor = editor_of (window);

  helder_page_editor_select (editor, finding_in (window, "teneinde het te leren?"));
  run_until_idle ();
  assert_selected (card_field (card_at (window, 2), GTK_TYPE_ENTRY, "Question", 0), "teneinde");

  helder_page_editor_select (editor, finding_in (window, "teneinde het te leren."));
  run_until_idle ();
  assert_selected (card_field (card_at (window, 2), GTK_TYPE_TEXT_VIEW, "Feedback", 0), "teneinde");

  helder_page_editor_select (editor, finding_in (window, "png) teneinde"));
  run_until_idle ();
  assert_selected (card_field (card_at (window, 3), GTK_TYPE_TEXT_VIEW, NULL, 0), "teneinde");

  helder_page_editor_select (editor, finding_in (window, "dit** teneinde"));
  run_until_idle ();
  assert_selected (card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0), "teneinde");
  /* The cards stay shown. */
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks")));

  close_window (window);
  helder_test_remove_tree (path);
}

static GtkWidget *
review_pane_widget (HelderWindow *window,
                    const char   *name)
{
  GtkWidget *pane = find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "review-pane");

  return find_widget (pane, GTK_TYPE_WIDGET, name);
}

/* Selects @words in @field as the reviewer does, and comments on them. */
static void
comment_on (HelderWindow *window,
            GtkWidget    *field,
            const char   *words,
            const char   *comment)
{
  gtk_widget_grab_focus (field);
  select_words (field, words);
  run_until_idle ();
  gtk_editable_set_text (GTK_EDITABLE (review_pane_widget (window, "comment")), comment);
  g_assert_true (gtk_widget_get_sensitive (review_pane_widget (window, "add-comment")));
  g_signal_emit_by_name (review_pane_widget (window, "add-comment"), "clicked");
  run_until_idle ();
}

static gboolean
has_range (GArray     *ranges,
           const char *text,
           const char *context,
           const char *words)
{
  gsize start = strstr (text, context) - text + strstr (context, words) - context;

  for (guint i = 0; i < ranges->len; i++)
    if (g_array_index (ranges, HelderRange, i).start == start &&
        g_array_index (ranges, HelderRange, i).end == start + strlen (words))
      return TRUE;

  return FALSE;
}

/* Review mode in the cards: read-only fields and a note that says so; a
 * passage selected in a card takes a comment anchored to exactly those
 * bytes of the page; the commented passages are highlighted in the cards.
 */
static void
test_review_in_cards (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HelderWindow *window;
  GtkWidget *banner;
  GtkWidget *text;
  GtkWidget *feedback;
  GArray *ranges;
  const char *source;
  GtkTextIter first;

  g_settings_set_string (settings, "reviewer-name", "Sanne de Vries");
  g_settings_set_string (settings, "reviewer-role", "communications-adviser");
  window = open_findings_page (&path);
  banner = find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "review-banner");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (banner))));

  activate (GTK_WIDGET (window), "win.review-mode");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (banner))));
  text = card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0);
  feedback = card_field (card_at (window, 2), GTK_TYPE_TEXT_VIEW, "Feedback", 0);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (text)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (feedback)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (card_field (card_at (window, 2), GTK_TYPE_ENTRY,
                                                                       "Question", 0))));

  comment_on (window, feedback, "oefent teneinde", "Kan dit eenvoudiger?");
  comment_on (window, text, "teneinde te", "Liever: om te.");
  /* A passage across bold text takes the bold marks with it. */
  comment_on (window, text, "leest dit", "Wat lees je?");

  source = helder_page_get_text (helder_window_get_page (window));
  ranges = helder_review_pane_get_ranges (HELDER_REVIEW_PANE (find_widget (GTK_WIDGET (window),
                                                                           GTK_TYPE_WIDGET,
                                                                           "review-pane")));
  g_assert_true (has_range (ranges, source, "Je oefent teneinde", "oefent teneinde"));
  g_assert_true (has_range (ranges, source, "dit** teneinde te", "teneinde te"));
  g_assert_true (has_range (ranges, source, "Je leest **dit**", "leest **dit"));

  helder_page_editor_check_now (editor_of (window));
  run_until_idle ();
  g_assert_true (view_has_tag (card_field (card_at (window, 2), GTK_TYPE_TEXT_VIEW, "Feedback", 0),
                               "oefent teneinde", "helder-comment", TRUE));
  g_assert_true (view_has_tag (card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0),
                               "teneinde te", "helder-comment", TRUE));
  g_assert_true (view_has_tag (card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0),
                               "leest dit", "helder-comment", FALSE));
  /* docs/screenshots/blocks-review-light-en.png: findings and comments in review mode. */
  if (g_getenv ("HELDER_BLOCK_VIEW_SCREENSHOTS") != NULL)
    {
      g_autofree char *picture = g_build_filename (g_getenv ("HELDER_BLOCK_VIEW_SCREENSHOTS"),
                                                   "blocks-review-light-en.png", NULL);

      for (guint frame = 0; frame < 150; frame++)
        {
          g_usleep (10000);
          run_until_idle ();
        }
      helder_test_save_screenshot (GTK_WIDGET (window), picture);
    }

  /* Showing the first thread's passage (page order) from the review pane
   * puts the focus in its card with the passage selected. */
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), &first);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), &first);
  gtk_widget_grab_focus (card_field (card_at (window, 2), GTK_TYPE_ENTRY, "Question", 0));
  g_signal_emit_by_name (review_pane_widget (window, "show-passage"), "clicked");
  run_until_idle ();
  assert_selected (text, "leest dit");

  close_window (window);
  helder_test_remove_tree (path);
}

/* The preview follows the page buffer's cursor: the focus in a card puts
 * it in that card's block.
 */
static void
test_focus_moves_cursor (void)
{
  g_autofree char *path = NULL;
  HelderWindow *window = open_findings_page (&path);

  for (guint i = 3; i > 0; i--)
    {
      const HelderBlock *block = helder_block_card_get_block (HELDER_BLOCK_CARD (card_at (window, i)));
      gsize cursor;

      g_assert_true (gtk_widget_child_focus (card_at (window, i), GTK_DIR_TAB_FORWARD));
      run_until_idle ();
      cursor = helder_page_editor_get_cursor (editor_of (window));
      g_assert_cmpuint (cursor, >=, block->range.start);
      g_assert_cmpuint (cursor, <=, block->range.end);
    }

  close_window (window);
  helder_test_remove_tree (path);
}

/* Types @text into @view one keystroke at a time, as GtkTextView does:
 * each key is one user action on the field's buffer.
 */
static void
type_keys (GtkWidget  *view,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  for (const char *key = text; *key != '\0'; key = g_utf8_next_char (key))
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, key, g_utf8_next_char (key) - key, TRUE);
      gtk_text_buffer_end_user_action (buffer);
      run_until_idle ();
    }
}

/* Enter twice in a text card and a letter start a new paragraph without
 * GTK's warning about an irreversible action inside a user action (the
 * card was filled again while the keystroke's step was still open), and
 * the page gets the new paragraph.
 */
static void
test_blank_line_in_card (void)
{
  g_autofree char *path = NULL;
  HelderWindow *window = open_findings_page (&path);
  GtkWidget *text = card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
  GtkTextIter end;
  HelderPage *page;

  gtk_widget_grab_focus (text);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  type_keys (text, "\n\nN");

  page = helder_window_get_page (window);
  g_assert_nonnull (strstr (helder_page_get_text (page),
                            "Je leest **dit** teneinde te leren.\n\nN\n"));
  close_window (window);
  helder_test_remove_tree (path);
}

#define HUGE_PASTE_PARTS 2000

/* A huge paste: a long document from Word or a web page, pasted into a
 * text card, arrives whole; the page is then too long for cards, and the
 * view says so, with the way on to Source, where the pasted text is
 * selected. Nothing hangs building thousands of cards.
 */
static void
test_huge_paste (void)
{
  g_autofree char *path = helder_test_copy_course ("course-valid");
  g_autoptr(GString) html = g_string_new (NULL);
  HelderWindow *window = open_course (path);
  GtkWidget *blocks;
  GtkWidget *text;
  GtkWidget *too_long;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  HelderPage *page;
  gint64 started;

  activate (GTK_WIDGET (window), "win.new-page");
  answer_title_dialog ("Nieuwe pagina");
  blocks = find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "blocks");
  activate (blocks, "blocks.next");
  insert_block (window, 0);
  text = card_field (card_at (window, 1), GTK_TYPE_TEXT_VIEW, NULL, 0);
  gtk_widget_grab_focus (text);
  {
    GtkTextBuffer *card_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));

    gtk_text_buffer_get_bounds (card_buffer, &start, &end);
    gtk_text_buffer_select_range (card_buffer, &start, &end);
  }

  for (guint i = 0; i < HUGE_PASTE_PARTS; i++)
    g_string_append_printf (html, "<h2>Deel %u</h2><p>Dit is alinea %u. Ze gaat over het werk "
                            "van de gemeente en over AI.</p><ul><li>Punt een</li><li>Punt twee"
                            "</li></ul>", i + 1, i + 1);
  started = g_get_monotonic_time ();
  helder_rich_text_view_paste_html (HELDER_RICH_TEXT_VIEW (text), html->str, html->len);
  run_until_idle ();
  g_test_message ("pasted %u parts (%zu bytes) in %.0f ms", HUGE_PASTE_PARTS, html->len,
                  (g_get_monotonic_time () - started) / 1000.0);

  page = helder_window_get_page (window);
  g_assert_nonnull (strstr (helder_page_get_text (page), "# Nieuwe pagina\n\n## Deel 1\n"));
  {
    g_autofree char *last = g_strdup_printf ("Dit is alinea %u.", HUGE_PASTE_PARTS);

    g_assert_nonnull (strstr (helder_page_get_text (page), last));
  }

  /* No cards, but what to do, with the focus on the way on. */
  too_long = find_widget (blocks, GTK_TYPE_WIDGET, "blocks-too-long");
  g_assert_true (gtk_widget_get_mapped (too_long));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (too_long)), " 6001 "));
  g_assert_true (gtk_widget_has_focus (find_widget (blocks, GTK_TYPE_BUTTON, "blocks-too-long-source")));
  g_assert_null (find_widget (blocks, HELDER_TYPE_BLOCK_CARD, NULL));
  step_screenshot (window, "blocks-too-long");

  /* Edit as Source: the pasted text is selected there. */
  g_signal_emit_by_name (find_widget (blocks, GTK_TYPE_BUTTON, "blocks-too-long-source"), "clicked");
  run_until_idle ();
  g_assert_false (gtk_widget_get_mapped (blocks));
  buffer = helder_page_editor_get_buffer (editor_of (window));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  {
    g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_autofree char *last = g_strdup_printf ("Dit is alinea %u.", HUGE_PASTE_PARTS);

    g_assert_true (g_str_has_prefix (selected, "## Deel 1\n"));
    g_assert_nonnull (strstr (selected, last));
  }

  /* Shorter again (Undo), the page shows as cards. */
  helder_page_editor_show_view (editor_of (window), "blocks");
  gtk_text_buffer_undo (buffer);
  run_until_idle ();
  g_assert_false (gtk_widget_get_mapped (too_long));
  g_assert_cmpuint (cards_of (window)->len, ==, 2);

  close_window (window);
  helder_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test backend keeps what a screen reader would be told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/block-view/pages-open-unchanged", test_pages_open_unchanged);
  g_test_add_func ("/block-view/sample-page-reads-without-syntax",
                   test_sample_page_reads_without_syntax);
  g_test_add_func ("/block-view/content-expert-task", test_content_expert_task);
  g_test_add_func ("/block-view/content-expert-keyboard", test_content_expert_keyboard);
  g_test_add_func ("/block-view/enter-twice-by-keys", test_enter_twice_by_keys);
  g_test_add_func ("/block-view/callout", test_callout);
  g_test_add_func ("/block-view/findings-in-cards", test_findings_in_cards);
  g_test_add_func ("/block-view/finding-focuses-field", test_finding_focuses_field);
  g_test_add_func ("/block-view/review-in-cards", test_review_in_cards);
  g_test_add_func ("/block-view/focus-moves-cursor", test_focus_moves_cursor);
  g_test_add_func ("/block-view/drag-card", test_drag_card);
  g_test_add_func ("/block-view/media-cards", test_media_cards);
  g_test_add_func ("/block-view/image-card", test_image_card);
  g_test_add_func ("/block-view/card-menu", test_card_menu);
  g_test_add_func ("/block-view/card-names", test_card_names);
  g_test_add_func ("/block-view/paragraph-bar", test_paragraph_bar);
  g_test_add_func ("/block-view/phone-width", test_phone_width);
  g_test_add_func ("/block-view/blank-line-in-card", test_blank_line_in_card);
  g_test_add_func ("/block-view/huge-paste", test_huge_paste);

  return g_test_run ();
}
