/* helder-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-exporter"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "helder-checks.h"
#include "helder-exporter.h"
#include "helder-renderer.h"
#include "helder-scorm-resources.h"

#define SCORM_RESOURCE "/io/github/helderapp/Helder/scorm/"

G_DEFINE_QUARK (helder-export-error-quark, helder_export_error)

/* One file of the package: generated text (bytes) or a course file
 * (path) that libzip streams from disk when the archive is written.
 */
typedef struct
{
  char   *name;
  GBytes *bytes;
  char   *path;
  gboolean store;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_clear_pointer (&entry->bytes, g_bytes_unref);
  g_free (entry->path);
  g_free (entry);
}

gboolean
helder_export_format_from_string (const char         *name,
                                  HelderExportFormat *format)
{
  static const struct { const char *name; HelderExportFormat format; } formats[] = {
    { "scorm12", HELDER_EXPORT_SCORM12 },
    { "scorm2004", HELDER_EXPORT_SCORM2004 },
    { "web", HELDER_EXPORT_WEB },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (name != NULL && g_str_equal (name, formats[i].name))
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/**
 * helder_export_entry_name_is_safe:
 *
 * Returns: whether @name is a relative UTF-8 path with "/" separators
 *   that stays inside the package root once unpacked.
 */
gboolean
helder_export_entry_name_is_safe (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name == NULL || *name == '\0' || name[0] == '/' || strchr (name, '\\') != NULL
      || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == ':')
      return FALSE;

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;

  return TRUE;
}

/* Media that is compressed already gains nothing from deflate. */
static gboolean
is_compressed_already (const char *name)
{
  static const char * const extensions[] = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".webm", ".ogg", ".mp3", ".m4a",
    ".opus", ".woff", ".woff2", ".zip", ".gz", NULL
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;

  return FALSE;
}

static void
add_bytes (GPtrArray  *entries,
           const char *name,
           GBytes     *bytes)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->name = g_strdup (name);
  entry->bytes = g_bytes_ref (bytes);
  entry->store = is_compressed_already (name);
  g_ptr_array_add (entries, entry);
}

static void
add_text (GPtrArray  *entries,
          const char *name,
          char       *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  add_bytes (entries, name, bytes);
}

static void
add_file (GPtrArray  *entries,
          const char *name,
          const char *path)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->name = g_strdup (name);
  entry->path = g_strdup (path);
  entry->store = is_compressed_already (name);
  g_ptr_array_add (entries, entry);
}

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      helder_scorm_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static const char * const scorm12_schemas[] = {
  "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd", NULL
};

static const char * const scorm2004_schemas[] = {
  "imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "imsss_v1p0.xsd",
  "imsss_v1p0auxresource.xsd", "imsss_v1p0control.xsd", "imsss_v1p0delivery.xsd",
  "imsss_v1p0limit.xsd", "imsss_v1p0objective.xsd", "imsss_v1p0random.xsd",
  "imsss_v1p0rollup.xsd", "imsss_v1p0seqrule.xsd", "imsss_v1p0util.xsd", "xml.xsd",
  "XMLSchema.dtd", "datatypes.dtd", NULL
};

static void
append_escaped (GString    *xml,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (xml, escaped);
}

/* An NCName from the course and module ids, which only hold lower-case
 * letters, digits and "-": prefixed so it never starts with a digit.
 */
