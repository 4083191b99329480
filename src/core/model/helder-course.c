/* helder-course.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-course"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "helder-course.h"
#include "helder-course-path.h"
#include "helder-check-settings.h"
#include "helder-output.h"
#include "helder-save-transaction.h"
#include "helder-slug.h"
#include "helder-team-lock.h"
#include "helder-thread-owner.h"

struct _HelderCourse
{
  GObject             parent_instance;

  char               *path;
  char               *id;
  char               *title;
  char               *description;
  char               *language;
  GStrv               words;
  GPtrArray          *goals;       /* of HelderGoal* */
  HelderIgnoreList   *ignore_list;
  GListStore         *modules;
  GHashTable         *page_index;  /* file → HelderPage (borrowed); NULL until a
                                    * look-up, dropped when a page list changes */
  GPtrArray          *diagnostics; /* of the course, module and word files */
  GPtrArray          *broken_modules; /* of HelderBrokenModule*, in the course's order */
  HelderJsonDocument *document;
  GThread            *owner;       /* the only thread that may use the course */
};

G_DEFINE_FINAL_TYPE (HelderCourse, helder_course, G_TYPE_OBJECT)
G_DEFINE_QUARK (helder-course-error-quark, helder_course_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
helder_course_finalize (GObject *object)
{
  HelderCourse *self = (HelderCourse *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->ignore_list, helder_ignore_list_free);
  g_clear_object (&self->modules);
  g_clear_pointer (&self->page_index, g_hash_table_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->broken_modules, g_ptr_array_unref);
  g_clear_pointer (&self->document, helder_json_document_free);

  G_OBJECT_CLASS (helder_course_parent_class)->finalize (object);
}

static void
helder_course_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HelderCourse *self = HELDER_COURSE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_course_class_init (HelderCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = helder_course_finalize;
  object_class->get_property = helder_course_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
goal_free (HelderGoal *goal)
{
  g_free (goal->id);
  g_free (goal->text);
  g_free (goal);
}

static void
pages_changed_cb (HelderCourse *self)
{
  g_clear_pointer (&self->page_index, g_hash_table_unref);
}

/* Any change of the modules or of a module's pages drops the page index;
 * a module that joins the course is followed from then on.
 */
static void
modules_changed_cb (GListModel   *modules,
                    guint         position,
                    guint         removed,
                    guint         added,
                    HelderCourse *self)
{
  pages_changed_cb (self);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HelderModule) module = g_list_model_get_item (modules, i);
      GListModel *pages = helder_module_get_pages (module);

      g_signal_handlers_disconnect_by_func (pages, pages_changed_cb, self);
      g_signal_connect_object (pages, "items-changed", G_CALLBACK (pages_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
broken_module_free (gpointer data)
{
  HelderBrokenModule *broken = data;

  g_free (broken->id);
  g_free (broken);
}

static void
helder_course_init (HelderCourse *self)
{
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_free);
  self->owner = g_thread_self ();
  self->modules = g_list_store_new (HELDER_TYPE_MODULE);
  g_signal_connect_object (self->modules, "items-changed", G_CALLBACK (modules_changed_cb), self,
                           0);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  self->broken_modules = g_ptr_array_new_with_free_func (broken_module_free);
}

static void
report_at (HelderCourse   *self,
           gpointer        container,
           const char     *member,
           int             index,
           HelderSeverity  severity,
           const char     *rule,
           const char     *message)
{
  helder_json_document_report (self->document, self->diagnostics, container, member, index,
                               severity, rule, message);
}

static gboolean
course_id_is_valid (const char *id)
{
  return g_ascii_islower (id[0]) && helder_module_id_is_valid (id);
}

static void
check_enum (HelderCourse *self,
            JsonObject   *object,
            const char   *member,
            const char   *allowed)
{
  const char *value;
  g_auto(GStrv) values = g_strsplit (allowed, "|", -1);

  if (!helder_json_document_get_string (self->document, self->diagnostics, object, member,
                                        FALSE, &value))
    return;

  if (!g_strv_contains ((const char * const *) values, value))
    {
      g_autofree char *list = g_strjoinv (", ", values);
      g_autofree char *message = g_strdup_printf (_("\"%s\" is not one of: %s"), value, list);

      report_at (self, object, member, -1, HELDER_SEVERITY_ERROR, "format-field-value", message);
    }
}

static void
read_course_fields (HelderCourse *self,
                    JsonObject   *root)
{
  GPtrArray *diagnostics = self->diagnostics;
  HelderJsonDocument *doc = self->document;
  JsonObject *object;
  HelderCheckSettings checks;
  const char *value;
  gint64 number;
  double real;

  if (json_object_has_member (root, "format"))
    {
      JsonNode *node = json_object_get_member (root, "format");
      const char *huge = helder_json_document_get_huge_integer (doc, root, "format");
      gint64 format = 0;

      /* Beyond 64 bits json-glib reads another number: go by the sign. */
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        format = huge == NULL ? json_node_get_int (node) : huge[0] == '-' ? G_MININT64 : G_MAXINT64;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        report_at (self, root, "format", -1, HELDER_SEVERITY_ERROR, "format-field-type",
                   _("field \"format\" must be a whole number"));
      else if (format > HELDER_COURSE_FORMAT)
        {
          g_autofree char *shown = huge != NULL ? g_strdup (huge)
                                                : g_strdup_printf ("%" G_GINT64_FORMAT, format);
          g_autofree char *message =
            g_strdup_printf (_("format %s is newer than this Helder "
                               "understands (%d); update Helder"),
                             shown, HELDER_COURSE_FORMAT);

          report_at (self, root, "format", -1, HELDER_SEVERITY_ERROR, "format-version", message);
        }
      else if (format < 1)
        report_at (self, root, "format", -1, HELDER_SEVERITY_ERROR, "format-version",
                   _("format must be 1 or higher; set \"format\": 1"));
    }
  else
    helder_json_document_get_int (doc, diagnostics, root, "format", TRUE, 1, 1, &number);

  if (helder_json_document_get_string (doc, diagnostics, root, "id", TRUE, &value))
    {
      if (!course_id_is_valid (value))
        {
          g_autofree char *message =
            g_strdup_printf (_("\"%s\" is not a valid id; use lower-case letters, digits and -, "
                               "starting with a letter"), value);

          report_at (self, root, "id", -1, HELDER_SEVERITY_ERROR, "format-id", message);
        }
      self->id = g_strdup (value);
    }

  if (helder_json_document_get_string (doc, diagnostics, root, "title", TRUE, &value))
    {
      if (*value == '\0')
        report_at (self, root, "title", -1, HELDER_SEVERITY_ERROR, "format-field-empty",
                   _("field \"title\" is empty; give the course a title"));
      g_free (self->title);
      self->title = g_strdup (value);
    }

  if (helder_json_document_get_string (doc, diagnostics, root, "description", FALSE, &value))
    self->description = g_strdup (value);

  if (helder_json_document_get_string (doc, diagnostics, root, "language", TRUE, &value))
    {
      if (!helder_course_is_language_tag (value))
        {
          g_autofree char *message =
            g_strdup_printf (_("\"%s\" is not a language tag; write for example \"nl\""), value);

          report_at (self, root, "language", -1, HELDER_SEVERITY_ERROR, "format-language",
                     message);
        }
      self->language = g_strdup (value);
    }

  if ((object = helder_json_document_get_object (doc, diagnostics, root, "theme", FALSE)))
    {
      helder_json_document_get_colour (doc, diagnostics, object, "accent", &value);
      helder_json_document_get_colour (doc, diagnostics, object, "text", &value);
      helder_json_document_get_colour (doc, diagnostics, object, "background", &value);
    }

  if ((object = helder_json_document_get_object (doc, diagnostics, root, "tracking", FALSE)))
    {
      check_enum (self, object, "completion", "pages|test");
      check_enum (self, object, "reporting",
                  "passed-incomplete|completed-incomplete|passed-failed|completed-failed");
      helder_json_document_get_int (doc, diagnostics, object, "pages_percent", FALSE, 1, 100,
                                    &number);
      helder_json_document_get_int (doc, diagnostics, object, "pass_mark", FALSE, 0, 100, &number);
    }

  /* The thresholds of the checks: read here only to report problems;
   * the language checker follows them (helder_language_checker_follow_course).
   */
  helder_check_settings_read (&checks, doc, diagnostics);

  if ((object = helder_json_document_get_object (doc, diagnostics, root, "kpi", FALSE)))
    {
      const char * const percentages[] = {
        "participation", "completion", "knowledge_growth", "team_discussion", NULL
      };

      for (guint i = 0; percentages[i] != NULL; i++)
        helder_json_document_get_number (doc, diagnostics, object, percentages[i], 0, 100, &real);
      helder_json_document_get_number (doc, diagnostics, object, "satisfaction", 1, 5, &real);
      helder_json_document_get_int (doc, diagnostics, object, "headcount", FALSE, 1,
                                    HELDER_COURSE_MAX_HEADCOUNT, &number);
    }
}

/* "goals": the course's learning goals, each { "id": ..., "text": ... }. */
static void
read_goals (HelderCourse *self,
            JsonObject   *root)
{
  HelderJsonDocument *doc = self->document;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *goals;

  if (!json_object_has_member (root, "goals"))
    return;

  goals = helder_json_document_get_array (doc, self->diagnostics, root, "goals", FALSE);
  if (goals == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (goals); i++)
    {
      JsonNode *node = json_array_get_element (goals, i);
      JsonObject *object;
      const char *id = NULL;
      const char *text = NULL;
      HelderGoal *goal;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          report_at (self, goals, NULL, i, HELDER_SEVERITY_ERROR, "format-field-type",
                     _("a learning goal must be an object with \"id\" and \"text\""));
          continue;
        }
      object = json_node_get_object (node);
      if (!json_object_has_member (object, "id") || !json_object_has_member (object, "text"))
        {
          report_at (self, goals, NULL, i, HELDER_SEVERITY_ERROR, "format-field-missing",
                     _("a learning goal needs an \"id\" and a \"text\"; add the one that is "
                       "missing"));
          continue;
        }
      helder_json_document_get_string (doc, self->diagnostics, object, "id", TRUE, &id);
      helder_json_document_get_string (doc, self->diagnostics, object, "text", TRUE, &text);
      if (id == NULL || text == NULL)
        continue;

      if (!g_ascii_isalpha (id[0]) || !helder_goal_reference_is_valid (id))
        {
          g_autofree char *message =
            g_strdup_printf (_("\"%s\" is not a valid goal id; use letters, digits and -, "
                               "starting with a letter"), id);

          report_at (self, object, "id", -1, HELDER_SEVERITY_ERROR, "format-id", message);
          continue;
        }
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          g_autofree char *message =
            g_strdup_printf (_("learning goal \"%s\" is listed twice; give each goal its own "
                               "id"), id);

          report_at (self, object, "id", -1, HELDER_SEVERITY_ERROR, "format-duplicate-id",
                     message);
          continue;
        }
      if (*text == '\0')
        report_at (self, object, "text", -1, HELDER_SEVERITY_ERROR, "format-field-empty",
                   _("the learning goal has no text; write what the learner can do after the "
                     "course"));

      goal = g_new0 (HelderGoal, 1);
      goal->id = g_strdup (id);
      goal->text = g_strdup (text);
      g_ptr_array_add (self->goals, goal);
    }
}


/* A module the course names but that could not be read stays in the
 * course, where it was, so the author can repair it.
 */
static void
remember_broken_module (HelderCourse *self,
                        const char   *id)
{
  HelderBrokenModule *broken = g_new0 (HelderBrokenModule, 1);
  g_autofree char *folder = g_build_filename (self->path, id, NULL);
  g_autofree char *file = g_build_filename (folder, "module.json", NULL);

  broken->id = g_strdup (id);
  broken->position = helder_course_get_n_modules (self);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    broken->kind = HELDER_BROKEN_MODULE_NO_FOLDER;
  else if (!g_file_test (file, G_FILE_TEST_EXISTS))
    broken->kind = HELDER_BROKEN_MODULE_NO_FILE;
  else
    broken->kind = HELDER_BROKEN_MODULE_UNREADABLE;
  g_ptr_array_add (self->broken_modules, broken);
}

static void
load_modules (HelderCourse *self,
              JsonObject   *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *modules;

  modules = helder_json_document_get_strings (self->document, self->diagnostics, root, "modules",
                                              TRUE);
  if (modules == NULL)
    return;

  if (json_array_get_length (modules) == 0)
    report_at (self, root, "modules", -1, HELDER_SEVERITY_WARNING, "format-empty",
               _("the course has no modules; add one"));

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      const char *id = json_array_get_string_element (modules, i);
      g_autoptr(HelderModule) module = NULL;

      if (!helder_module_id_is_valid (id))
        {
          g_autofree char *message =
            g_strdup_printf (_("\"%s\" is not a valid id; use lower-case letters, digits and -"),
                             id);

          report_at (self, modules, NULL, i, HELDER_SEVERITY_ERROR, "format-id", message);
          continue;
        }

      if (!g_hash_table_add (seen, (gpointer) id))
        {
          g_autofree char *message =
            g_strdup_printf (_("module \"%s\" is listed twice; remove the duplicate"), id);

          report_at (self, modules, NULL, i, HELDER_SEVERITY_ERROR, "format-module", message);
          continue;
        }

      if (helder_course_path_check (self->path, id, NULL) == HELDER_COURSE_PATH_OUTSIDE)
        {
          g_autofree char *message =
            g_strdup_printf (_("the folder of module \"%s\" is a link to a folder outside the "
                               "course; move the module's folder into the course folder"), id);

          report_at (self, modules, NULL, i, HELDER_SEVERITY_ERROR, "format-path-outside",
                     message);
          continue;
        }

      module = helder_module_load (self->path, id, self->diagnostics);
      if (module != NULL)
        g_list_store_append (self->modules, module);
      else
        remember_broken_module (self, id);
    }
}

