/* helder-exporter.h
 *
 * Exports a course or a module as a SCORM 1.2, SCORM 2004 or web package (a
 * ZIP file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_EXPORT_ERROR (helder_export_error_quark ())

typedef enum
{
  HELDER_EXPORT_ERROR_CHECKS, /* the checks report errors and the export was not forced */
  HELDER_EXPORT_ERROR_MEDIA,  /* media is missing or lies outside the course folder */
  HELDER_EXPORT_ERROR_PATH,   /* an entry name would escape the package root */
  HELDER_EXPORT_ERROR_WRITE,  /* the ZIP file could not be written */
} HelderExportError;

typedef enum
{
  HELDER_EXPORT_SCORM12,
  HELDER_EXPORT_SCORM2004,
  HELDER_EXPORT_WEB,
} HelderExportFormat;

/* Called while the ZIP is written, with the part done from 0 to 1. */
typedef void (*HelderExportProgress) (double   fraction,
                                      gpointer user_data);

GQuark      helder_export_error_quark        (void);
gboolean    helder_export_format_from_string (const char           *name,
                                              HelderExportFormat   *format);
gboolean    helder_export_package            (HelderCourse         *course,
                                              HelderExportFormat    format,
                                              HelderModule         *module,
                                              gboolean              force,
                                              const char           *output,
                                              HelderExportProgress  progress,
                                              gpointer              user_data,
                                              GPtrArray           **problems,
                                              GError              **error);

char       *helder_export_module_file_name   (HelderModule         *module);

G_END_DECLS
