/* helder-preview.c
 *
 * The page as the learner sees it: the course's own renderer and player in
 * WebKit, served from memory through the helder-preview: URI scheme, so
 * the preview and the export show the very same thing and no temporary
 * files are left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gmodule.h>

#include "helder-block.h"
#include "helder-course-path.h"
#include "helder-preview.h"
#include "helder-preview-engine.h"
#include "helder-renderer.h"

#define PREVIEW_SCHEME "helder-preview"

/* Edits reach the preview once typing pauses this long. */
#define REFRESH_DELAY_MS 300

struct _HelderPreview
{
  GtkWidget            parent_instance;

  HelderCourse        *course;
  HelderModule        *module;
  HelderPage          *page;
  HelderPreviewDevice  device;
  guint                refresh_source;
  guint                zoom_source;
  guint                n_loads;
  guint                n_updates;   /* pages replaced in place */
  guint                n_stops;     /* web processes that ended since the last load */
  int                  scroll_y;
  guint                block_line;  /* the line of the block the editor's cursor is in */
  gboolean             walking;     /* playing the module from its start, not following */
  gboolean             actual_size; /* one CSS pixel a screen pixel, scrolled sideways */
  gboolean             whole_course; /* every module, as the course's package plays them */
  double               zoom;        /* the scale the page is shown at */

  GtkWidget           *box;
  GtkWidget           *scroller;
  GtkWidget           *web_view;
};

G_DEFINE_FINAL_TYPE (HelderPreview, helder_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WALKING,
  PROP_ACTUAL_SIZE,
  PROP_WHOLE_COURSE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The web engine, opened with the first view; see helder-preview-engine.h. */
static const HelderPreviewEngine *engine;
static GError *engine_error;

static const int device_widths[] = {
  [HELDER_PREVIEW_PHONE] = 360,
  [HELDER_PREVIEW_TABLET] = 768,
  [HELDER_PREVIEW_DESKTOP] = 1280,
};

static void
finish_with_bytes (HelderPreviewRequest *request,
                   GBytes               *bytes,
                   const char           *path)
{
  g_autofree char *type = g_content_type_guess (path, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  /* The player's own files need the right types for the browser to run
   * them; guessing by name covers .js, .css, .html and the media.
   */
  engine->finish_request (request, bytes, mime != NULL ? mime : "application/octet-stream");
}

/* The player's colours for the app's dark style, so that the preview is
 * no white pane in a dark window. Learners get the player's own light
 * colours. Links and tab texts take a light blue that reads on the dark
 * page; filled buttons keep a blue that white text reads on (both above
 * 4.5:1), in place of the module colour.
 */
static const char dark_style[] =
  "<style id=\"helder-preview-dark\">"
  ":root { color-scheme: dark; --helder-text: #ffffff; --helder-background: #242424;"
  " --helder-muted: #303030; --helder-ok: #8ff0a4; --helder-wrong: #ff7b63;"
  " --helder-partial: #f8e45c; }"
  "* { --helder-accent: #1c71d8 !important; }"
  "a, [role=\"tab\"]:not([aria-selected=\"true\"]), .helder-restart { color: #99c1f1; }"
  "</style>";

/* Returns: (transfer full): @html with the dark colours added when the
 * app is dark.
 */
static char *
dup_styled_document (char *html)
{
  g_autofree char *owned = html;
  const char *head_end = strstr (owned, "</head>");

  if (!adw_style_manager_get_dark (adw_style_manager_get_default ()) || head_end == NULL)
    return g_steal_pointer (&owned);

  return g_strdup_printf ("%.*s%s%s", (int) (head_end - owned), owned, dark_style, head_end);
}

static void
serve_cb (HelderPreviewRequest *request,
          GtkWidget            *view,
          const char           *path,
          gpointer              user_data)
{
  HelderPreview *self = g_object_get_data (G_OBJECT (view), "helder-preview");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file_path = NULL;

  while (path != NULL && path[0] == '/')
    path++;

  if (self == NULL || self->course == NULL || path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("No course is open"));
      engine->fail_request (request, error);
      return;
    }

  if (g_str_equal (path, "index.html"))
    {
      g_autoptr(HelderRenderer) renderer = helder_renderer_new (self->course);
      g_autoptr(GPtrArray) modules = g_ptr_array_new ();
      char *html;

      if (self->whole_course)
        for (guint i = 0; i < helder_course_get_n_modules (self->course); i++)
          g_ptr_array_add (modules, helder_course_get_module (self->course, i));
      else
        g_ptr_array_add (modules, self->module);
      helder_renderer_set_source_lines (renderer, TRUE);
      html = dup_styled_document (helder_renderer_render_document (renderer, modules, NULL));
      bytes = g_bytes_new_take (html, strlen (html));
    }
  else if (g_str_has_prefix (path, HELDER_PLAYER_DIR "/"))
    bytes = helder_player_lookup_file (path + strlen (HELDER_PLAYER_DIR "/"), &error);
  else if (helder_course_path_check (helder_course_get_path (self->course), path, &file_path) ==
           HELDER_COURSE_PATH_INSIDE)
    {
      g_autoptr(GFile) file = g_file_new_for_path (file_path);

      bytes = g_file_load_bytes (file, NULL, NULL, &error);
    }
  else
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("%s lies outside the course folder"), path);

  if (bytes == NULL)
    engine->fail_request (request, error);
  else
    finish_with_bytes (request, bytes, path);
}