static void
load_words (HelderCourse *self)
{
  g_autofree char *path = g_build_filename (self->path, "words.txt", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (g_file_get_contents (path, &data, NULL, NULL))
    {
      if (!g_utf8_validate (data, -1, NULL))
        g_ptr_array_add (self->diagnostics,
                         helder_diagnostic_new ("words.txt", 0, 0, 0, 0, HELDER_SEVERITY_ERROR,
                                                "format-encoding",
                                                _("file is not valid UTF-8; save it as UTF-8")));
      else
        {
          lines = g_strsplit (data, "\n", -1);
          for (guint i = 0; lines[i] != NULL; i++)
            {
              char *word = g_strstrip (lines[i]);

              if (word[0] != '\0' && word[0] != '#')
                g_strv_builder_add (builder, word);
            }
        }
    }

  self->words = g_strv_builder_end (builder);
}

static void
report_page (GPtrArray         *diagnostics,
             HelderPage        *page,
             const HelderRange *range,
             const char        *rule,
             const char        *message)
{
  const HelderPageContent *content = helder_page_get_content (page);
  guint line;
  guint column;

  helder_line_map_locate (content->lines, range->start, &line, &column);
  g_ptr_array_add (diagnostics,
                   helder_diagnostic_new (helder_page_get_file (page), range->start, range->end,
                                          line, column, HELDER_SEVERITY_ERROR, rule, message));
}

/* @form_checked: the page's format check already reported a path of the
 * wrong form (block fields do; images in the text do not).
 */
static void
check_media_file (HelderCourse      *self,
                  HelderPage        *page,
                  const HelderField *field,
                  gboolean           form_checked,
                  GHashTable        *twins,
                  GPtrArray         *diagnostics)
{
  g_autofree char *resolved = NULL;
  g_autofree char *message = NULL;
  const char *rule = "format-missing-file";

  if (field == NULL || field->value[0] == '\0')
    return;

  switch (helder_course_path_check (self->path, field->value, &resolved))
    {
    case HELDER_COURSE_PATH_INSIDE:
      if (g_file_test (resolved, G_FILE_TEST_IS_REGULAR))
        {
          message = helder_course_path_dup_package_problem (field->value, twins);
          rule = "format-path-portable";
          break;
        }
      G_GNUC_FALLTHROUGH;
    case HELDER_COURSE_PATH_MISSING:
      message = g_strdup_printf (_("file \"%s\" does not exist; add the file to the course or "
                                   "correct the path"), field->value);
      break;
    case HELDER_COURSE_PATH_OUTSIDE:
      message = g_strdup_printf (_("\"%s\" is a link to a file outside the course folder; copy "
                                   "the file into media/ and use that path"), field->value);
      rule = "format-path-outside";
      break;
    case HELDER_COURSE_PATH_MALFORMED:
    default:
      if (g_uri_peek_scheme (field->value) != NULL)
        message = g_strdup_printf (_("\"%s\" is not a file in the course; copy the file into "
                                     "media/ and use that path"), field->value);
      else if (!form_checked)
        {
          message = g_strdup_printf (_("path \"%s\" points outside the course folder; copy "
                                       "the file into media/ and use that path"), field->value);
          rule = "format-path-outside";
        }
      break;
    }

  if (message != NULL)
    report_page (diagnostics, page, &field->value_range, rule, message);
}

/* The files a page points to must be in the course. */
static void
check_page_files (HelderCourse *self,
                  HelderPage   *page,
                  GHashTable   *twins,
                  GPtrArray    *diagnostics)
{
  static const char * const path_fields[] = { "src", "captions", "transcript", "poster", NULL };
  const HelderPageContent *content = helder_page_get_content (page);

  for (guint b = 0; b < content->blocks->len; b++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, b);

      if (block->kind == HELDER_BLOCK_IMAGE || block->kind == HELDER_BLOCK_VIDEO ||
          block->kind == HELDER_BLOCK_AUDIO)
        for (guint f = 0; path_fields[f] != NULL; f++)
          check_media_file (self, page, helder_block_get_field (block, path_fields[f]), TRUE,
                            twins, diagnostics);
    }

  for (guint i = 0; i < content->images->len; i++)
    check_media_file (self, page,
                      helder_block_get_field (g_ptr_array_index (content->images, i), "src"),
                      FALSE, twins, diagnostics);
}

