/* helder-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-module"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "helder-colour.h"
#include "helder-course-path.h"
#include "helder-module.h"
#include "helder-slug.h"
#include "helder-thread-owner.h"

/* Reading speed and interaction time behind the estimate, as documented
 * in docs/course-format.md ("Time estimate"). The text of a question and
 * its feedback is already counted as reading, so an interaction adds only
 * the time to choose and act.
 */
#define B1_WORDS_PER_MINUTE 150.0
#define MINUTES_PER_INTERACTION 0.25

struct _HelderModule
{
  GObject             parent_instance;

  char               *id;
  char               *title;
  char               *colour;
  guint               minutes;
  GStrv               goals;
  GListStore         *pages;
  HelderJsonDocument *document;
  GThread            *owner;    /* the only thread that may use the module */
};

G_DEFINE_FINAL_TYPE (HelderModule, helder_module, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_COLOUR,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
helder_module_finalize (GObject *object)
{
  HelderModule *self = (HelderModule *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->goals, g_strfreev);
  g_clear_object (&self->pages);
  g_clear_pointer (&self->document, helder_json_document_free);

  G_OBJECT_CLASS (helder_module_parent_class)->finalize (object);
}

static void
helder_module_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HelderModule *self = HELDER_MODULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_module_class_init (HelderModuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = helder_module_finalize;
  object_class->get_property = helder_module_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 0, 600, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
helder_module_init (HelderModule *self)
{
  self->pages = g_list_store_new (HELDER_TYPE_PAGE);
  self->owner = g_thread_self ();
}

static void
add_file_diagnostic (GPtrArray      *diagnostics,
                     const char     *file,
                     HelderSeverity  severity,
                     const char     *rule,
                     const char     *message)
{
  g_ptr_array_add (diagnostics,
                   helder_diagnostic_new (file, 0, 0, 0, 0, severity, rule, message));
}

static void
load_pages (HelderModule *self,
            const char   *root,
            JsonArray    *pages,
            GPtrArray    *diagnostics)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) twins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      const char *name = json_array_get_string_element (pages, i);
      g_autofree char *file = g_strconcat (self->id, "/", name, NULL);
      g_autofree char *path = g_build_filename (root, self->id, name, NULL);
      g_autoptr(HelderPage) page = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;
      char *data = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".md") || strchr (name, '/') != NULL ||
          strchr (name, '\\') != NULL || name[0] == '.')
        message = g_strdup_printf (_("page \"%s\" must be a .md file in the module folder"),
                                   name);
      else if (!g_hash_table_add (seen, (gpointer) name))
        message = g_strdup_printf (_("page \"%s\" is listed twice; remove the duplicate"), name);
      /* A course folder is shared with colleagues on Windows and macOS. */
      else if ((message = helder_course_path_dup_package_problem (name, twins)) != NULL)
        ;
      else if (helder_course_path_check (root, file, NULL) == HELDER_COURSE_PATH_OUTSIDE)
        message = g_strdup_printf (_("page file \"%s\" is a link to a file outside the course "
                                     "folder; copy the page into the module's folder"), name);
      else if (!g_file_get_contents (path, &data, &length, &error))
        message = g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                    ? g_strdup_printf (_("page file \"%s\" does not exist; create the file or "
                                         "remove it from \"pages\""), name)
                    : g_strdup_printf (_("page file \"%s\" cannot be read: %s"),
                                       name, error->message);

      if (message != NULL)
        {
          helder_json_document_report (self->document, diagnostics, pages, NULL, i,
                                       HELDER_SEVERITY_ERROR, "format-page", message);
          continue;
        }

      {
        g_autoptr(GBytes) bytes = g_bytes_new_take (data, length);

        page = helder_page_new (file, bytes);
      }
      /* The page's own syntax problems are reported by
       * helder_course_validate(), as the page is at that time.
       */
      g_list_store_append (self->pages, page);
    }
}