/* The folder the engine module is in: HELDER_MODULE_DIR when set (the
 * tests), the app's own folder in a build tree, else where it installs.
 */
static char *
find_engine_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *beside = NULL;

  if (g_getenv ("HELDER_MODULE_DIR") != NULL)
    return g_strdup (g_getenv ("HELDER_MODULE_DIR"));

  beside = exe_dir != NULL ? g_module_build_path (exe_dir, "helder-preview-webkit") : NULL;
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&exe_dir);

  return g_strdup (PKGLIBDIR);
}

static gboolean
open_engine (GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  HelderPreviewEngineGetFunc get_engine;
  GModule *module;

  if (engine != NULL)
    return TRUE;
  if (engine_error != NULL)
    {
      g_propagate_error (error, g_error_copy (engine_error));
      return FALSE;
    }

  dir = find_engine_dir ();
  path = g_module_build_path (dir, "helder-preview-webkit");
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    g_set_error (&engine_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The web engine could not be loaded (%s). Reinstall Helder."),
                 g_module_error ());
  else if (!g_module_symbol (module, HELDER_PREVIEW_ENGINE_SYMBOL, (gpointer *) &get_engine) ||
           get_engine ()->version != HELDER_PREVIEW_ENGINE_VERSION)
    {
      g_set_error (&engine_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s belongs to another version of Helder. Reinstall Helder."), path);
      g_module_close (module);
    }
  else
    {
      engine = get_engine ();
      engine->register_scheme (PREVIEW_SCHEME, serve_cb, NULL);
      return TRUE;
    }

  g_debug ("%s", engine_error->message);
  g_propagate_error (error, g_error_copy (engine_error));
  return FALSE;
}

/* Brings the element of the block the cursor is in into view; the
 * renderer marks each block's first element with its source line.
 */
static const char scroll_to_block_script[] =
  "const section = document.querySelector("
  "  'section.helder-page[data-page=\"' + CSS.escape (page) + '\"]');\n"
  "const element = section && section.querySelector("
  "  '[data-source-line=\"' + line + '\"]');\n"
  "if (element)\n"
  "  element.scrollIntoView ({ block: 'center', behavior: 'instant' });\n"
  "return element !== null;";

static void
scroll_to_block (HelderPreview *self)
{
  g_autofree char *page_id = NULL;
  GVariantDict arguments;

  if (self->web_view == NULL || self->page == NULL || self->block_line == 0 ||
      engine->is_loading (self->web_view))
    return;

  page_id = helder_player_page_id (self->module, self->page);
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "page", "s", page_id);
  g_variant_dict_insert (&arguments, "line", "u", self->block_line);
  engine->run_function (self->web_view, scroll_to_block_script, g_variant_dict_end (&arguments),
                        NULL, NULL);
}