/* Ids of graded questions and survey items are unique in the course: the
 * LMS reports answers by them. Every use after the first is reported;
 * with @only, only those on that page.
 */
static void
check_duplicate_ids (HelderCourse *self,
                     HelderPage   *only,
                     GPtrArray    *diagnostics)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (HelderPageIter iter = helder_course_iter_pages (self); helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;
      const HelderPageContent *content = helder_page_get_content (page);

      for (guint b = 0; b < content->blocks->len; b++)
        {
          const HelderBlock *block = g_ptr_array_index (content->blocks, b);
          const HelderField *id;

          if ((block->kind != HELDER_BLOCK_QUESTION && block->kind != HELDER_BLOCK_SURVEY) ||
              (id = helder_block_get_field (block, "id")) == NULL || id->value[0] == '\0')
            continue;

          if (!g_hash_table_add (ids, id->value) && (only == NULL || only == page))
            {
              g_autofree char *message =
                g_strdup_printf (_("id \"%s\" is used twice in the course; give each graded "
                                   "question and survey item its own id"), id->value);

              report_page (diagnostics, page, &id->value_range, "format-duplicate-id",
                           message);
            }
        }
    }
}

/* A graded question's goal must be one of the course's goals. A course
 * without goals (written before they existed) keeps its numbered goals,
 * which count the goals of the question's module.
 */
static void
check_goals (HelderCourse *self,
             HelderPage   *page,
             GPtrArray    *diagnostics)
{
  const HelderPageContent *content = helder_page_get_content (page);

  for (guint b = 0; b < content->blocks->len; b++)
    {
      const HelderBlock *block = g_ptr_array_index (content->blocks, b);
      const HelderField *goal = helder_block_get_field (block, "goal");
      g_autofree char *message = NULL;

      if (block->kind != HELDER_BLOCK_QUESTION || goal == NULL ||
          !helder_goal_reference_is_valid (goal->value) ||
          (self->goals->len == 0 && g_ascii_isdigit (goal->value[0])) ||
          helder_course_find_goal (self, goal->value, NULL) != NULL)
        continue;

      if (g_ascii_isdigit (goal->value[0]))
        message = g_strdup_printf (_("the course has no learning goal number %s; it has %u. "
                                     "Use the id of a goal in course.json"),
                                   goal->value, self->goals->len);
      else
        message = g_strdup_printf (_("the course has no learning goal \"%s\"; use the id of a "
                                     "goal in course.json, or add the goal there"), goal->value);
      report_page (diagnostics, page, &goal->value_range, "format-goal", message);
    }
}

/**
 * helder_course_validate_page:
 * @diagnostics: receives the problems
 *
 * The format problems of @page as it is now: its syntax, the files it
 * points to, and ids it shares with other pages.
 */
void
helder_course_validate_page (HelderCourse *self,
                             HelderPage   *page,
                             GPtrArray    *diagnostics)
{
  g_return_if_fail (HELDER_IS_COURSE (self));
  g_return_if_fail (HELDER_IS_PAGE (page));
  g_return_if_fail (diagnostics != NULL);

  g_ptr_array_extend (diagnostics, helder_page_get_content (page)->diagnostics,
                      (GCopyFunc) helder_diagnostic_ref, NULL);
  check_page_files (self, page, NULL, diagnostics);
  check_goals (self, page, diagnostics);
  check_duplicate_ids (self, page, diagnostics);
}

/**
 * helder_course_validate:
 *
 * Returns: (transfer container) (element-type HelderDiagnostic): the format
 *   problems of the whole course as it is now (its files as loaded, its
 *   pages as edited), sorted by file and place.
 */
GPtrArray *
helder_course_validate (HelderCourse *self)
{
  GPtrArray *diagnostics;
  g_autoptr(GHashTable) twins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_ptr_array_extend (diagnostics, self->diagnostics, (GCopyFunc) helder_diagnostic_ref, NULL);

  for (HelderPageIter iter = helder_course_iter_pages (self); helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;

      g_ptr_array_extend (diagnostics, helder_page_get_content (page)->diagnostics,
                          (GCopyFunc) helder_diagnostic_ref, NULL);
      check_page_files (self, page, twins, diagnostics);
      check_goals (self, page, diagnostics);
    }

  check_duplicate_ids (self, NULL, diagnostics);
  helder_diagnostics_sort (diagnostics);

  return diagnostics;
}