/* Module ids are folder names that are safe in URLs and package names. */
gboolean
helder_module_id_is_valid (const char *id)
{
  if (id == NULL || !(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * helder_module_dup_folder_pages:
 * @root: the course folder
 * @id: the module folder's name
 *
 * The page files in a module's folder, whatever its module.json says:
 * the names ending in .md that are valid page names, sorted.
 *
 * Returns: (transfer full): the names, without the folder; free with
 *   g_strfreev()
 */
char **
helder_module_dup_folder_pages (const char *root,
                                const char *id)
{
  g_autofree char *folder = g_build_filename (root, id, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = g_str_has_suffix (name, ".md")
                              ? g_strndup (name, strlen (name) - 3) : NULL;

      if (stem != NULL && helder_module_id_is_valid (stem))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_steal (names, NULL);
}

/**
 * helder_module_load:
 * @root: the course folder
 * @id: the module folder's name
 * @diagnostics: receives every problem found
 *
 * Returns: (transfer full) (nullable): the module, or %NULL when its
 *   module.json is missing or unreadable (the reason is in @diagnostics).
 */
HelderModule *
helder_module_load (const char *root,
                    const char *id,
                    GPtrArray  *diagnostics)
{
  g_autoptr(HelderModule) self = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *pages;
  JsonArray *goals;
  const char *value;
  gint64 minutes;
  gsize length;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  file = g_strconcat (id, "/module.json", NULL);
  folder = g_build_filename (root, id, NULL);
  path = g_build_filename (folder, "module.json", NULL);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message =
        g_strdup_printf (_("module folder \"%s\" does not exist; create the folder or remove "
                           "the name from \"modules\""), id);

      add_file_diagnostic (diagnostics, "course.json", HELDER_SEVERITY_ERROR, "format-module",
                           message);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("module \"%s\" has no module.json; add a module.json to the folder"),
                         id);

      add_file_diagnostic (diagnostics, file, HELDER_SEVERITY_ERROR, "format-module", message);
      return NULL;
    }

  self = g_object_new (HELDER_TYPE_MODULE, NULL);
  self->id = g_strdup (id);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  self->document = helder_json_document_parse (file, bytes, diagnostics);
  if (self->document == NULL)
    return NULL;

  object = helder_json_document_get_root (self->document);

  if (helder_json_document_get_string (self->document, diagnostics, object, "title", TRUE,
                                       &value))
    self->title = g_strdup (value);
  else
    self->title = g_strdup (id);

  if (helder_json_document_get_colour (self->document, diagnostics, object, "colour", &value))
    self->colour = g_strdup (value);

  if (helder_json_document_get_int (self->document, diagnostics, object, "minutes", FALSE,
                                    1, 600, &minutes))
    self->minutes = minutes;

  goals = helder_json_document_get_strings (self->document, diagnostics, object, "goals", FALSE);
  if (goals != NULL)
    {
      self->goals = g_new0 (char *, json_array_get_length (goals) + 1);
      for (guint i = 0; i < json_array_get_length (goals); i++)
        self->goals[i] = g_strdup (json_array_get_string_element (goals, i));
    }
  else
    self->goals = g_new0 (char *, 1);

  pages = helder_json_document_get_strings (self->document, diagnostics, object, "pages", TRUE);
  if (pages != NULL)
    load_pages (self, root, pages, diagnostics);

  if (pages != NULL && json_array_get_length (pages) == 0)
    helder_json_document_report (self->document, diagnostics, object, "pages", -1,
                                 HELDER_SEVERITY_WARNING, "format-empty",
                                 _("the module has no pages; add one"));

  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the module id (its folder name), owned by
 * @self.
 */
const char *
helder_module_get_id (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);

  return self->id;
}

/* Returns: (transfer none): the module title, owned by @self. */
const char *
helder_module_get_title (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);

  return self->title;
}

/* Returns: (transfer none) (nullable): the module colour as written in
 * module.json, owned by @self.
 */
const char *
helder_module_get_colour (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);

  return self->colour;
}

/* The study time module.json gives, in minutes, or 0. */
guint
helder_module_get_minutes (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), 0);

  return self->minutes;
}

/* Returns: (transfer none): the learning goals, owned by @self. */
const char * const *
helder_module_get_goals (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);

  return (const char * const *) self->goals;
}

/**
 * helder_module_take_over:
 *
 * Makes the calling thread the one that may use @self and its pages: only
 * for a course loaded in a thread and handed to the caller's
 * (helder_course_load_finish()).
 */
void
helder_module_take_over (HelderModule *self)
{
  g_return_if_fail (HELDER_IS_MODULE (self));

  self->owner = g_thread_self ();
  for (guint p = 0; p < g_list_model_get_n_items (G_LIST_MODEL (self->pages)); p++)
    {
      g_autoptr(HelderPage) page = g_list_model_get_item (G_LIST_MODEL (self->pages), p);

      helder_page_take_over (page);
    }
}