static void
loaded_cb (GtkWidget *view,
           gpointer   user_data)
{
  HelderPreview *self = user_data;

  self->n_loads++;
  self->n_stops = 0;
  scroll_to_block (self);
}

static void load (HelderPreview *self);

static void
reload_clicked_cb (HelderPreview *self)
{
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), NULL);
  self->n_stops = 0;
  load (self);
}

/* The process that draws the page ended before its time (it crashed, or
 * the system ran short of memory). The page is loaded again in a new
 * one, once; when that one ends too before the page is shown, the
 * preview says so and waits for the author to try again.
 */
static void
stopped_cb (GtkWidget *view,
            gpointer   user_data)
{
  HelderPreview *self = user_data;
  GtkWidget *message;
  GtkWidget *button;

  if (++self->n_stops < 2)
    {
      load (self);
      return;
    }

  button = gtk_button_new_with_mnemonic (_("_Reload Preview"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_name (button, "preview-reload");
  g_signal_connect_object (button, "clicked", G_CALLBACK (reload_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  message = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (message), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (message), _("Preview Stopped"));
  adw_status_page_set_description (ADW_STATUS_PAGE (message),
                                   _("The part of Helder that draws the page stopped twice. "
                                     "Your work is not affected. Try again; if it keeps "
                                     "stopping, close other programs to free memory."));
  adw_status_page_set_child (ADW_STATUS_PAGE (message), button);
  gtk_widget_set_name (message, "preview-stopped");

  /* The view goes once its signal is over, not while it emits it. */
  g_idle_add_once ((GSourceOnceFunc) g_object_unref, g_object_ref (view));
  self->web_view = NULL;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), message);
}

/* Two ways to show a screen wider than the pane. Fitted (the default),
 * the web view takes the pane's width, at most the device's, and the page
 * is scaled down so that it lays out for the device's full width: the
 * whole page is seen, smaller. At actual size, the web view is as wide
 * as the device and the pane scrolls sideways.
 */
static void
update_layout (HelderPreview *self)
{
  if (self->web_view == NULL)
    return;

  if (self->actual_size)
    {
      gtk_widget_set_halign (self->web_view, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (self->web_view, device_widths[self->device], -1);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                      GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    }
  else
    {
      gtk_widget_set_halign (self->web_view, GTK_ALIGN_FILL);
      gtk_widget_set_size_request (self->web_view, -1, -1);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_NEVER);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_zoom (HelderPreview *self,
          double         zoom)
{
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  if (self->web_view != NULL)
    engine->set_zoom (self->web_view, zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Zooming from an allocation would resize while GTK lays out: WebKit's
 * zoom is applied once the layout is done.
 */
static gboolean
apply_zoom_cb (gpointer user_data)
{
  HelderPreview *self = user_data;
  int device_width = device_widths[self->device];
  int width = gtk_widget_get_width (self->box);

  self->zoom_source = 0;
  if (self->actual_size || width <= 0)
    set_zoom (self, 1.0);
  else
    set_zoom (self, MIN (1.0, (double) width / device_width));

  return G_SOURCE_REMOVE;
}

/* As wide as the pane makes it: the preview asks for no width of its
 * own, so that the author decides how wide the side pane is.
 */
static void
helder_preview_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HelderPreview *self = HELDER_PREVIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);
  /* The web view's own wish (the page's width) would widen the pane,
   * or fold the window when the pane cannot widen.
   */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
helder_preview_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  HelderPreview *self = HELDER_PREVIEW (widget);
  int box_width = width;
  int minimum = 0;

  if (!self->actual_size)
    {
      gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      box_width = MAX (minimum, MIN (width, device_widths[self->device]));
    }
  gtk_widget_allocate (self->box, box_width, height, baseline,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - box_width) / 2, 0)));

  if (self->zoom_source == 0)
    self->zoom_source = g_idle_add (apply_zoom_cb, self);
}