static HelderCourse *
load (const char  *path,
      gboolean     recover,
      const char  *course_json_text,
      GError     **error)
{
  g_autoptr(HelderCourse) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *course_json = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HELDER_COURSE_ERROR, HELDER_COURSE_ERROR_NOT_FOUND,
                   _("%s: no such folder; give the path of a course folder"), path);
      return NULL;
    }

  course_json = g_build_filename (path, "course.json", NULL);
  if (!g_file_test (course_json, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HELDER_COURSE_ERROR, HELDER_COURSE_ERROR_NOT_A_COURSE,
                   _("%s: not a course folder: course.json is missing; open the folder that "
                     "contains course.json"), path);
      return NULL;
    }

  self = g_object_new (HELDER_TYPE_COURSE, NULL);
  self->path = g_strdup (path);

  if (recover && !helder_save_transaction_recover (path, &local_error))
    {
      g_autofree char *message =
        g_strdup_printf (_("an interrupted save could not be finished: %s"), local_error->message);

      g_ptr_array_add (self->diagnostics,
                       helder_diagnostic_new ("course.json", 0, 0, 0, 0, HELDER_SEVERITY_ERROR,
                                              "format-save", message));
      g_clear_error (&local_error);
    }

  if (course_json_text != NULL)
    {
      data = g_strdup (course_json_text);
      length = strlen (data);
    }
  else if (!g_file_get_contents (course_json, &data, &length, &local_error))
    {
      g_set_error (error, HELDER_COURSE_ERROR, HELDER_COURSE_ERROR_NOT_A_COURSE,
                   _("%s: course.json cannot be read: %s"), path, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  self->document = helder_json_document_parse ("course.json", bytes, self->diagnostics);

  if (self->document != NULL)
    {
      JsonObject *root = helder_json_document_get_root (self->document);

      read_course_fields (self, root);
      read_goals (self, root);
      load_modules (self, root);
    }

  if (self->title == NULL)
    self->title = g_path_get_basename (path);

  load_words (self);
  self->ignore_list = helder_ignore_list_load (path, self->diagnostics);

  return g_steal_pointer (&self);
}

/**
 * helder_course_is_language_tag:
 *
 * Returns: whether @text has the form course.json's "language" takes: a
 *   language code of two or three lower-case letters, then optional
 *   subtags ("nl", "nl-BE", "fy-NL").
 */
gboolean
helder_course_is_language_tag (const char *text)
{
  static GRegex *tag = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_once_init_enter (&tag))
    g_once_init_leave (&tag, g_regex_new ("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", 0, 0, NULL));

  return g_regex_match (tag, text, 0, NULL);
}

/**
 * helder_course_get_default_theme_colour:
 * @member: "accent", "text" or "background"
 *
 * Returns: (transfer none) (nullable): the colour, as #rrggbb, a course
 *   without that "theme" member uses, or %NULL for another member
 */
const char *
helder_course_get_default_theme_colour (const char *member)
{
  static const struct { const char *member; const char *colour; } defaults[] = {
    { "accent", "#1d5f8a" }, { "text", "#1a1a1a" }, { "background", "#ffffff" },
  };

  g_return_val_if_fail (member != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (member, defaults[i].member))
      return defaults[i].colour;

  return NULL;
}

/**
 * helder_course_load:
 * @path: a course folder
 *
 * Loads the course, finishing or dropping an interrupted save first.
 * Problems in the course's files do not fail the load: whatever could be
 * read is there, and helder_course_validate() tells what is wrong.
 *
 * Returns: (transfer full): the course, or %NULL with @error set when @path
 *   is not a course folder at all.
 */
HelderCourse *
helder_course_load (const char  *path,
                    GError     **error)
{
  return load (path, TRUE, NULL, error);
}

/**
 * helder_course_read:
 * @texts: (nullable) (element-type utf8 utf8): page file → the page's text
 *   as edited, laid over what is on disk; "course.json" → the course's
 *   settings as edited
 *
 * Like helder_course_load(), but leaves the folder exactly as it is: for a
 * second, read-only copy of a course that is open (a background check),
 * which must not touch a save the first copy may be making.
 *
 * Returns: (transfer full): the course, or %NULL with @error set
 */
HelderCourse *
helder_course_read (const char  *path,
                    GHashTable  *texts,
                    GError     **error)
{
  HelderCourse *course = load (path, FALSE,
                               texts != NULL ? g_hash_table_lookup (texts, "course.json") : NULL,
                               error);
  GHashTableIter iter;
  gpointer file;
  gpointer text;

  if (course == NULL || texts == NULL)
    return course;

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &file, &text))
    {
      HelderPage *page = helder_course_find_page (course, file);

      if (page != NULL)
        helder_page_set_text (page, text, -1);
    }

  return course;
}

/**
 * helder_course_dup_edited_texts:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the table for
 *   helder_course_read() that lays what is being edited over the disk:
 *   each modified page's file → its text, and "course.json" → the course's
 *   settings when they have changes not saved yet (the checks' thresholds,
 *   for instance)
 */
GHashTable *
helder_course_dup_edited_texts (HelderCourse *self)
{
  GHashTable *texts;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (HelderPageIter iter = helder_course_iter_pages (self); helder_page_iter_next (&iter);)
    {
      HelderPage *page = iter.page;

      if (helder_page_get_modified (page))
        g_hash_table_insert (texts, g_strdup (helder_page_get_file (page)),
                             g_strdup (helder_page_get_text (page)));
    }

  if (self->document != NULL && helder_json_document_is_modified (self->document))
    {
      g_autoptr(GBytes) bytes = helder_json_document_serialize (self->document);

      g_hash_table_insert (texts, g_strdup ("course.json"),
                           g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
    }

  return texts;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HelderCourse *course = helder_course_load (task_data, &error);

  if (course == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, course, g_object_unref);
}

/* Loads the course at @path in a thread; finish with
 * helder_course_load_finish() on the main thread.
 */
void
helder_course_load_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, helder_course_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
}

/* Returns: (transfer full) (nullable): the course, or NULL with @error
 * set.
 */
HelderCourse *
helder_course_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  HelderCourse *course;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  /* Loaded in a thread, handed over to the caller's. */
  course = g_task_propagate_pointer (G_TASK (result), error);
  if (course != NULL)
    {
      course->owner = g_thread_self ();
      for (guint m = 0; m < g_list_model_get_n_items (G_LIST_MODEL (course->modules)); m++)
        {
          g_autoptr(HelderModule) module = g_list_model_get_item (G_LIST_MODEL (course->modules), m);

          helder_module_take_over (module);
        }
    }

  return course;
}

struct _HelderCourseSnapshot
{
  char       *path;
  GHashTable *texts; /* see helder_course_dup_edited_texts() */
};

/**
 * helder_course_dup_snapshot:
 *
 * Takes, on the course's own thread, what helder_course_snapshot_read()
 * needs to make a private copy of the course as it is being edited in
 * another thread.
 *
 * Returns: (transfer full): the snapshot; free it with
 *   helder_course_snapshot_free()
 */
HelderCourseSnapshot *
helder_course_dup_snapshot (HelderCourse *self)
{
  HelderCourseSnapshot *snapshot;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  snapshot = g_new0 (HelderCourseSnapshot, 1);
  snapshot->path = g_strdup (self->path);
  snapshot->texts = helder_course_dup_edited_texts (self);

  return snapshot;
}

/* Lays @text over page @file in the copy, also when the page has no
 * unsaved changes.
 */
void
helder_course_snapshot_set_text (HelderCourseSnapshot *snapshot,
                                 const char           *file,
                                 const char           *text)
{
  g_return_if_fail (snapshot != NULL);
  g_return_if_fail (file != NULL && text != NULL);

  g_hash_table_insert (snapshot->texts, g_strdup (file), g_strdup (text));
}

const char *
helder_course_snapshot_get_path (const HelderCourseSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return snapshot->path;
}

/**
 * helder_course_snapshot_read:
 *
 * Reads @snapshot into a course of the calling thread's own (see
 * helder_course_read()); any thread may call it.
 *
 * Returns: (transfer full): the course, or %NULL with @error set
 */
HelderCourse *
helder_course_snapshot_read (const HelderCourseSnapshot  *snapshot,
                             GError                     **error)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return helder_course_read (snapshot->path, snapshot->texts, error);
}

/**
 * helder_course_snapshot_read_in_task:
 *
 * The start of a thread that works on a copy: reads @snapshot unless
 * @task was cancelled already.
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL when @task has
 *   returned its error (cancelled, or the course cannot be read)
 */
HelderCourse *
helder_course_snapshot_read_in_task (const HelderCourseSnapshot *snapshot,
                                     GTask                      *task)
{
  GError *error = NULL;
  HelderCourse *copy;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (G_IS_TASK (task), NULL);

  if (g_task_return_error_if_cancelled (task))
    return NULL;

  copy = helder_course_snapshot_read (snapshot, &error);
  if (copy == NULL)
    g_task_return_error (task, error);

  return copy;
}