/* Returns: (transfer none): the pages, a GListModel of HelderPage owned by
 * @self.
 */
GListModel *
helder_module_get_pages (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  return G_LIST_MODEL (self->pages);
}

/* The number of pages. */
guint
helder_module_get_n_pages (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), 0);
  helder_return_val_if_other_thread (self, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->pages));
}

/* Returns: (transfer none) */
HelderPage *
helder_module_get_page (HelderModule *self,
                        guint         position)
{
  g_autoptr(HelderPage) page = NULL;

  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  page = g_list_model_get_item (G_LIST_MODEL (self->pages), position);
  return page;
}

/* The number of words on the module's pages. */
guint
helder_module_get_word_count (HelderModule *self)
{
  guint n = 0;

  g_return_val_if_fail (HELDER_IS_MODULE (self), 0);

  for (guint i = 0; i < helder_module_get_n_pages (self); i++)
    n += helder_page_get_word_count (helder_module_get_page (self, i));

  return n;
}

/* Reading time at B1 speed plus a fixed time for each interaction. */
double
helder_module_estimate_minutes (HelderModule *self)
{
  guint interactions = 0;

  g_return_val_if_fail (HELDER_IS_MODULE (self), 0);

  for (guint i = 0; i < helder_module_get_n_pages (self); i++)
    {
      const HelderPageContent *content = helder_page_get_content (helder_module_get_page (self, i));

      for (guint j = 0; j < content->blocks->len; j++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, j);

          if (helder_block_kind_is_interaction (block->kind))
            interactions++;
        }
    }

  return helder_module_get_word_count (self) / B1_WORDS_PER_MINUTE +
         interactions * MINUTES_PER_INTERACTION;
}

/* Returns: (transfer none): module.json, owned by @self. */
HelderJsonDocument *
helder_module_get_document (HelderModule *self)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);

  return self->document;
}

/* module.json lists the pages in the order the module has them. */
static void
write_page_order (HelderModule *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < helder_module_get_n_pages (self); i++)
    {
      g_autofree char *base = g_path_get_basename (helder_page_get_file (helder_module_get_page (self, i)));

      g_strv_builder_add (names, base);
    }

  list = g_strv_builder_end (names);
  helder_json_document_set_strings (self->document, helder_json_document_get_root (self->document),
                                    "pages", (const char * const *) list);
}

/**
 * helder_module_new:
 *
 * A new, empty module whose folder and module.json are written when the
 * course is saved.
 *
 * Returns: (transfer full) (nullable): %NULL when @id is not a valid id
 */
HelderModule *
helder_module_new (const char *id,
                   const char *title)
{
  g_autoptr(HelderModule) self = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  if (!helder_module_id_is_valid (id))
    return NULL;

  self = g_object_new (HELDER_TYPE_MODULE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->goals = g_new0 (char *, 1);
  file = g_strconcat (id, "/module.json", NULL);
  {
    static const char empty[] = "{ \"title\": \"\", \"pages\": [] }\n";

    bytes = g_bytes_new_static (empty, sizeof empty - 1);
  }
  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  self->document = helder_json_document_parse (file, bytes, diagnostics);
  g_assert (self->document != NULL);
  helder_json_document_set_string (self->document, helder_json_document_get_root (self->document),
                                   "title", title);

  return g_steal_pointer (&self);
}

/* Sets the module title in module.json; saved with the course. */
void
helder_module_set_title (HelderModule *self,
                         const char   *title)
{
  g_return_if_fail (HELDER_IS_MODULE (self));
  g_return_if_fail (title != NULL);

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  helder_json_document_set_string (self->document, helder_json_document_get_root (self->document),
                                   "title", title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Returns: (transfer none) (nullable): the page with file name @file, or
 * NULL.
 */
int
helder_module_find_page (HelderModule *self,
                         HelderPage   *page)
{
  guint position;

  g_return_val_if_fail (HELDER_IS_MODULE (self), -1);
  helder_return_val_if_other_thread (self, -1);

  if (!g_list_store_find (self->pages, page, &position))
    return -1;

  return position;
}

/* Whether a page of the module has @file (relative to the course). */
static gboolean
module_has_file (HelderModule *self,
                 const char   *file)
{
  for (guint i = 0; i < helder_module_get_n_pages (self); i++)
    if (g_str_equal (helder_page_get_file (helder_module_get_page (self, i)), file))
      return TRUE;

  return FALSE;
}

/**
 * helder_module_add_page:
 * @root: the course folder
 * @name: the page's file name in the module folder ("02-wet.md")
 *
 * A new page, written when the course is saved. A name the module
 * already lists, or a file that already exists, is refused: nothing on
 * disk is ever overwritten by a new page.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL with @error set
 */
HelderPage *
helder_module_add_page (HelderModule  *self,
                        const char    *root,
                        const char    *name,
                        const char    *text,
                        guint          position,
                        GError       **error)
{
  g_autoptr(HelderPage) page = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);
  g_return_val_if_fail (root != NULL && name != NULL && text != NULL, NULL);

  file = g_strconcat (self->id, "/", name, NULL);
  path = g_build_filename (root, self->id, name, NULL);
  stem = g_str_has_suffix (name, ".md") ? g_strndup (name, strlen (name) - 3) : NULL;

  /* Page files follow the same rule as module folders. */
  if (stem == NULL || !helder_module_id_is_valid (stem))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a page name; use letters, digits and - and end with .md"), name);
      return NULL;
    }

  if (module_has_file (self, file))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("the module already has a page “%s”"), name);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists; choose another name"), file);
      return NULL;
    }

  bytes = g_bytes_new (text, strlen (text));
  page = helder_page_new (file, bytes);
  helder_page_mark_new (page);
  helder_module_insert_page (self, page, position);

  return page;
}

