/* helder-course-path.h
 *
 * The one rule for "does this path stay inside the course folder".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HelderCoursePath:
 * @HELDER_COURSE_PATH_INSIDE: the path names something inside the course
 *   folder, also after following every symbolic link on the way
 * @HELDER_COURSE_PATH_MISSING: the path has the right form and what exists
 *   of it is inside, but it names nothing (yet)
 * @HELDER_COURSE_PATH_MALFORMED: not a relative path of the course's form:
 *   empty, absolute, with a "." or ".." part, an empty part ("a//b", a
 *   trailing "/"), a backslash, a colon (drive letters, URL schemes), a
 *   control character, or not UTF-8
 * @HELDER_COURSE_PATH_OUTSIDE: the path has the right form but a symbolic
 *   link on the way leads out of the course folder (a link to nothing
 *   counts as outside: nothing may be written through it)
 */
typedef enum
{
  HELDER_COURSE_PATH_INSIDE,
  HELDER_COURSE_PATH_MISSING,
  HELDER_COURSE_PATH_MALFORMED,
  HELDER_COURSE_PATH_OUTSIDE,
} HelderCoursePath;

HelderCoursePath helder_course_path_check (const char  *root,
                                           const char  *path,
                                           char       **resolved);
gboolean         helder_course_path_holds (const char *root,
                                           const char *path);
char            *helder_course_path_dup_package_problem (const char *path,
                                                         GHashTable *twins);

G_END_DECLS