static char *
package_identifier (HelderCourse *course,
                    HelderModule *module)
{
  g_autoptr(GString) id = g_string_new ("helder_");

  for (const char *p = helder_course_get_id (course); p != NULL && *p != '\0'; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
  if (module != NULL)
    {
      g_string_append_c (id, '_');
      for (const char *p = helder_module_get_id (module); *p != '\0'; p++)
        g_string_append_c (id, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
    }

  return g_string_free (g_steal_pointer (&id), FALSE);
}

static gboolean
get_pass_mark (HelderCourse *course,
               gint64       *pass_mark)
{
  JsonObject *root = helder_json_document_get_root (helder_course_get_document (course));
  JsonNode *tracking = root != NULL ? json_object_get_member (root, "tracking") : NULL;
  JsonNode *value;

  if (tracking == NULL || !JSON_NODE_HOLDS_OBJECT (tracking))
    return FALSE;
  value = json_object_get_member (json_node_get_object (tracking), "pass_mark");
  if (value == NULL || json_node_get_value_type (value) != G_TYPE_INT64)
    return FALSE;

  *pass_mark = CLAMP (json_node_get_int (value), 0, 100);
  return TRUE;
}

static char *
build_manifest (HelderCourse       *course,
                HelderModule       *module,
                HelderExportFormat  format,
                const char         *title,
                GPtrArray          *entries,
                const char         *launch)
{
  gboolean scorm12 = format == HELDER_EXPORT_SCORM12;
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *identifier = package_identifier (course, module);
  gint64 pass_mark = 0;
  gboolean has_pass_mark = get_pass_mark (course, &pass_mark);

  if (scorm12)
    g_string_append_printf (xml,
      "<manifest identifier=\"%s\" version=\"1\"\n"
      "  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n"
      "  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n"
      "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "  xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd"
      " http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n"
      "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n"
      "    <adlcp:location>metadata.xml</adlcp:location>\n  </metadata>\n"
      "  <organizations default=\"helder_org\">\n"
      "    <organization identifier=\"helder_org\">\n      <title>", identifier);
  else
    g_string_append_printf (xml,
      "<manifest identifier=\"%s\" version=\"1.3\"\n"
      "  xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n"
      "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n"
      "  xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n"
      "  xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"\n"
      "  xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd"
      " http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd"
      " http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd"
      " http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\">\n"
      "  <metadata>\n    <schema>ADL SCORM</schema>\n"
      "    <schemaversion>2004 4th Edition</schemaversion>\n"
      "    <adlcp:location>metadata.xml</adlcp:location>\n  </metadata>\n"
      "  <organizations default=\"helder_org\">\n"
      "    <organization identifier=\"helder_org\" adlseq:objectivesGlobalToSystem=\"false\">\n"
      "      <title>", identifier);

  append_escaped (xml, title);
  g_string_append (xml, "</title>\n      <item identifier=\"i1\" identifierref=\"r1\" "
                        "isvisible=\"true\">\n        <title>");
  append_escaped (xml, title);
  g_string_append (xml, "</title>\n");

  if (scorm12)
    {
      if (has_pass_mark)
        g_string_append_printf (xml, "        <adlcp:masteryscore>%" G_GINT64_FORMAT
                                     "</adlcp:masteryscore>\n", pass_mark);
    }
  else
    {
      g_string_append (xml, "        <imsss:sequencing>\n");
      /* The 2004 form of a mastery score: the LMS counts the objective
       * as satisfied when cmi.score.scaled reaches the pass mark.
       */
      if (has_pass_mark)
        g_string_append_printf (xml,
          "          <imsss:objectives>\n"
          "            <imsss:primaryObjective objectiveID=\"post-test\" "
          "satisfiedByMeasure=\"true\">\n"
          "              <imsss:minNormalizedMeasure>%.2f</imsss:minNormalizedMeasure>\n"
          "            </imsss:primaryObjective>\n"
          "          </imsss:objectives>\n", pass_mark / 100.0);
      g_string_append (xml,
        "          <imsss:deliveryControls tracked=\"true\" completionSetByContent=\"true\" "
        "objectiveSetByContent=\"true\"/>\n"
        "        </imsss:sequencing>\n");
    }

  g_string_append (xml, "      </item>\n");
  if (!scorm12)
    g_string_append (xml, "      <imsss:sequencing>\n"
                          "        <imsss:controlMode choice=\"true\" flow=\"true\"/>\n"
                          "      </imsss:sequencing>\n");
  g_string_append_printf (xml, "    </organization>\n  </organizations>\n  <resources>\n"
                               "    <resource identifier=\"r1\" type=\"webcontent\" "
                               "adlcp:%s=\"sco\" href=\"%s\">\n",
                          scorm12 ? "scormtype" : "scormType", launch);

  /* Every file the SCO uses is listed, as Rise does; the root files
   * (manifest, metadata, schemas) describe the package and are not.
   */
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *href = NULL;

      if (!g_str_has_prefix (entry->name, "scormcontent/"))
        continue;
      href = g_uri_escape_string (entry->name, "/", FALSE);
      g_string_append (xml, "      <file href=\"");
      append_escaped (xml, href);
      g_string_append (xml, "\"/>\n");
    }

  g_string_append (xml, "    </resource>\n  </resources>\n</manifest>\n");

  return g_string_free (g_steal_pointer (&xml), FALSE);
}

static char *
build_metadata (HelderCourse       *course,
                HelderExportFormat  format,
                const char         *title)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  const char *language = helder_course_get_language (course);
  const char *description = helder_course_get_description (course);
  gboolean scorm12 = format == HELDER_EXPORT_SCORM12;
  const char *string = scorm12 ? "langstring" : "string";
  const char *lang = scorm12 ? "xml:lang" : "language";

  g_string_append_printf (xml, "<lom xmlns=\"%s\">\n  <general>\n    <title><%s %s=\"",
                          scorm12 ? "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
                                  : "http://ltsc.ieee.org/xsd/LOM", string, lang);
  append_escaped (xml, language);
  g_string_append (xml, "\">");
  append_escaped (xml, title);
  g_string_append_printf (xml, "</%s></title>\n    <language>", string);
  append_escaped (xml, language);
  g_string_append (xml, "</language>\n");
  if (description != NULL)
    {
      g_string_append_printf (xml, "    <description><%s %s=\"", string, lang);
      append_escaped (xml, language);
      g_string_append (xml, "\">");
      append_escaped (xml, description);
      g_string_append_printf (xml, "</%s></description>\n", string);
    }
  g_string_append (xml, "  </general>\n</lom>\n");

  return g_string_free (g_steal_pointer (&xml), FALSE);
}