/**
 * helder_module_dup_page_name:
 * @root: the course's folder
 * @title: the new page's title
 *
 * A file name for a new page called @title: the next number after the
 * module's pages and the title in lower case, accents folded and words
 * joined by "-" ("03-wat-is-een-cafe.md"), taken by no page of the
 * module and no file in its folder.
 *
 * Returns: (transfer full): the name, without the module's folder; the
 *   caller frees it
 */
char *
helder_module_dup_page_name (HelderModule *self,
                             const char   *root,
                             const char   *title)
{
  g_autofree char *slug = NULL;

  g_return_val_if_fail (HELDER_IS_MODULE (self), NULL);
  g_return_val_if_fail (root != NULL && title != NULL, NULL);

  slug = helder_slug_dup (title, 40);
  /* A file name in the course's language, as the pages' text is. */
  if (slug[0] == '\0')
    {
      g_free (slug);
      slug = g_strdup ("pagina");
    }

  for (guint n = helder_module_get_n_pages (self) + 1;; n++)
    {
      g_autofree char *name = g_strdup_printf ("%02u-%s.md", n, slug);
      g_autofree char *file = g_strconcat (self->id, "/", name, NULL);
      g_autofree char *path = g_build_filename (root, self->id, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !module_has_file (self, file))
        return g_steal_pointer (&name);
    }
}

/* @text with its first "# " heading set to @title; a text without one
 * gets it on top.
 */
static char *
dup_with_heading (const char *text,
                  const char *title)
{
  const char *line = text;

  while (*line != '\0' && !g_str_has_prefix (line, "# "))
    {
      const char *next = strchr (line, '\n');

      if (next == NULL)
        return g_strdup_printf ("# %s\n\n%s", title, text);
      line = next + 1;
    }

  if (*line == '\0')
    return g_strdup_printf ("# %s\n\n%s", title, text);

  return g_strdup_printf ("%.*s# %s%s", (int) (line - text), text, title,
                          strchr (line, '\n') != NULL ? strchr (line, '\n') : "");
}

/**
 * helder_module_rename_page:
 * @root: the course folder
 * @page: a page of the module
 * @title: the page's new title
 * @old_file: (out) (optional) (transfer full): the page's file before
 *
 * Renames a page: its heading becomes @title and its file is named from
 * it, keeping its number ("03-oud.md" becomes "03-nieuw.md"). The file
 * is renamed on disk at once, in one step, and never over another file;
 * module.json's list follows when the course is saved.
 *
 * Returns: %TRUE when renamed; %FALSE with @error set when the name is
 *   taken or the file could not be renamed (the page is then unchanged)
 */
