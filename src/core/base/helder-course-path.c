/* helder-course-path.c
 *
 * Every place that takes a path from a course file (a page, a module
 * folder, an image, captions, a transcript, a review's page, a package
 * entry) asks helder_course_path_check() whether it stays inside the
 * course, so there is one rule, documented in docs/course-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-course-path"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "helder-course-path.h"

static gboolean
has_course_form (const char *path)
{
  const char *part = path;

  if (path == NULL || *path == '\0' || *path == '/' || !g_utf8_validate (path, -1, NULL))
    return FALSE;

  for (const char *p = path; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f || *p == ':' || *p == '\\')
      return FALSE;

  /* Each part between slashes: not empty, not "." and not "..". */
  while (part != NULL)
    {
      const char *end = strchr (part, '/');
      gsize length = end != NULL ? (gsize) (end - part) : strlen (part);

      if (length == 0 || (length == 1 && part[0] == '.') ||
          (length == 2 && part[0] == '.' && part[1] == '.'))
        return FALSE;
      part = end != NULL ? end + 1 : NULL;
    }

  return TRUE;
}

static gboolean
is_below (const char *resolved,
          const char *root)
{
  gsize length = strlen (root);

  return strncmp (resolved, root, length) == 0 &&
         (resolved[length] == '/' || (length > 0 && root[length - 1] == '/'));
}

/**
 * helder_course_path_check:
 * @root: (nullable): the course folder; %NULL checks only the form
 * @path: a path from a course file, relative to @root with "/" separators
 * @resolved: (out) (optional) (transfer full): for
 *   %HELDER_COURSE_PATH_INSIDE, the absolute path with every link
 *   followed; what to open, so that a link swapped in later cannot lead
 *   out
 *
 * Decides whether @path stays inside the course folder @root: it must
 * have the course's form (see #HelderCoursePath), and, following symbolic
 * links, every part of it that exists must resolve to a place below
 * @root (itself resolved). With a %NULL @root only the form is checked,
 * for names that are not on disk (package entries, review pages); the
 * answer is then %HELDER_COURSE_PATH_INSIDE or
 * %HELDER_COURSE_PATH_MALFORMED.
 *
 * Returns: where @path leads
 */
HelderCoursePath
helder_course_path_check (const char  *root,
                          const char  *path,
                          char       **resolved)
{
  g_autofree char *real_root = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) prefix = NULL;

  if (resolved != NULL)
    *resolved = NULL;

  if (!has_course_form (path))
    return HELDER_COURSE_PATH_MALFORMED;
  if (root == NULL)
    return HELDER_COURSE_PATH_INSIDE;

  {
    char *real = realpath (root, NULL);

    if (real == NULL)
      return HELDER_COURSE_PATH_MISSING;
    real_root = g_strdup (real);
    free (real);
  }

  /* Resolve part by part, so a link anywhere on the way counts, also when
   * the last part does not exist.
   */
  prefix = g_string_new (root);
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *real;
      gboolean below;

      g_string_append_c (prefix, '/');
      g_string_append (prefix, parts[i]);
      real = realpath (prefix->str, NULL);
      if (real == NULL)
        {
          int saved = errno;
          GStatBuf link;

          /* A dangling link names nothing, but its target may be outside:
           * never a place to create something.
           */
          if (saved == ENOENT && g_lstat (prefix->str, &link) == 0)
            return HELDER_COURSE_PATH_OUTSIDE;
          return HELDER_COURSE_PATH_MISSING;
        }
      below = is_below (real, real_root);
      if (below && parts[i + 1] == NULL && resolved != NULL)
        *resolved = g_strdup (real);
      free (real);
      if (!below)
        return HELDER_COURSE_PATH_OUTSIDE;
    }

  return HELDER_COURSE_PATH_INSIDE;
}
