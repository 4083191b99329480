/* helder-exporter.h
 *
 * Exports a course or a module as a SCORM 1.2, SCORM 2004 or web package (a
 * ZIP file); and, through the same run (helder_export_run(),
 * helder_export_async()), as a PDF handout or the tips of the week.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-course.h"
#include "helder-progress.h"

G_BEGIN_DECLS

#define HELDER_EXPORT_ERROR (helder_export_error_quark ())

typedef enum
{
  HELDER_EXPORT_ERROR_CHECKS, /* the checks report errors and the export was not forced */
  HELDER_EXPORT_ERROR_MEDIA,  /* media is missing or lies outside the course folder */
  HELDER_EXPORT_ERROR_PATH,   /* an entry name would escape the package root */
  HELDER_EXPORT_ERROR_WRITE,  /* the ZIP file could not be written */
  HELDER_EXPORT_ERROR_MODULE, /* the course has no such module */
} HelderExportError;

typedef enum
{
  HELDER_EXPORT_SCORM12,
  HELDER_EXPORT_SCORM2004,
  HELDER_EXPORT_WEB,
  HELDER_EXPORT_PDF,  /* a printable handout (helder_handout_write()) of the course or a module */
  HELDER_EXPORT_TIPS, /* the tips of the week (helder_tips_export()) into the folder @output */
} HelderExportFormat;

typedef enum
{
  HELDER_EXPORT_SCOPE_EACH_MODULE, /* one package per module, in a folder */
  HELDER_EXPORT_SCOPE_COURSE,      /* one package for the whole course */
  HELDER_EXPORT_SCOPE_MODULE,      /* one package for one module */
  HELDER_EXPORT_SCOPE_LESSON,      /* one bite-size lesson of chosen pages */
} HelderExportScope;

typedef struct
{
  HelderExportFormat  format;
  HelderExportScope   scope;
  const char         *module_id; /* for HELDER_EXPORT_SCOPE_MODULE */
  const char * const *pages;     /* for HELDER_EXPORT_SCOPE_LESSON: module/page.md, in order */
  const char         *title;     /* for HELDER_EXPORT_SCOPE_LESSON: the lesson's title */
  gboolean            force;     /* export even when the checks report errors */
  gboolean            no_questions; /* for HELDER_EXPORT_PDF: leave the questions out */
  const char         *output;    /* the ZIP file, or the folder for one per module */
  GPtrArray          *findings;  /* (nullable): the course's latest check, reused */
} HelderExportOptions;

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

guint       helder_export_run                (HelderCourse               *course,
                                              const HelderExportOptions  *options,
                                              HelderExportProgress        progress,
                                              gpointer                    user_data,
                                              GCancellable               *cancellable,
                                              GPtrArray                 **problems,
                                              GError                    **error);
void        helder_export_async              (HelderCourse               *course,
                                              const HelderExportOptions  *options,
                                              HelderProgressFunc          progress,
                                              gpointer                    progress_data,
                                              GCancellable               *cancellable,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data);
guint       helder_export_finish             (GAsyncResult               *result,
                                              GPtrArray                 **problems,
                                              GError                    **error);
gboolean    helder_export_get_drafted        (GAsyncResult               *result);

/* helder_export_module_file_name: (transfer full): the caller frees the text with g_free() */
char       *helder_export_module_file_name   (HelderModule         *module);

G_END_DECLS
