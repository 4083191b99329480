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

#include <glib/gi18n-lib.h>
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
 * helder_course_path_holds:
 * @root: the course folder
 * @path: an absolute path, its links already followed as far as it exists
 *
 * Whether @path is the course folder @root itself (its links followed)
 * or a place below it: for what is written from outside the course (an
 * export, a copy of the course), which must not land in it.
 *
 * Returns: %TRUE when @path is @root or lies inside it
 */
gboolean
helder_course_path_holds (const char *root,
                          const char *path)
{
  char *real = realpath (root, NULL);
  gboolean holds;

  if (real == NULL)
    return FALSE;
  holds = g_str_equal (path, real) || is_below (path, real);
  free (real);
  return holds;
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

/* Whether @part (@length bytes) is a name Windows keeps for a device: CON,
 * PRN, AUX, NUL, COM1–COM9 or LPT1–LPT9, in any case, also with an
 * extension ("nul.png").
 */
static gboolean
is_device_name (const char *part,
                gsize       length)
{
  static const char * const devices[] = { "con", "prn", "aux", "nul", NULL };
  const char *dot = memchr (part, '.', length);
  gsize stem = dot != NULL ? (gsize) (dot - part) : length;

  /* Windows also ignores spaces before the extension ("con .png"). */
  while (stem > 0 && part[stem - 1] == ' ')
    stem--;
  if (stem == 3)
    for (guint i = 0; devices[i] != NULL; i++)
      if (g_ascii_strncasecmp (part, devices[i], 3) == 0)
        return TRUE;
  return stem == 4 && (g_ascii_strncasecmp (part, "com", 3) == 0 ||
                       g_ascii_strncasecmp (part, "lpt", 3) == 0) &&
         part[3] >= '1' && part[3] <= '9';
}

/* Windows cannot have some names: a part with one of < > " | ? *, a part
 * ending in a dot or a space, or a device name (CON, NUL, COM1…).
 */
static char *
dup_windows_problem (const char *path)
{
  const char *part = path;

  while (part != NULL)
    {
      const char *end = strchr (part, '/');
      gsize length = end != NULL ? (gsize) (end - part) : strlen (part);
      gsize bad = strcspn (part, "<>\"|?*");

      if (bad < length)
        return g_strdup_printf (_("the name “%s” contains “%c”, which Windows does not allow "
                                  "in file names; rename the file"), path, part[bad]);
      if (length > 0 && (part[length - 1] == '.' || part[length - 1] == ' '))
        return g_strdup_printf (_("the name “%s” has a part ending in a dot or a space, which "
                                  "Windows drops; rename the file"), path);
      if (is_device_name (part, length))
        return g_strdup_printf (_("the name “%s” uses “%.*s”, a name Windows keeps for a "
                                  "device; rename the file"), path, (int) length, part);
      part = end != NULL ? end + 1 : NULL;
    }

  return NULL;
}

/* Windows and macOS see two names as one when they differ only in case or
 * in how an accent is stored (é as one character or as e and a combining
 * accent): the same key for every such twin.
 */
static char *
dup_twin_key (const char *path)
{
  g_autofree char *composed = g_utf8_normalize (path, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (composed != NULL ? composed : path, -1);
}

/**
 * helder_course_path_dup_package_problem:
 * @path: a path of the course's form (see helder_course_path_check())
 * @twins: (nullable) (element-type utf8 utf8): the names met so far, by
 *   twin key (the table owns its keys; the names are borrowed and must
 *   outlive it); %NULL to judge @path alone
 *
 * Packages are unpacked on Windows and macOS too. There @path must be a
 * name that can exist, and not one with another file's: unpacked, one
 * twin would overwrite the other. Validation and export both ask here.
 *
 * Returns: (transfer full) (nullable): why @path cannot go into a
 *   package, for a person, or %NULL when it can (it is then added to
 *   @twins)
 */
char *
helder_course_path_dup_package_problem (const char *path,
                                        GHashTable *twins)
{
  char *problem;
  char *key;
  const char *twin;

  g_return_val_if_fail (path != NULL, NULL);

  problem = dup_windows_problem (path);
  if (problem != NULL || twins == NULL)
    return problem;

  key = dup_twin_key (path);
  twin = g_hash_table_lookup (twins, key);
  if (twin == NULL)
    {
      g_hash_table_insert (twins, key, (gpointer) path);
      return NULL;
    }
  g_free (key);
  if (g_str_equal (twin, path))
    return NULL;
  return g_strdup_printf (_("“%s” and “%s” are one name on Windows and macOS (they differ only "
                            "in case or in how an accent is stored); rename one of them"),
                          twin, path);
}