void
helder_course_snapshot_free (HelderCourseSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->path);
  g_hash_table_unref (snapshot->texts);
  g_free (snapshot);
}

/* Adds every changed file of the course to @transaction: the changed
 * pages to @saved_pages, the changed JSON documents to @saved_documents
 * and their bytes to @saved_bytes. Returns the first file added, or %NULL.
 */
static const char *
add_changes (HelderCourse          *self,
             HelderSaveTransaction *transaction,
             GPtrArray             *saved_pages,
             GPtrArray             *saved_documents,
             GPtrArray             *saved_bytes)
{
  const char *first = NULL;

  if (self->document != NULL && helder_json_document_is_modified (self->document))
    {
      GBytes *bytes = helder_json_document_serialize (self->document);

      helder_save_transaction_add (transaction, "course.json", bytes);
      g_ptr_array_add (saved_documents, self->document);
      g_ptr_array_add (saved_bytes, bytes);
      first = "course.json";
    }

  for (guint m = 0; m < helder_course_get_n_modules (self); m++)
    {
      HelderModule *module = helder_course_get_module (self, m);
      HelderJsonDocument *doc = helder_module_get_document (module);

      if (helder_json_document_is_modified (doc))
        {
          GBytes *bytes = helder_json_document_serialize (doc);

          helder_save_transaction_add (transaction, helder_json_document_get_file (doc), bytes);
          g_ptr_array_add (saved_documents, doc);
          g_ptr_array_add (saved_bytes, bytes);
          if (first == NULL)
            first = helder_json_document_get_file (doc);
        }

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        {
          HelderPage *page = helder_module_get_page (module, p);

          if (helder_page_get_modified (page))
            {
              g_autoptr(GBytes) bytes = helder_page_serialize (page);

              helder_save_transaction_add (transaction, helder_page_get_file (page), bytes);
              g_ptr_array_add (saved_pages, page);
              if (first == NULL)
                first = helder_page_get_file (page);
            }
        }
    }

  return first;
}

/* Writes the changes of @self into the course folder @root (the course's
 * own, or a copy of it), in one transaction. A failure is worded for the
 * author: the file they know, the folder, why and what to do (the
 * transaction's own message names its temporary files).
 */
static gboolean
commit_changes (HelderCourse  *self,
                const char    *root,
                GPtrArray     *saved_pages,
                GPtrArray     *saved_documents,
                GPtrArray     *saved_bytes,
                GError       **error)
{
  g_autoptr(HelderSaveTransaction) transaction = helder_save_transaction_new (root);
  g_autoptr(GError) local_error = NULL;
  const char *first = add_changes (self, transaction, saved_pages, saved_documents, saved_bytes);
  const char *advice;

  if (helder_save_transaction_commit (transaction, &local_error))
    return TRUE;

  g_debug ("Saving in %s failed: %s", root, local_error->message);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
      !helder_course_folder_is_writable (root))
    advice = _("The folder is read-only. Save a copy of the course in a folder you can "
               "write to");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    advice = _("The disk is full. Make room on it and save again");
  /* A link out of the folder, a file of the course that may not be
   * written: the transaction's own words say which and what to do.
   */
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    advice = local_error->message;
  else
    advice = _("The files could not be written. Check that the disk is connected and save "
               "again; your changes stay open until then");

  g_set_error (error, local_error->domain, local_error->code,
               _("Could not save %s in the folder %s. %s."),
               first != NULL ? first : "course.json", root, advice);
  return FALSE;
}

/**
 * helder_course_save:
 *
 * Writes every changed file of the course in one transaction (see
 * HelderSaveTransaction): after a crash at any moment the folder holds
 * either the old or the new course, never a mix.
 */
gboolean
helder_course_save (HelderCourse  *self,
                    GError       **error)
{
  g_autoptr(GPtrArray) saved_pages = NULL;
  g_autoptr(GPtrArray) saved_documents = NULL;
  g_autoptr(GPtrArray) saved_bytes = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), FALSE);
  helder_return_val_if_other_thread (self, FALSE);

  saved_pages = g_ptr_array_new ();
  saved_documents = g_ptr_array_new ();
  saved_bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  if (!commit_changes (self, self->path, saved_pages, saved_documents, saved_bytes, error))
    return FALSE;

  for (guint i = 0; i < saved_pages->len; i++)
    helder_page_mark_saved (g_ptr_array_index (saved_pages, i));
  for (guint i = 0; i < saved_documents->len; i++)
    helder_json_document_mark_saved (g_ptr_array_index (saved_documents, i),
                                     g_ptr_array_index (saved_bytes, i));

  return TRUE;
}

/* Whether files can be made in the folder @path: FALSE for a folder on a
 * read-only disk or mount, or one the user may not write to.
 */
gboolean
helder_course_folder_is_writable (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_access (path, W_OK) == 0;
}

/* Helder's own files of a save or a lock in progress: never copied. */
static gboolean
is_transient_name (const char *name)
{
  return g_str_equal (name, HELDER_SAVE_JOURNAL) || g_str_equal (name, HELDER_TEAM_LOCK_FILE) ||
         g_str_has_suffix (name, HELDER_SAVE_SUFFIX);
}

static gboolean
copy_folder (const char  *from,
             const char  *to,
             GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_mkdir_with_parents (to, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder %s: %s. Choose a folder you can write to"),
                   to, g_strerror (saved));
      return FALSE;
    }

  dir = g_dir_open (from, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source_path = g_build_filename (from, name, NULL);
      g_autofree char *target_path = g_build_filename (to, name, NULL);
      g_autoptr(GFile) source = NULL;
      g_autoptr(GFile) target = NULL;
      g_autoptr(GError) local_error = NULL;

      if (is_transient_name (name))
        continue;

      if (g_file_test (source_path, G_FILE_TEST_IS_DIR) &&
          !g_file_test (source_path, G_FILE_TEST_IS_SYMLINK))
        {
          if (!copy_folder (source_path, target_path, error))
            return FALSE;
          continue;
        }

      source = g_file_new_for_path (source_path);
      target = g_file_new_for_path (target_path);
      if (!g_file_copy (source, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL,
                        &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not copy %s to %s: %s. Choose a folder you can write to, "
                         "with room on its disk"),
                       source_path, to, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * helder_course_save_copy:
 * @folder: a new or empty folder outside the course
 *
 * Copies the whole course folder to @folder, with every unsaved change
 * written into the copy, as when the course's own folder is read-only.
 * @self itself is left as it was (its changes still unsaved in its own
 * folder); open the copy to go on there.
 */
gboolean
helder_course_save_copy (HelderCourse  *self,
                         const char    *folder,
                         GError       **error)
{
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) saved_pages = NULL;
  g_autoptr(GPtrArray) saved_documents = NULL;
  g_autoptr(GPtrArray) saved_bytes = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  helder_return_val_if_other_thread (self, FALSE);

  source = g_canonicalize_filename (self->path, NULL);
  target = g_canonicalize_filename (folder, NULL);
  {
    /* Where the folder leads, when it exists already. */
    char *real = realpath (target, NULL);

    if (real != NULL)
      {
        g_free (target);
        target = g_strdup (real);
        free (real);
      }
  }
  if (helder_course_path_holds (self->path, target))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s is inside the course folder %s; choose a folder outside it for the "
                     "copy"), folder, self->path);
      return FALSE;
    }

  dir = g_dir_open (target, 0, NULL);
  if (dir != NULL && g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s is not empty; choose a new or an empty folder for the copy"), folder);
      return FALSE;
    }

  if (!copy_folder (source, target, error))
    return FALSE;

  saved_pages = g_ptr_array_new ();
  saved_documents = g_ptr_array_new ();
  saved_bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  return commit_changes (self, target, saved_pages, saved_documents, saved_bytes, error);
}

/* Returns: (transfer none): the course folder, owned by @self. */
const char *
helder_course_get_path (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->path;
}

/* Returns: (transfer none): the course id from course.json, owned by
 * @self.
 */
const char *
helder_course_get_id (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->id;
}

