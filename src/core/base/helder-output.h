/* helder-output.h
 *
 * Files Helder writes outside the course on request (-o of export,
 * review-report and kpi; the KPI mapping): the path is checked first, the
 * file is written under a temporary name and renamed into place when
 * complete, and the temporaries of killed runs are removed by the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  helder_output_check        (const char  *output,
                                      const char  *course_path,
                                      gboolean     folder,
                                      GError     **error);
char     *helder_output_dup_temp     (const char  *output,
                                      GError     **error);
gboolean  helder_output_commit       (const char  *temp,
                                      const char  *output,
                                      GError     **error);
gboolean  helder_output_write_synced (const char  *path,
                                      const char  *data,
                                      gsize        length,
                                      GError     **error);
gboolean  helder_output_write        (const char  *output,
                                      const char  *course_path,
                                      const char  *data,
                                      gssize       length,
                                      GError     **error);

G_END_DECLS