gboolean
helder_module_rename_page (HelderModule  *self,
                           const char    *root,
                           HelderPage    *page,
                           const char    *title,
                           char         **old_file,
                           GError       **error)
{
  g_autofree char *base = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  int position;

  g_return_val_if_fail (HELDER_IS_MODULE (self), FALSE);
  g_return_val_if_fail (root != NULL && title != NULL, FALSE);

  position = helder_module_find_page (self, page);
  g_return_val_if_fail (position >= 0, FALSE);

  base = g_path_get_basename (helder_page_get_file (page));
  slug = helder_slug_dup (title, 40);
  name = g_strdup_printf ("%.*s%s.md", (int) strspn (base, "0123456789-"), base,
                          slug[0] != '\0' ? slug : "pagina");
  file = g_strconcat (self->id, "/", name, NULL);
  before = g_strdup (helder_page_get_file (page));

  if (!g_str_equal (file, before))
    {
      from = g_build_filename (root, before, NULL);
      to = g_build_filename (root, file, NULL);

      if (module_has_file (self, file) || g_file_test (to, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("The module already has a page file %s; choose another title"), name);
          return FALSE;
        }

      /* A page not saved yet has no file to rename. */
      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not rename %s to %s: %s"), before, name, g_strerror (saved));
          return FALSE;
        }

      helder_page_set_file (page, file);
      write_page_order (self);
      /* Look-ups by file name follow. */
      g_list_model_items_changed (G_LIST_MODEL (self->pages), (guint) position, 1, 1);
    }

  text = dup_with_heading (helder_page_get_text (page), title);
  helder_page_set_text (page, text, -1);
  if (old_file != NULL)
    *old_file = g_steal_pointer (&before);

  return TRUE;
}

/* Puts @page (new, or removed before) back into the module at @position. */
void
helder_module_insert_page (HelderModule *self,
                           HelderPage   *page,
                           guint         position)
{
  g_return_if_fail (HELDER_IS_MODULE (self));
  g_return_if_fail (HELDER_IS_PAGE (page));

  position = MIN (position, helder_module_get_n_pages (self));
  g_list_store_insert (self->pages, position, page);
  write_page_order (self);
}

/* The page leaves the module's list; its file stays on disk, so nothing
 * the author wrote is lost.
 */
void
helder_module_remove_page (HelderModule *self,
                           HelderPage   *page)
{
  int position;

  g_return_if_fail (HELDER_IS_MODULE (self));
  g_return_if_fail (HELDER_IS_PAGE (page));

  position = helder_module_find_page (self, page);
  if (position < 0)
    return;

  g_list_store_remove (self->pages, position);
  write_page_order (self);
}

/* Moves @page to @position; saved with the course. */
void
helder_module_move_page (HelderModule *self,
                         HelderPage   *page,
                         guint         position)
{
  g_autoptr(HelderPage) keep = NULL;
  int from;

  g_return_if_fail (HELDER_IS_MODULE (self));
  g_return_if_fail (HELDER_IS_PAGE (page));

  from = helder_module_find_page (self, page);
  if (from < 0 || (guint) from == position)
    return;

  keep = g_object_ref (page);
  g_list_store_remove (self->pages, from);
  g_list_store_insert (self->pages, MIN (position, helder_module_get_n_pages (self)), keep);
  write_page_order (self);
}

/* A colour the course format accepts, or %NULL for none; returns FALSE
 * and changes nothing for a value that is not a colour.
 */
gboolean
helder_module_set_colour (HelderModule *self,
                          const char   *colour)
{
  g_return_val_if_fail (HELDER_IS_MODULE (self), FALSE);

  if (colour != NULL && !helder_colour_parse (colour, NULL, NULL))
    return FALSE;

  if (g_strcmp0 (self->colour, colour) == 0)
    return TRUE;

  g_free (self->colour);
  self->colour = g_strdup (colour);
  helder_json_document_set_string (self->document, helder_json_document_get_root (self->document),
                                   "colour", colour);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);

  return TRUE;
}

/* Sets the study time in module.json; saved with the course. */
void
helder_module_set_minutes (HelderModule *self,
                           guint         minutes)
{
  g_return_if_fail (HELDER_IS_MODULE (self));
  g_return_if_fail (minutes >= 1 && minutes <= 600);

  if (self->minutes == minutes)
    return;

  self->minutes = minutes;
  helder_json_document_set_int (self->document, helder_json_document_get_root (self->document),
                                "minutes", minutes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}
