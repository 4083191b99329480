/* helder-findings-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "helder-diagnostic.h"

G_BEGIN_DECLS

#define HELDER_TYPE_FINDINGS_PANE (helder_findings_pane_get_type ())

G_DECLARE_FINAL_TYPE (HelderFindingsPane, helder_findings_pane, HELDER, FINDINGS_PANE, GtkWidget)

void helder_findings_pane_set_diagnostics (HelderFindingsPane *self,
                                           GPtrArray          *diagnostics);
gboolean helder_findings_pane_get_course_scope (HelderFindingsPane *self);
void helder_findings_pane_set_course_scope (HelderFindingsPane *self,
                                            gboolean            course_scope);
guint helder_findings_pane_get_n_rows     (HelderFindingsPane *self);

G_END_DECLS
