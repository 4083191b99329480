/* test-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-exporter"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <zip.h>

#include "helder-course-path.h"
#include "helder-exporter.h"
#include "helder-renderer.h"
#include "helder-test-utils.h"

static HelderCourse *
load_test_course (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", "course", NULL);

  return helder_test_load_course (path);
}

/* A one-page course in @folder with @page as its only page. */
static HelderCourse *
write_course (const char *folder,
              const char *page)
{
  g_autofree char *module = g_build_filename (folder, "m", NULL);
  g_autofree char *course_json = g_build_filename (folder, "course.json", NULL);
  g_autofree char *module_json = g_build_filename (module, "module.json", NULL);
  g_autofree char *page_md = g_build_filename (module, "p.md", NULL);

  g_assert_cmpint (g_mkdir_with_parents (module, 0755), ==, 0);
  g_assert_true (g_file_set_contents (course_json,
    "{\"format\": 1, \"id\": \"klein\", \"title\": \"Klein\", \"language\": \"nl\", "
    "\"modules\": [\"m\"]}", -1, NULL));
  g_assert_true (g_file_set_contents (module_json,
    "{\"title\": \"M\", \"pages\": [\"p.md\"]}", -1, NULL));
  g_assert_true (g_file_set_contents (page_md, page, -1, NULL));

  return helder_test_load_course (folder);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static zip_t *
export_and_open (HelderCourse       *course,
                 HelderExportFormat  format,
                 HelderModule       *module,
                 const char         *zip_path)
{
  g_autoptr(GError) error = NULL;
  zip_t *archive;
  int code = 0;

  g_assert_true (helder_export_package (course, format, module, FALSE, zip_path, NULL, NULL, NULL,
                                        &error));
  g_assert_no_error (error);
  archive = zip_open (zip_path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  g_assert_nonnull (archive);
  return archive;
}

static void
test_scorm12_layout (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pakket.zip", NULL);
  zip_t *archive = export_and_open (course, HELDER_EXPORT_SCORM12, NULL, path);
  g_autofree char *manifest = helder_test_read_zip_entry (archive, "imsmanifest.xml");
  g_autofree char *metadata = helder_test_read_zip_entry (archive, "metadata.xml");
  zip_int64_t n = zip_get_num_entries (archive, 0);
  const char *root_files[] = {
    "imsmanifest.xml", "metadata.xml", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd",
    "ims_xml.xsd",
  };

  /* The manifest is the first entry, at the root. */
  g_assert_cmpstr (zip_get_name (archive, 0, 0), ==, "imsmanifest.xml");
  for (guint i = 0; i < G_N_ELEMENTS (root_files); i++)
    g_assert_cmpint (zip_name_locate (archive, root_files[i], 0), >=, 0);

  g_assert_nonnull (strstr (manifest, "<schemaversion>1.2</schemaversion>"));
  g_assert_nonnull (strstr (manifest, "xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\""));
  /* Completion by pages: the status is the content's, no mastery score. */
  g_assert_null (strstr (manifest, "masteryscore"));
  g_assert_nonnull (strstr (manifest, "adlcp:scormtype=\"sco\" href=\"scormcontent/index.html\""));
  g_assert_nonnull (strstr (manifest, "<manifest identifier=\"helder_export-proef\""));
  g_assert_nonnull (strstr (manifest, "<title>Proefcursus &lt;export&gt; &amp; “test”</title>"));
  g_assert_nonnull (strstr (manifest, "href=\"scormcontent/media/blauw%20vlak%20%C3%A9.png\""));
  g_assert_nonnull (strstr (metadata, "Een kleine cursus met elk bloktype"));

  for (zip_int64_t i = 0; i < n; i++)
    {
      const char *name = zip_get_name (archive, i, 0);
      zip_stat_t stat;

      g_assert_cmpint (helder_course_path_check (NULL, name, NULL), ==, HELDER_COURSE_PATH_INSIDE);
      g_assert_cmpint (zip_stat_index (archive, i, 0, &stat), ==, 0);

      /* Compressed media is stored, text is deflated. */
      if (g_str_has_suffix (name, ".png") || g_str_has_suffix (name, ".webm")
          || g_str_has_suffix (name, ".mp3"))
        g_assert_cmpint (stat.comp_method, ==, ZIP_CM_STORE);
      else
        g_assert_cmpint (stat.comp_method, ==, ZIP_CM_DEFLATE);

      /* Every content file is listed in the manifest, percent-encoded. */
      if (g_str_has_prefix (name, "scormcontent/"))
        {
          g_autofree char *href = g_uri_escape_string (name, "/", FALSE);
          g_autofree char *attribute = g_strdup_printf ("<file href=\"%s\"/>", href);

          g_assert_nonnull (strstr (manifest, attribute));
        }
      else
        g_assert_null (strchr (name, '/'));
    }

  /* ... and every listed file is in the package. */
  for (const char *p = strstr (manifest, "<file href=\""); p != NULL;
       p = strstr (p + 1, "<file href=\""))
    {
      g_autofree char *href = g_strndup (p + 12, strchr (p + 12, '"') - (p + 12));
      g_autofree char *name = g_uri_unescape_string (href, NULL);

      g_assert_cmpint (zip_name_locate (archive, name, 0), >=, 0);
    }

  g_assert_cmpint (zip_name_locate (archive, "scormcontent/lib/scorm.js", 0), >=, 0);
  g_assert_cmpint (zip_name_locate (archive, "scormcontent/media/uitleg.txt", 0), <, 0);
  zip_discard (archive);
  remove_tree (dir);
}

static void
test_scorm2004_manifest (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pakket.zip", NULL);
  HelderModule *module = helder_course_find_module (course, "02-toets");
  zip_t *archive = export_and_open (course, HELDER_EXPORT_SCORM2004, module, path);
  g_autofree char *manifest = helder_test_read_zip_entry (archive, "imsmanifest.xml");
  g_autofree char *index = helder_test_read_zip_entry (archive, "scormcontent/index.html");

  g_assert_nonnull (strstr (manifest, "<schemaversion>2004 4th Edition</schemaversion>"));
  g_assert_nonnull (strstr (manifest, "<manifest identifier=\"helder_export-proef_02-toets\""));
  g_assert_nonnull (strstr (manifest, "adlcp:scormType=\"sco\""));
  g_assert_null (strstr (manifest, "primaryObjective"));
  g_assert_nonnull (strstr (manifest, "completionSetByContent=\"true\" objectiveSetByContent=\"true\""));
  g_assert_nonnull (strstr (manifest, "<title>Toets</title>"));
  g_assert_null (strstr (manifest, "masteryscore"));
  g_assert_cmpint (zip_name_locate (archive, "imsss_v1p0util.xsd", 0), >=, 0);
  /* One module: only its pages. */
  g_assert_nonnull (strstr (index, "data-page=\"02-toets/02-natoets\""));
  g_assert_null (strstr (index, "data-page=\"01-basis/01-tekst\""));
  g_assert_nonnull (strstr (index, "\"lms\":\"scorm2004\""));
  zip_discard (archive);
  remove_tree (dir);
}

static char *
export_manifest (HelderCourse       *course,
                 HelderExportFormat  format,
                 const char         *module_id)
{
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pakket.zip", NULL);
  HelderModule *module = module_id != NULL ? helder_course_find_module (course, module_id) : NULL;
  zip_t *archive = export_and_open (course, format, module, path);
  char *manifest = helder_test_read_zip_entry (archive, "imsmanifest.xml");

  zip_discard (archive);
  remove_tree (dir);
  return manifest;
}

/* The test course, complete when its post-test is passed. */
static HelderCourse *
load_course_completed_by_test (void)
{
  HelderCourse *course = load_test_course ();
  HelderJsonDocument *document = helder_course_get_document (course);
  JsonObject *tracking = helder_json_document_ensure_object (document,
                                                             helder_json_document_get_root (document),
                                                             "tracking");

  helder_json_document_set_string (document, tracking, "completion", "test");
  return course;
}

/* The mastery score and the 2004 primary objective only in a package
 * whose completion depends on the post-test it holds.
 */
static void
test_mastery_only_with_post_test (void)
{
  g_autoptr(HelderCourse) course = load_course_completed_by_test ();
  g_autofree char *course12 = NULL;
  g_autofree char *basis2004 = NULL;
  g_autofree char *toets2004 = NULL;
  g_autofree char *basis12 = NULL;

  course12 = export_manifest (course, HELDER_EXPORT_SCORM12, NULL);
  basis12 = export_manifest (course, HELDER_EXPORT_SCORM12, "01-basis");
  basis2004 = export_manifest (course, HELDER_EXPORT_SCORM2004, "01-basis");
  toets2004 = export_manifest (course, HELDER_EXPORT_SCORM2004, "02-toets");

  g_assert_nonnull (strstr (course12, "<adlcp:masteryscore>70</adlcp:masteryscore>"));
  g_assert_null (strstr (basis12, "masteryscore"));
  g_assert_null (strstr (basis2004, "primaryObjective"));
  g_assert_null (strstr (basis2004, "satisfiedByMeasure"));
  g_assert_nonnull (strstr (toets2004, "satisfiedByMeasure=\"true\""));
  g_assert_nonnull (strstr (toets2004, "<imsss:minNormalizedMeasure>0.70</imsss:minNormalizedMeasure>"));
}

/* A Dutch desktop writes decimal commas; the manifest is read by an LMS
 * and keeps its decimal point.
 */
static void
test_manifest_in_dutch_locale (void)
{
  g_autoptr(HelderCourse) course = load_course_completed_by_test ();
  g_autofree char *manifest = NULL;

  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("no nl_NL.UTF-8 locale on this machine (build-aux/dev compiles it)");
      return;
    }
  manifest = export_manifest (course, HELDER_EXPORT_SCORM2004, "02-toets");
  setlocale (LC_NUMERIC, "C");

  g_assert_nonnull (strstr (manifest, "<imsss:minNormalizedMeasure>0.70</imsss:minNormalizedMeasure>"));
}

static void
test_web_layout (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "web.zip", NULL);
  zip_t *archive = export_and_open (course, HELDER_EXPORT_WEB, NULL, path);

  g_assert_cmpstr (zip_get_name (archive, 0, 0), ==, "index.html");
  /* The player is in index.html itself. */
  g_assert_cmpint (zip_name_locate (archive, "lib/player.js", 0), <, 0);
  g_assert_cmpint (zip_name_locate (archive, "media/uitleg.webm", 0), >=, 0);
  g_assert_cmpint (zip_name_locate (archive, "imsmanifest.xml", 0), <, 0);
  g_assert_cmpint (zip_name_locate (archive, "lib/scorm.js", 0), <, 0);
  zip_discard (archive);
  remove_tree (dir);
}

