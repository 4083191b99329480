/* helder-rise-import.h: turning an Articulate Rise 360 export (SCORM 1.2,
 * SCORM 2004, xAPI, cmi5 or web; a ZIP file or its unpacked folder) into a
 * new Helder course folder.
 *
 * Rise keeps the course as base64 JSON inside the package (three
 * generations, see ../shared/reference/rise-scorm.md section 4). Lessons
 * become pages, section lessons start modules, quiz lessons become a
 * post-test; Rise's blocks become Helder blocks, its inline HTML becomes
 * CommonMark, its media are copied into media/. Nothing is dropped
 * silently: a block with no Helder form is kept as an IMPORT callout with
 * its text (which `validate` reports until someone rebuilds it), and
 * import-report.md in the new course lists what mapped, what changed and
 * what could not come over, lesson by lesson.
 *
 * The course is written into a hidden folder beside the destination and
 * renamed into place at the end, so a failed import leaves nothing behind.
 * The import reads no HelderCourse, so it may run in any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HELDER_IMPORT_ERROR (helder_import_error_quark ())

typedef enum
{
  HELDER_IMPORT_ERROR_NOT_RISE,     /* the package is not a Rise export */
  HELDER_IMPORT_ERROR_BAD_DATA,     /* the course data in the package is damaged */
  HELDER_IMPORT_ERROR_DESTINATION,  /* the destination exists and is not an empty folder */
} HelderImportError;

/* What an import did, for the caller to show: the course's title and the
 * number of modules, pages and blocks, and how many blocks need attention.
 */
typedef struct
{
  char  *title;
  guint  modules;
  guint  pages;
  guint  blocks;
  guint  changed;      /* blocks brought over in a nearby form */
  guint  not_imported; /* blocks kept as a note with their text */
  guint  media;
} HelderImportSummary;

GQuark               helder_import_error_quark     (void);
void                 helder_import_summary_free    (HelderImportSummary *summary);
HelderImportSummary *helder_rise_import            (const char          *package,
                                                    const char          *destination,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void                 helder_rise_import_async      (const char          *package,
                                                    const char          *destination,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* helder_rise_import_finish: (transfer full): the caller frees it with helder_import_summary_free() */
HelderImportSummary *helder_rise_import_finish     (GAsyncResult        *result,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderImportSummary, helder_import_summary_free)

G_END_DECLS