/* The engine starts its processes with its first view: the view is made
 * when the preview is first shown, not when the window opens. Without an
 * engine the preview says why, in place of the page.
 */
static gboolean
ensure_web_view (HelderPreview *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *message;

  if (self->web_view != NULL)
    return TRUE;
  if (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller)) != NULL)
    return FALSE;

  if (!open_engine (&error))
    {
      message = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (message), "dialog-warning-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (message), _("No Preview"));
      adw_status_page_set_description (ADW_STATUS_PAGE (message), error->message);
      gtk_widget_set_name (message, "preview-unavailable");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), message);
      return FALSE;
    }

  self->web_view = engine->new_view (G_OBJECT (self), loaded_cb, stopped_cb);
  g_object_set_data (G_OBJECT (self->web_view), "helder-preview", self);
  gtk_widget_set_vexpand (self->web_view, TRUE);
  gtk_widget_set_name (self->web_view, "preview-web-view");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->web_view);
  engine->set_zoom (self->web_view, self->zoom);
  update_layout (self);

  return TRUE;
}

/* Loads the module's document at the page the editor shows and the
 * place the reader was; when walking, at the module's first page, top.
 */
static void
load (HelderPreview *self)
{
  HelderModule *module;
  HelderPage *page;
  g_autofree char *page_id = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (self->course == NULL || self->page == NULL)
    return;

  if (!ensure_web_view (self))
    return;
  /* A walk starts where a learner starts: the module's first page, or
   * the course's when the whole course plays.
   */
  module = self->walking && self->whole_course && helder_course_get_n_modules (self->course) > 0
             ? helder_course_get_module (self->course, 0) : self->module;
  page = self->walking && helder_module_get_n_pages (module) > 0
           ? helder_module_get_page (module, 0) : self->page;
  if (page == self->page)
    module = self->module;
  page_id = helder_player_page_id (module, page);
  escaped = g_uri_escape_string (page_id, NULL, FALSE);
  /* A new query string on each load: WebKit must not take the old page
   * from its cache, and the hash brings the learner back to the same place.
   */
  uri = g_strdup_printf (PREVIEW_SCHEME "://course/index.html?load=%u#page=%s&y=%d",
                         self->n_loads, escaped, self->walking ? 0 : self->scroll_y);
  engine->load_uri (self->web_view, uri);
}

static void
scroll_read_cb (GtkWidget *view,
                double     value,
                gpointer   user_data)
{
  g_autoptr(HelderPreview) self = user_data;

  self->scroll_y = (int) value;
  load (self);
}

/* Reloads the document at the same scroll position: when the page could
 * not be replaced in place.
 */
static void
reload (HelderPreview *self)
{
  engine->run_function (self->web_view, "return Math.round (window.scrollY);", NULL,
                        scroll_read_cb, g_object_ref (self));
}

/* A change between light and dark reloads the document in its colours. */
static void
dark_changed_cb (HelderPreview *self)
{
  if (self->web_view != NULL && self->page != NULL)
    reload (self);
}

static void
replaced_cb (GtkWidget *view,
             double     value,
             gpointer   user_data)
{
  g_autoptr(HelderPreview) self = user_data;

  if (value == 1)
    self->n_updates++;
  else if (self->web_view != NULL)
    reload (self);
}

/* The player replaces the edited page in the loaded document: the same
 * renderer output as a reload gives, without reloading.
 */
static const char replace_page_script[] =
  "return window.HelderPlayer && HelderPlayer.replacePage && "
  "HelderPlayer.replacePage (id, html) ? 1 : 0;";

/**
 * helder_preview_refresh:
 *
 * Shows the page's text as it is now: the player puts the page, rendered
 * again, in place of the old one, so nothing reloads, flickers or
 * scrolls; when it cannot, the document is reloaded at the same place.
 */