static void
test_refuses_errors (void)
{
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "cursus", NULL);
  g_autofree char *path = g_build_filename (dir, "uit.zip", NULL);
  g_autoptr(HelderCourse) course = write_course (folder,
    "# Fout\n\n```check\nquestion: Wat?\n- [ ] Een\n  feedback: Nee.\n- [ ] Twee\n"
    "  feedback: Nee.\n```\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (helder_export_package (course, HELDER_EXPORT_SCORM12, NULL, FALSE, path, NULL,
                                         NULL, &problems, &error));
  g_assert_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_CHECKS);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* --force exports anyway. */
  g_assert_true (helder_export_package (course, HELDER_EXPORT_SCORM12, NULL, TRUE, path, NULL,
                                        NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  remove_tree (dir);
}

static void
test_refuses_paths_outside (void)
{
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "cursus", NULL);
  g_autofree char *media = g_build_filename (folder, "media", NULL);
  g_autofree char *outside = g_build_filename (dir, "geheim.png", NULL);
  g_autofree char *link = g_build_filename (media, "link.png", NULL);
  g_autofree char *path = g_build_filename (dir, "uit.zip", NULL);
  const char *pages[] = {
    "# Uit\n\n```image\nsrc: ../geheim.png\nalt: Geheim\n```\n",
    "# Uit\n\n![Geheim](../geheim.png)\n",
    "# Uit\n\n```image\nsrc: media/link.png\nalt: Via een link naar buiten\n```\n",
  };

  g_assert_true (g_file_set_contents (outside, "geheim", -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (media, 0755), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(HelderCourse) course = write_course (folder, pages[i]);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      /* Not even --force writes a package that reaches outside the course. */
      g_assert_false (helder_export_package (course, HELDER_EXPORT_WEB, NULL, TRUE, path, NULL,
                                             NULL, &problems, &error));
      g_assert_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_MEDIA);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  remove_tree (dir);
}

static void
test_atomic_output (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "kapot", NULL);
  g_autofree char *path = g_build_filename (dir, "pakket.zip", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(HelderCourse) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  zip_t *archive;
  int code = 0;

  /* A failed export leaves the old file as it was, and no temporary file. */
  g_assert_true (g_file_set_contents (path, "oud", -1, NULL));
  broken = write_course (folder, "# Kapot\n\n```image\nsrc: media/weg.png\nalt: Weg\n```\n");
  g_assert_false (helder_export_package (broken, HELDER_EXPORT_SCORM12, NULL, TRUE, path, NULL,
                                         NULL, &problems, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "oud");
  g_assert_cmpuint (helder_test_count_files (dir), ==, 2);
  g_clear_error (&error);

  /* A good export replaces it whole. */
  g_assert_true (helder_export_package (course, HELDER_EXPORT_SCORM12, NULL, FALSE, path, NULL,
                                        NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (helder_test_count_files (dir), ==, 2);
  archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  g_assert_nonnull (archive);
  zip_discard (archive);

  /* A folder that does not exist is an error, not a crash. */
  g_clear_error (&error);
  {
    g_autofree char *nowhere = g_build_filename (dir, "bestaat-niet", "x.zip", NULL);

    g_assert_false (helder_export_package (course, HELDER_EXPORT_WEB, NULL, FALSE, nowhere, NULL,
                                           NULL, NULL, &error));
    g_assert_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE);
  }

  /* The package never replaces a file of the course, nor a folder. */
  {
    g_autofree char *inside = g_build_filename (helder_course_get_path (course), "course.json",
                                                NULL);

    g_clear_error (&error);
    g_assert_false (helder_export_package (course, HELDER_EXPORT_WEB, NULL, FALSE, inside, NULL,
                                           NULL, NULL, &error));
    g_assert_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE);
    g_clear_error (&error);
    g_assert_false (helder_export_package (course, HELDER_EXPORT_WEB, NULL, FALSE, dir, NULL,
                                           NULL, NULL, &error));
    g_assert_error (error, HELDER_EXPORT_ERROR, HELDER_EXPORT_ERROR_WRITE);
  }
  remove_tree (dir);
}

static void
count_progress_cb (double   fraction,
                   gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_progress (void)
{
  g_autoptr(HelderCourse) course = load_test_course ();
  g_autofree char *dir = helder_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pakket.zip", NULL);
  g_autoptr(GError) error = NULL;
  double last = 0;

  g_assert_true (helder_export_package (course, HELDER_EXPORT_WEB, NULL, FALSE, path,
                                        count_progress_cb, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exporter/scorm12-layout", test_scorm12_layout);
  g_test_add_func ("/exporter/scorm2004-manifest", test_scorm2004_manifest);
  g_test_add_func ("/exporter/mastery-only-with-post-test", test_mastery_only_with_post_test);
  g_test_add_func ("/exporter/manifest-in-dutch-locale", test_manifest_in_dutch_locale);
  g_test_add_func ("/exporter/web-layout", test_web_layout);
  g_test_add_func ("/exporter/refuses-errors", test_refuses_errors);
  g_test_add_func ("/exporter/refuses-paths-outside", test_refuses_paths_outside);
  g_test_add_func ("/exporter/atomic-output", test_atomic_output);
  g_test_add_func ("/exporter/progress", test_progress);

  return g_test_run ();
}
