/* helder-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "helder-course.h"

G_BEGIN_DECLS

#define HELDER_TYPE_EXPORT_DIALOG (helder_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HelderExportDialog, helder_export_dialog, HELDER, EXPORT_DIALOG, AdwWindow)

HelderExportDialog *helder_export_dialog_new         (GtkWindow          *parent,
                                                      HelderCourse       *course,
                                                      GPtrArray          *findings);
void                helder_export_dialog_set_output  (HelderExportDialog *self,
                                                      GFile              *output);
void                helder_export_dialog_start       (HelderExportDialog *self);

G_END_DECLS