/* Returns: (transfer none): the course title, owned by @self. */
const char *
helder_course_get_title (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->title;
}

/* Returns: (transfer none) (nullable): the course description, owned by
 * @self.
 */
const char *
helder_course_get_description (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->description;
}

/* Returns: (transfer none) (nullable): the language tag of course.json,
 * owned by @self.
 */
const char *
helder_course_get_language (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->language;
}

/* Returns: (transfer none): the modules, a GListModel of HelderModule
 * owned by @self.
 */
GListModel *
helder_course_get_modules (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  return G_LIST_MODEL (self->modules);
}

/* The number of modules. */
guint
helder_course_get_n_modules (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), 0);
  helder_return_val_if_other_thread (self, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->modules));
}

/* Returns: (transfer none) */
HelderModule *
helder_course_get_module (HelderCourse *self,
                          guint         position)
{
  g_autoptr(HelderModule) module = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  helder_return_val_if_other_thread (self, NULL);

  module = g_list_model_get_item (G_LIST_MODEL (self->modules), position);
  return module;
}

/**
 * helder_course_iter_pages:
 *
 * Returns: an iterator over the course's pages, module by module, in the
 *   order a learner meets them:
 *   |[
 *   for (HelderPageIter iter = helder_course_iter_pages (course);
 *        helder_page_iter_next (&iter);)
 *     use (iter.module, iter.page);
 *   ]|
 */
HelderPageIter
helder_course_iter_pages (HelderCourse *self)
{
  HelderPageIter iter = { self, 0, 0, NULL, NULL };

  return iter;
}

/* Moves @iter to the next page; %FALSE after the last one. */
gboolean
helder_page_iter_next (HelderPageIter *iter)
{
  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (HELDER_IS_COURSE (iter->course), FALSE);

  while (iter->module_index < helder_course_get_n_modules (iter->course))
    {
      iter->module = helder_course_get_module (iter->course, iter->module_index);
      if (iter->page_index < helder_module_get_n_pages (iter->module))
        {
          iter->page = helder_module_get_page (iter->module, iter->page_index++);
          return TRUE;
        }
      iter->module_index++;
      iter->page_index = 0;
    }

  iter->module = NULL;
  iter->page = NULL;
  return FALSE;
}

/* Returns: (transfer none) (nullable): the module with @id, or NULL. */
HelderModule *
helder_course_find_module (HelderCourse *self,
                           const char   *id)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < helder_course_get_n_modules (self); i++)
    {
      HelderModule *module = helder_course_get_module (self, i);

      if (g_str_equal (helder_module_get_id (module), id))
        return module;
    }

  return NULL;
}

/* Returns: (transfer none) (nullable): the module @page belongs to (its
 * file lies in the module's folder), or NULL.
 */
HelderModule *
helder_course_find_module_of_page (HelderCourse *self,
                                   HelderPage   *page)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (HELDER_IS_PAGE (page), NULL);

  id = g_path_get_dirname (helder_page_get_file (page));
  return helder_course_find_module (self, id);
}

/* Returns: (transfer none) (nullable): the page whose file, relative to
 * the course folder, is @file.
 */
HelderPage *
helder_course_find_page (HelderCourse *self,
                         const char   *file)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  /* An index, so that looking up every finding's page stays linear in
   * the size of the course (issue 14, finding 8).
   */
  if (self->page_index == NULL)
    {
      self->page_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (HelderPageIter iter = helder_course_iter_pages (self); helder_page_iter_next (&iter);)
        {
          const char *name = helder_page_get_file (iter.page);

          if (!g_hash_table_contains (self->page_index, name))
            g_hash_table_insert (self->page_index, (gpointer) name, iter.page);
        }
    }

  return g_hash_table_lookup (self->page_index, file);
}

/* A file name that is safe in a URL and in a package: lower case,
 * letters, digits, '-' and '.', as the course format's examples are.
 */
static char *
media_file_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, NULL);
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.')
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }

  if (out->len == 0 || out->str[0] == '.')
    g_string_prepend (out, "bestand");

  return g_string_free (out, FALSE);
}

/**
 * helder_course_import_media:
 * @source: a file anywhere
 *
 * Copies @source into the course's media/ folder under a safe, unused
 * name, so the course holds everything it shows. A file already inside
 * the course folder is not copied.
 *
 * Returns: (transfer full): the file's path in the course ("media/x.png"),
 *   or %NULL with @error set.
 */
char *
helder_course_import_media (HelderCourse  *self,
                            GFile         *source,
                            GError       **error)
{
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) media = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  const char *dot;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  root = g_file_new_for_path (self->path);
  relative = g_file_get_relative_path (root, source);
  if (relative != NULL)
    return g_steal_pointer (&relative);

  media = g_file_get_child (root, "media");
  if (!g_file_make_directory_with_parents (media, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return NULL;
      g_clear_error (error);
    }

  base = g_file_get_basename (source);
  name = media_file_name (base);
  dot = strrchr (name, '.');
  stem = dot != NULL ? g_strndup (name, dot - name) : g_strdup (name);

  for (guint n = 1; target == NULL || g_file_query_exists (target, NULL); n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (name)
                                          : g_strdup_printf ("%s-%u%s", stem, n,
                                                             dot != NULL ? dot : "");

      g_clear_object (&target);
      target = g_file_get_child (media, candidate);
    }

  /* Copied under a temporary name first, so a failed copy never leaves a
   * half file that the course points to.
   */
  {
    g_autofree char *target_name = g_file_get_basename (target);
    g_autofree char *partial_name = g_strconcat (target_name, HELDER_SAVE_SUFFIX, NULL);

    partial = g_file_get_child (media, partial_name);
  }

  if (!g_file_copy (source, partial, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error) ||
      !g_file_move (partial, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    {
      g_file_delete (partial, NULL, NULL);
      return NULL;
    }

  {
    g_autofree char *target_name = g_file_get_basename (target);

    return g_strconcat ("media/", target_name, NULL);
  }
}

/**
 * helder_course_add_word:
 *
 * Adds @word to the course's own dictionary (words.txt), which the
 * spelling check accepts and the long-word rule exempts. The file is
 * written at once, as one line more; an existing file keeps its comments
 * and order.
 */
gboolean
helder_course_add_word (HelderCourse  *self,
                        const char    *word,
                        GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(HelderTeamLock) lock = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (word));
  if (trimmed[0] == '\0' || strpbrk (trimmed, "\r\n") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                   _("a dictionary word is one word on one line"));
      return FALSE;
    }

  if (g_strv_contains ((const char * const *) self->words, trimmed))
    return TRUE;

  /* Read again and written under the course's lock, so two people adding
   * a word at once keep both.
   */
  lock = helder_team_lock_acquire (self->path, error);
  if (lock == NULL)
    return FALSE;
  path = g_build_filename (self->path, "words.txt", NULL);
  text = g_string_new (NULL);
  if (g_file_get_contents (path, &data, NULL, NULL))
    {
      g_string_append (text, data);
      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, "%s\n", trimmed);

  if (!helder_output_write (path, NULL, text->str, text->len, error))
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->words);
  g_strv_builder_add (builder, trimmed);
  g_strfreev (self->words);
  self->words = g_strv_builder_end (builder);

  return TRUE;
}

/**
 * helder_course_remove_word:
 *
 * Takes @word out of the course's own dictionary (words.txt); the file's
 * comments and other words stay as they are.
 *
 * Returns: %FALSE with @error set when words.txt could not be written
 */
gboolean
helder_course_remove_word (HelderCourse  *self,
                           const char    *word,
                           GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (!g_strv_contains ((const char * const *) self->words, word))
    return TRUE;

  path = g_build_filename (self->path, "words.txt", NULL);
  if (!g_file_get_contents (path, &data, NULL, error))
    return FALSE;

  lines = g_strsplit (data, "\n", -1);
  text = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (lines[i]));

      if (g_str_equal (trimmed, word))
        continue;
      g_string_append (text, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (text, '\n');
    }

  if (!g_file_set_contents_full (path, text->str, text->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, error))
    return FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; self->words[i] != NULL; i++)
    if (!g_str_equal (self->words[i], word))
      g_strv_builder_add (builder, self->words[i]);
  g_strfreev (self->words);
  self->words = g_strv_builder_end (builder);

  return TRUE;
}