void
helder_preview_refresh (HelderPreview *self)
{
  g_autoptr(HelderRenderer) renderer = NULL;
  g_autoptr(GString) html = NULL;
  g_autofree char *page_id = NULL;
  GVariantDict arguments;

  g_return_if_fail (HELDER_IS_PREVIEW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->page == NULL || self->web_view == NULL || self->walking)
    return;

  if (engine->is_loading (self->web_view))
    {
      reload (self);
      return;
    }

  renderer = helder_renderer_new (self->course);
  html = g_string_new (NULL);
  helder_renderer_set_source_lines (renderer, TRUE);
  helder_renderer_render_page (renderer, self->module, self->page, html);
  page_id = helder_player_page_id (self->module, self->page);
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "id", "s", page_id);
  g_variant_dict_insert (&arguments, "html", "s", html->str);
  engine->run_function (self->web_view, replace_page_script, g_variant_dict_end (&arguments),
                        replaced_cb, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  HelderPreview *self = user_data;

  self->refresh_source = 0;
  helder_preview_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
page_text_changed_cb (HelderPreview *self)
{
  /* A walk is not interrupted by edits. */
  if (self->walking)
    return;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

void
helder_preview_show (HelderPreview *self,
                     HelderCourse  *course,
                     HelderModule  *module,
                     HelderPage    *page)
{
  gboolean same_module;

  g_return_if_fail (HELDER_IS_PREVIEW (self));
  g_return_if_fail (HELDER_IS_COURSE (course));
  g_return_if_fail (HELDER_IS_MODULE (module));
  g_return_if_fail (HELDER_IS_PAGE (page));

  /* With the whole course playing, every module is in the same document. */
  same_module = self->course == course && (self->module == module || self->whole_course);

  if (self->page != NULL)
    g_signal_handlers_disconnect_by_func (self->page, page_text_changed_cb, self);

  g_set_object (&self->course, course);
  g_set_object (&self->module, module);
  g_set_object (&self->page, page);
  self->scroll_y = 0;
  self->block_line = 0;

  g_signal_connect_object (page, "notify::text", G_CALLBACK (page_text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A walk goes on while the author moves between the pages it plays. */
  if (!self->walking || !same_module)
    load (self);
}

/**
 * helder_preview_follow_line:
 * @line: the editor's cursor line, 1-based
 *
 * Scrolls the preview to the block that holds @line, when that is
 * another block than before.
 */
void
helder_preview_follow_line (HelderPreview *self,
                            guint          line)
{
  const HelderPageContent *content;
  guint block_line = 0;

  g_return_if_fail (HELDER_IS_PREVIEW (self));

  if (self->page == NULL || self->walking)
    return;

  content = helder_page_get_content (self->page);
  for (guint i = 0; i < content->blocks->len; i++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, i);

      if (block->line > line)
        break;
      block_line = block->line;
    }

  if (block_line == self->block_line)
    return;

  self->block_line = block_line;
  scroll_to_block (self);
}

/**
 * helder_preview_set_walking:
 * @walking: whether to play the module from its first page
 *
 * Walking, the preview plays the whole module from its first page as a
 * learner would, and stops following the editor's edits and cursor so
 * the walk is not interrupted. Stopping shows the editor's page again,
 * with the edits made meanwhile.
 */
void
helder_preview_set_walking (HelderPreview *self,
                            gboolean       walking)
{
  g_return_if_fail (HELDER_IS_PREVIEW (self));

  walking = !!walking;
  if (self->walking == walking)
    return;

  self->walking = walking;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->scroll_y = 0;
  self->block_line = 0;
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WALKING]);
}

/* Whether the preview plays every module of the course, one after the
 * other, as the course's package does, rather than the page's module
 * alone, as a module's package does.
 */
void
helder_preview_set_whole_course (HelderPreview *self,
                                 gboolean       whole_course)
{
  g_return_if_fail (HELDER_IS_PREVIEW (self));

  whole_course = !!whole_course;
  if (self->whole_course == whole_course)
    return;

  self->whole_course = whole_course;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHOLE_COURSE]);
}