/* The checks' errors that concern this package: the course files and,
 * for one module, that module's folder.
 */
static GPtrArray *
blocking_errors (HelderCourse *course,
                 HelderModule *module)
{
  g_autoptr(GPtrArray) all = helder_checks_run_course (course);
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autofree char *prefix = module != NULL ? g_strconcat (helder_module_get_id (module), "/", NULL)
                                           : NULL;

  for (guint i = 0; i < all->len; i++)
    {
      HelderDiagnostic *d = g_ptr_array_index (all, i);

      if (d->severity != HELDER_SEVERITY_ERROR)
        continue;
      if (prefix != NULL && strchr (d->file, '/') != NULL && !g_str_has_prefix (d->file, prefix))
        continue;
      g_ptr_array_add (errors, helder_diagnostic_ref (d));
    }

  return errors;
}

static gboolean
add_player_file (GPtrArray   *entries,
                 const char  *content,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = helder_player_lookup_file (name, error);
  g_autofree char *entry = NULL;

  if (bytes == NULL)
    return FALSE;
  entry = g_strconcat (content, HELDER_PLAYER_DIR "/", name, NULL);
  add_bytes (entries, entry, bytes);

  return TRUE;
}

/* Collects every entry of the package, in the order they are written. */
static GPtrArray *
collect_entries (HelderCourse        *course,
                 HelderExportFormat   format,
                 HelderModule        *module,
                 GPtrArray          **problems,
                 GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(HelderRenderer) renderer = helder_renderer_new (course);
  g_autoptr(GPtrArray) modules = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean scorm = format != HELDER_EXPORT_WEB;
  const char *content = scorm ? "scormcontent/" : "";
  const char *title;
  g_autofree char *html = NULL;
  g_autofree char *index = NULL;
  GPtrArray *media;

  if (module != NULL)
    g_ptr_array_add (modules, g_object_ref (module));
  else
    for (guint i = 0; i < helder_course_get_n_modules (course); i++)
      g_ptr_array_add (modules, g_object_ref (helder_course_get_module (course, i)));
  title = module != NULL ? helder_module_get_title (module) : helder_course_get_title (course);

  html = helder_renderer_render_document (renderer, modules,
                                          format == HELDER_EXPORT_SCORM12 ? "scorm12"
                                          : format == HELDER_EXPORT_SCORM2004 ? "scorm2004"
                                          : NULL);
  if (helder_renderer_get_problems (renderer)->len > 0)
    {
      *problems = g_ptr_array_ref (helder_renderer_get_problems (renderer));
      g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_MEDIA,
                   _("the package cannot be made: %u media files are missing or lie outside "
                     "the course folder"), (*problems)->len);
      return NULL;
    }

  index = g_strconcat (content, "index.html", NULL);
  add_text (entries, index, g_steal_pointer (&html));
  if (!add_player_file (entries, content, "player.css", error)
      || !add_player_file (entries, content, "player.js", error)
      || (scorm && !add_player_file (entries, content, "scorm.js", error)))
    return NULL;

  media = helder_renderer_get_media (renderer);
  for (guint i = 0; i < media->len; i++)
    {
      const char *path = g_ptr_array_index (media, i);
      g_autofree char *name = g_strconcat (content, path, NULL);
      g_autofree char *file = g_build_filename (helder_course_get_path (course), path, NULL);

      add_file (entries, name, file);
    }

  if (scorm)
    {
      const char * const *schemas = format == HELDER_EXPORT_SCORM12 ? scorm12_schemas
                                                                     : scorm2004_schemas;
      const char *folder = format == HELDER_EXPORT_SCORM12 ? "scorm12/" : "scorm2004/";

      /* The manifest lists the content, so it is built last but written
       * first, where people and LMSs look for it.
       */
      add_text (entries, "imsmanifest.xml",
                build_manifest (course, module, format, title, entries,
                                "scormcontent/index.html"));
      g_ptr_array_insert (entries, 0, g_ptr_array_steal_index (entries, entries->len - 1));
      add_text (entries, "metadata.xml", build_metadata (course, format, title));

      ensure_resources ();
      for (guint i = 0; schemas[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (SCORM_RESOURCE, folder, schemas[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                             error);

          if (bytes == NULL)
            return NULL;
          add_bytes (entries, schemas[i], bytes);
        }
    }

  return g_steal_pointer (&entries);
}

static gboolean
check_entry_names (GPtrArray  *entries,
                   GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);
      char *folded;

      if (!helder_export_entry_name_is_safe (entry->name))
        {
          g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_PATH,
                       _("“%s” would be unpacked outside the package; rename the file so its "
                         "path stays inside the course folder"), entry->name);
          return FALSE;
        }

      /* Case-only twins overwrite each other on Windows and macOS. */
      folded = g_utf8_casefold (entry->name, -1);
      if (!g_hash_table_add (seen, folded))
        {
          g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_PATH,
                       _("“%s” differs from another file only in upper and lower case; rename "
                         "one of them"), entry->name);
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  HelderExportProgress progress;
  gpointer             user_data;
} ProgressClosure;