/* Returns: (transfer none): the findings the team chose to ignore */
guint
helder_course_get_n_goals (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), 0);

  return self->goals->len;
}

/**
 * helder_course_get_goal:
 *
 * Returns: (transfer none): the learning goal at @position, counted from 0.
 */
const HelderGoal *
helder_course_get_goal (HelderCourse *self,
                        guint         position)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (position < self->goals->len, NULL);

  return g_ptr_array_index (self->goals, position);
}

/**
 * helder_course_find_goal:
 * @reference: what a question's goal field says: a goal's id, or a
 *   number N for the N-th goal
 * @position: (out) (optional): the goal's position, counted from 0
 *
 * Returns: (transfer none) (nullable): the goal, or %NULL when the course
 *   has no such goal.
 */
const HelderGoal *
helder_course_find_goal (HelderCourse *self,
                         const char   *reference,
                         guint        *position)
{
  guint64 number;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  for (guint i = 0; i < self->goals->len; i++)
    {
      const HelderGoal *goal = g_ptr_array_index (self->goals, i);

      if (g_str_equal (goal->id, reference))
        {
          if (position != NULL)
            *position = i;
          return goal;
        }
    }

  if (self->goals->len > 0 &&
      g_ascii_string_to_unsigned (reference, 10, 1, self->goals->len, &number, NULL))
    {
      if (position != NULL)
        *position = number - 1;
      return g_ptr_array_index (self->goals, number - 1);
    }

  return NULL;
}

HelderIgnoreList *
helder_course_get_ignore_list (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->ignore_list;
}

/* Returns: (transfer none): the course's own words (words.txt), owned by
 * @self.
 */
const char * const *
helder_course_get_words (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return (const char * const *) self->words;
}

/* Whether anything in the course has unsaved changes. */
gboolean
helder_course_get_modified (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), FALSE);

  if (self->document != NULL && helder_json_document_is_modified (self->document))
    return TRUE;

  for (guint m = 0; m < helder_course_get_n_modules (self); m++)
    {
      HelderModule *module = helder_course_get_module (self, m);

      if (helder_json_document_is_modified (helder_module_get_document (module)))
        return TRUE;

      for (guint p = 0; p < helder_module_get_n_pages (module); p++)
        if (helder_page_get_modified (helder_module_get_page (module, p)))
          return TRUE;
    }

  return FALSE;
}

/* Returns: (transfer none) (nullable): course.json, or %NULL when it
 * could not be parsed.
 */
HelderJsonDocument *
helder_course_get_document (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->document;
}

/* course.json lists the modules in the order the course has them. */
static void
write_module_order (HelderCourse *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  guint b = 0;

  /* The modules that could not be read keep their places. */
  for (guint i = 0; i <= helder_course_get_n_modules (self); i++)
    {
      for (; b < self->broken_modules->len; b++)
        {
          HelderBrokenModule *broken = g_ptr_array_index (self->broken_modules, b);

          if (broken->position > i && i < helder_course_get_n_modules (self))
            break;
          g_strv_builder_add (ids, broken->id);
        }
      if (i < helder_course_get_n_modules (self))
        g_strv_builder_add (ids, helder_module_get_id (helder_course_get_module (self, i)));
    }

  list = g_strv_builder_end (ids);
  helder_json_document_set_strings (self->document, helder_json_document_get_root (self->document),
                                    "modules", (const char * const *) list);
}

static int
find_module (HelderCourse *self,
             HelderModule *module)
{
  guint position;

  if (!g_list_store_find (self->modules, module, &position))
    return -1;

  return position;
}

/**
 * helder_course_add_module:
 * @id: the new module's folder name
 *
 * A new, empty module; its folder and module.json are written when the
 * course is saved. An id in use, or a folder that exists, is refused.
 *
 * Returns: (transfer none) (nullable): the module, or %NULL with @error set
 */
HelderModule *
helder_course_add_module (HelderCourse  *self,
                          const char    *id,
                          const char    *title,
                          guint          position,
                          GError       **error)
{
  g_autoptr(HelderModule) module = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (id != NULL && title != NULL, NULL);

  if (self->document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   _("course.json could not be read; fix it before adding modules"));
      return NULL;
    }

  module = helder_module_new (id, title);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a valid id; use lower-case letters, digits and -"), id);
      return NULL;
    }

  folder = g_build_filename (self->path, id, NULL);
  if (helder_course_find_module (self, id) != NULL || g_file_test (folder, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("the course already has a folder “%s”; choose another id"), id);
      return NULL;
    }

  helder_course_insert_module (self, module, position);
  return module;
}

/* Puts @module (new, or removed before) back at @position. */
void
helder_course_insert_module (HelderCourse *self,
                             HelderModule *module,
                             guint         position)
{
  g_return_if_fail (HELDER_IS_COURSE (self));
  g_return_if_fail (HELDER_IS_MODULE (module));
  g_return_if_fail (self->document != NULL);

  g_list_store_insert (self->modules, MIN (position, helder_course_get_n_modules (self)), module);
  write_module_order (self);
}

/* The module leaves the course's list; its folder stays on disk. */
void
helder_course_remove_module (HelderCourse *self,
                             HelderModule *module)
{
  int position;

  g_return_if_fail (HELDER_IS_COURSE (self));
  g_return_if_fail (HELDER_IS_MODULE (module));

  position = find_module (self, module);
  if (position < 0 || self->document == NULL)
    return;

  g_list_store_remove (self->modules, position);
  write_module_order (self);
}

/* Moves @module to @position; the change is saved with the course. */
void
helder_course_move_module (HelderCourse *self,
                           HelderModule *module,
                           guint         position)
{
  g_autoptr(HelderModule) keep = NULL;
  int from;

  g_return_if_fail (HELDER_IS_COURSE (self));
  g_return_if_fail (HELDER_IS_MODULE (module));

  from = find_module (self, module);
  if (from < 0 || (guint) from == position || self->document == NULL)
    return;

  keep = g_object_ref (module);
  g_list_store_remove (self->modules, from);
  g_list_store_insert (self->modules, MIN (position, helder_course_get_n_modules (self)), keep);
  write_module_order (self);
}

/* A module.json: @title, 20 minutes, no goals yet, and @pages. */
static GBytes *
dup_module_json (const char         *title,
                 const char * const *pages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, 20);
  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; pages[i] != NULL; i++)
    json_builder_add_string_value (builder, pages[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = helder_json_to_text (root);

  return g_bytes_new_take (text, strlen (text));
}

/**
 * helder_course_get_broken_modules:
 *
 * The modules the course names that could not be read, in the course's
 * order; the course's diagnostics say why.
 *
 * Returns: (transfer none) (element-type HelderBrokenModule): the modules
 */
GPtrArray *
helder_course_get_broken_modules (HelderCourse *self)
{
  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);

  return self->broken_modules;
}

static int
find_broken_module (HelderCourse *self,
                    const char   *id)
{
  for (guint i = 0; i < self->broken_modules->len; i++)
    if (g_str_equal (((HelderBrokenModule *) g_ptr_array_index (self->broken_modules, i))->id, id))
      return (int) i;

  return -1;
}

/* The load problems of a module no longer in the list: those of its
 * files, and the course's about its folder.
 */
static void
drop_module_diagnostics (HelderCourse *self,
                         const char   *id)
{
  g_autofree char *prefix = g_strconcat (id, "/", NULL);
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", id);

  for (guint i = self->diagnostics->len; i > 0; i--)
    {
      HelderDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, i - 1);

      if (g_str_has_prefix (diagnostic->file, prefix) ||
          (g_str_equal (diagnostic->file, "course.json") &&
           g_str_equal (diagnostic->rule, "format-module") &&
           strstr (diagnostic->message, quoted) != NULL))
        g_ptr_array_remove_index (self->diagnostics, i - 1);
    }
}