gboolean
helder_preview_get_whole_course (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), FALSE);

  return self->whole_course;
}

gboolean
helder_preview_get_walking (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), FALSE);

  return self->walking;
}

void
helder_preview_set_device (HelderPreview       *self,
                           HelderPreviewDevice  device)
{
  g_return_if_fail (HELDER_IS_PREVIEW (self));
  g_return_if_fail (device <= HELDER_PREVIEW_DESKTOP);

  self->device = device;
  update_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Whether the page is shown at its actual size, scrolled sideways when
 * the pane is narrower, rather than scaled to fit the pane.
 */
void
helder_preview_set_actual_size (HelderPreview *self,
                                gboolean       actual_size)
{
  g_return_if_fail (HELDER_IS_PREVIEW (self));

  actual_size = !!actual_size;
  if (self->actual_size == actual_size)
    return;

  self->actual_size = actual_size;
  update_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUAL_SIZE]);
}

gboolean
helder_preview_get_actual_size (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), FALSE);

  return self->actual_size;
}

/* The scale the page is shown at: 1 at actual size, less when a wide
 * screen is fitted into a narrower pane.
 */
double
helder_preview_get_zoom (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), 1.0);

  return self->zoom;
}

/* The width the learner's screen has in the preview, in pixels. */
int
helder_preview_get_width (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), 0);

  return device_widths[self->device];
}

gboolean
helder_preview_is_loading (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), FALSE);

  return self->web_view != NULL && engine->is_loading (self->web_view);
}

/* Returns: (transfer full) (nullable): the address of the document shown */
char *
helder_preview_dup_uri (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), NULL);

  return self->web_view != NULL ? g_strdup (engine->get_uri (self->web_view)) : NULL;
}

/* How many pages were replaced in place, for tests and benchmarks. */
guint
helder_preview_get_n_updates (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), 0);

  return self->n_updates;
}

/* How many documents finished loading, for tests and benchmarks. */
guint
helder_preview_get_n_loads (HelderPreview *self)
{
  g_return_val_if_fail (HELDER_IS_PREVIEW (self), 0);

  return self->n_loads;
}

static void
helder_preview_dispose (GObject *object)
{
  HelderPreview *self = (HelderPreview *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->zoom_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->course);
  g_clear_object (&self->module);
  g_clear_object (&self->page);

  G_OBJECT_CLASS (helder_preview_parent_class)->dispose (object);
}

static void
helder_preview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WALKING:
      g_value_set_boolean (value, helder_preview_get_walking (HELDER_PREVIEW (object)));
      break;
    case PROP_ACTUAL_SIZE:
      g_value_set_boolean (value, helder_preview_get_actual_size (HELDER_PREVIEW (object)));
      break;
    case PROP_WHOLE_COURSE:
      g_value_set_boolean (value, helder_preview_get_whole_course (HELDER_PREVIEW (object)));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, helder_preview_get_zoom (HELDER_PREVIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_preview_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_WALKING:
      helder_preview_set_walking (HELDER_PREVIEW (object), g_value_get_boolean (value));
      break;
    case PROP_ACTUAL_SIZE:
      helder_preview_set_actual_size (HELDER_PREVIEW (object), g_value_get_boolean (value));
      break;
    case PROP_WHOLE_COURSE:
      helder_preview_set_whole_course (HELDER_PREVIEW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_preview_class_init (HelderPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = helder_preview_dispose;
  object_class->get_property = helder_preview_get_property;
  object_class->set_property = helder_preview_set_property;

  properties[PROP_WALKING] =
    g_param_spec_boolean ("walking", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTUAL_SIZE] =
    g_param_spec_boolean ("actual-size", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_COURSE] =
    g_param_spec_boolean ("whole-course", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->measure = helder_preview_measure;
  widget_class->size_allocate = helder_preview_size_allocate;
}

static void
helder_preview_init (HelderPreview *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_widget_set_vexpand (self->scroller, TRUE);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), self->scroller);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->device = HELDER_PREVIEW_PHONE;
  self->zoom = 1.0;
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}