static void
progress_cb (zip_t  *archive,
             double  fraction,
             void   *user_data)
{
  ProgressClosure *closure = user_data;

  closure->progress (fraction, closure->user_data);
}

static gboolean
write_zip (GPtrArray             *entries,
           const char            *path,
           HelderExportProgress   progress,
           gpointer               user_data,
           GError               **error)
{
  ProgressClosure closure = { progress, user_data };
  zip_error_t zip_error;
  zip_t *archive;
  int code = 0;

  archive = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == NULL)
    {
      zip_error_init_with_code (&zip_error, code);
      g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE,
                   _("cannot write “%s”: %s"), path, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);
      zip_source_t *source;
      zip_int64_t index;

      /* Files are only opened when the archive is written, one at a time,
       * so memory stays flat whatever the size of the media.
       */
      if (entry->bytes != NULL)
        source = zip_source_buffer (archive, g_bytes_get_data (entry->bytes, NULL),
                                    g_bytes_get_size (entry->bytes), 0);
      else
        source = zip_source_file (archive, entry->path, 0, -1);

      if (source == NULL
          || (index = zip_file_add (archive, entry->name, source, ZIP_FL_ENC_UTF_8)) < 0)
        {
          g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE,
                       _("cannot add “%s” to the package: %s"), entry->name,
                       zip_strerror (archive));
          if (source != NULL)
            zip_source_free (source);
          zip_discard (archive);
          return FALSE;
        }
      zip_set_file_compression (archive, index, entry->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }

  if (progress != NULL)
    zip_register_progress_callback_with_state (archive, 0.01, progress_cb, NULL, &closure);

  if (zip_close (archive) < 0)
    {
      g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE,
                   _("cannot write “%s”: %s"), path, zip_strerror (archive));
      zip_discard (archive);
      return FALSE;
    }

  return TRUE;
}

/**
 * helder_export_package:
 * @module: (nullable): the module to export, or %NULL for the whole course
 * @force: export even when the checks report errors
 * @output: the ZIP file to write; it is replaced only once complete
 * @problems: (out) (optional) (transfer full): the findings that stopped
 *   the export, when there are any
 *
 * Writes one SCORM 1.2, SCORM 2004 4th edition or web package.
 */
gboolean
helder_export_package (HelderCourse          *course,
                       HelderExportFormat     format,
                       HelderModule          *module,
                       gboolean               force,
                       const char            *output,
                       HelderExportProgress   progress,
                       gpointer               user_data,
                       GPtrArray            **problems,
                       GError               **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  int fd;

  g_return_val_if_fail (HELDER_IS_COURSE (course), FALSE);
  g_return_val_if_fail (module == NULL || HELDER_IS_MODULE (module), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (!force)
    {
      found = blocking_errors (course, module);
      if (found->len > 0)
        {
          g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS,
                       _("the checks found %u errors; fix them, or export anyway with --force"),
                       found->len);
          if (problems != NULL)
            *problems = g_steal_pointer (&found);
          return FALSE;
        }
      g_clear_pointer (&found, g_ptr_array_unref);
    }

  entries = collect_entries (course, format, module, &found, error);
  if (entries == NULL)
    {
      if (problems != NULL && found != NULL)
        *problems = g_steal_pointer (&found);
      return FALSE;
    }
  if (!check_entry_names (entries, error))
    return FALSE;

  /* Written next to the target and renamed over it when complete, so the
   * target path never holds a half-written package.
   */
  folder = g_path_get_dirname (output);
  base = g_path_get_basename (output);
  template = g_strdup_printf ("%s/.%s-XXXXXX", folder, base);
  fd = g_mkstemp_full (template, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE,
                   _("cannot create a file in “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  if (!write_zip (entries, template, progress, user_data, error))
    {
      g_unlink (template);
      return FALSE;
    }

  if (g_chmod (template, 0644) != 0 || g_rename (template, output) != 0)
    {
      int saved = errno;

      g_set_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE,
                   _("cannot write “%s”: %s"), output, g_strerror (saved));
      g_unlink (template);
      return FALSE;
    }

  return TRUE;
}