/**
 * helder_course_recreate_module:
 * @id: a module whose folder is there but whose module.json is missing
 *
 * Writes a new module.json for the module from the pages in its folder
 * (in the order of their names), with a title made from the folder's
 * name, and puts the module back where the course lists it. The rest of
 * the course is not touched.
 *
 * Returns: %TRUE when the module was written and read back
 */
gboolean
helder_course_recreate_module (HelderCourse  *self,
                               const char    *id,
                               GError       **error)
{
  g_autoptr(HelderSaveTransaction) transaction = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(HelderModule) module = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) title = NULL;
  HelderBrokenModule *broken;
  int index;

  g_return_val_if_fail (HELDER_IS_COURSE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = find_broken_module (self, id);
  broken = index >= 0 ? g_ptr_array_index (self->broken_modules, index) : NULL;
  if (broken == NULL || broken->kind != HELDER_BROKEN_MODULE_NO_FILE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The module in the folder %s is not missing its file; open the folder "
                     "to see what is wrong"), id);
      return FALSE;
    }

  /* "02-de-toets" is titled "De toets"; the author can rename it. */
  title = g_string_new (id + strspn (id, "0123456789"));
  g_strdelimit (title->str, "-", ' ');
  g_strchug (title->str);
  g_string_set_size (title, strlen (title->str));
  if (title->len == 0)
    g_string_assign (title, id);
  title->str[0] = g_ascii_toupper (title->str[0]);

  pages = helder_module_dup_folder_pages (self->path, id);
  bytes = dup_module_json (title->str, (const char * const *) pages);

  file = g_strconcat (id, "/module.json", NULL);
  transaction = helder_save_transaction_new (self->path);
  helder_save_transaction_add (transaction, file, bytes);
  if (!helder_save_transaction_commit (transaction, error))
    return FALSE;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  module = helder_module_load (self->path, id, problems);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The new file %s could not be read back; check the folder's pages"), file);
      return FALSE;
    }

  drop_module_diagnostics (self, id);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->diagnostics, helder_diagnostic_ref (g_ptr_array_index (problems, i)));
  g_list_store_insert (self->modules, MIN (broken->position, helder_course_get_n_modules (self)),
                       module);
  for (guint i = index + 1; i < self->broken_modules->len; i++)
    ((HelderBrokenModule *) g_ptr_array_index (self->broken_modules, i))->position++;
  g_ptr_array_remove_index (self->broken_modules, index);

  return TRUE;
}

/**
 * helder_course_forget_module:
 * @id: a module that could not be read
 *
 * Takes the module off the course's list of modules; its folder stays
 * on disk. Saved with the course.
 */
void
helder_course_forget_module (HelderCourse *self,
                             const char   *id)
{
  int index;

  g_return_if_fail (HELDER_IS_COURSE (self));
  g_return_if_fail (id != NULL);

  index = find_broken_module (self, id);
  if (index < 0 || self->document == NULL)
    return;

  g_ptr_array_remove_index (self->broken_modules, index);
  drop_module_diagnostics (self, id);
  write_module_order (self);
}

/* An id from a folder name: lower case, letters, digits and -. */
static char *
id_from_name (const char *name)
{
  g_autofree char *slug = helder_slug_dup (name, 0);

  if (slug[0] == '\0' || !g_ascii_islower (slug[0]))
    return g_strconcat ("cursus-", slug, NULL);

  return g_steal_pointer (&slug);
}

/**
 * helder_course_create:
 * @path: a folder that does not exist yet, or is empty
 *
 * Makes a new course from the template: course.json, one module with a
 * first page, media/ and words.txt, written in one transaction.
 *
 * Returns: (transfer full) (nullable): the new course, loaded
 */
HelderCourse *
helder_course_create (const char  *path,
                      const char  *title,
                      GError     **error)
{
  g_autoptr(HelderSaveTransaction) transaction = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *course_json = NULL;
  g_autofree char *media = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GBytes) course_bytes = NULL;
  g_autoptr(GBytes) module_bytes = NULL;
  g_autoptr(GBytes) page_bytes = NULL;
  g_autoptr(GBytes) words_bytes = NULL;
  static const char * const first_pages[] = { "01-welkom.md", NULL };
  /* Learner text is Dutch at B1, as the course format's examples are. */
  static const char page[] =
    "# Welkom\n\nIn deze module leer je iets nieuws. Schrijf hier je eerste tekst.\n";
  static const char words[] = "# Woorden van deze cursus, één per regel.\n";

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL && g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s is not empty; choose a new or an empty folder for the course"), path);
      return NULL;
    }

  base = g_path_get_basename (path);
  id = id_from_name (base);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, HELDER_COURSE_FORMAT);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "nl");
  json_builder_set_member_name (builder, "tracking");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "completion");
  json_builder_add_string_value (builder, "pages");
  json_builder_set_member_name (builder, "reporting");
  json_builder_add_string_value (builder, "completed-incomplete");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "01-module");
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  course_json = helder_json_to_text (root);

  media = g_build_filename (path, "media", NULL);
  if (g_mkdir_with_parents (media, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder %s: %s"), media, g_strerror (saved));
      return NULL;
    }

  course_bytes = g_bytes_new (course_json, strlen (course_json));
  module_bytes = dup_module_json ("Module 1", first_pages);
  page_bytes = g_bytes_new_static (page, sizeof page - 1);
  words_bytes = g_bytes_new_static (words, sizeof words - 1);

  transaction = helder_save_transaction_new (path);
  helder_save_transaction_add (transaction, "course.json", course_bytes);
  helder_save_transaction_add (transaction, "01-module/module.json", module_bytes);
  helder_save_transaction_add (transaction, "01-module/01-welkom.md", page_bytes);
  helder_save_transaction_add (transaction, "words.txt", words_bytes);
  if (!helder_save_transaction_commit (transaction, error))
    return NULL;

  return helder_course_load (path, error);
}

/* Sets the course title in course.json; saved with the course. */
void
helder_course_set_title (HelderCourse *self,
                         const char   *title)
{
  g_return_if_fail (HELDER_IS_COURSE (self));
  g_return_if_fail (title != NULL && title[0] != '\0');

  if (g_strcmp0 (self->title, title) == 0 || self->document == NULL)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  helder_json_document_set_string (self->document, helder_json_document_get_root (self->document),
                                   "title", title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * helder_course_dup_lesson:
 * @title: the lesson's title, as the learner and the LMS see it
 * @pages: the pages, as module/page.md, in the order the lesson shows them
 *
 * A bite-size lesson of 5 to 10 minutes: a module of its own that holds
 * pages of the course's modules, planned at 10 minutes so the time-budget
 * check applies to it. It is not part of the course and is never saved.
 *
 * Returns: (transfer full) (nullable): the lesson, or %NULL with @error
 *   set when a page is not in the course
 */
HelderModule *
helder_course_dup_lesson (HelderCourse        *self,
                          const char          *title,
                          const char * const  *pages,
                          GError             **error)
{
  g_autoptr(HelderModule) lesson = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (HELDER_IS_COURSE (self), NULL);
  g_return_val_if_fail (title != NULL && pages != NULL, NULL);

  /* The id names the package and its identifiers: "les-" and the title. */
  slug = helder_slug_dup (title, 36);
  id = slug[0] != '\0' ? g_strconcat ("les-", slug, NULL) : g_strdup ("les");

  lesson = helder_module_new (id, title);
  helder_module_set_minutes (lesson, 10);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      HelderPage *page = helder_course_find_page (self, pages[i]);

      if (page == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _("the course has no page “%s”; name pages as module/page.md"),
                       pages[i]);
          return NULL;
        }
      helder_module_insert_page (lesson, page, i);
    }
  return g_steal_pointer (&lesson);
}
