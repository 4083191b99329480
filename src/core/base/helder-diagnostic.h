/* helder-diagnostic.h
 *
 * HelderDiagnostic: one finding of a check or of the loader, with its place,
 * rule, severity, message and suggestions. Every layer reports through it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  HELDER_SEVERITY_HINT,
  HELDER_SEVERITY_WARNING,
  HELDER_SEVERITY_ERROR,
} HelderSeverity;

/* A finding of a check or of the loader: where (file and byte range, with
 * the 1-based line and column of the start), what (rule id, severity,
 * message for a person) and what to put there instead (suggestions).
 */
typedef struct _HelderDiagnostic HelderDiagnostic;

struct _HelderDiagnostic
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  char           *file;        /* relative to the course folder, '/' separated */
  gsize           start;       /* byte offset of the first byte */
  gsize           end;         /* byte offset after the last byte */
  guint           line;        /* 1-based; 0 when the whole file is meant */
  guint           column;      /* 1-based, in characters */
  HelderSeverity  severity;
  char           *rule;
  char           *message;
  GPtrArray      *suggestions; /* of char*, never NULL */
};

#define HELDER_TYPE_DIAGNOSTIC (helder_diagnostic_get_type ())

GType             helder_diagnostic_get_type        (void) G_GNUC_CONST;
HelderDiagnostic *helder_diagnostic_new             (const char       *file,
                                                     gsize             start,
                                                     gsize             end,
                                                     guint             line,
                                                     guint             column,
                                                     HelderSeverity    severity,
                                                     const char       *rule,
                                                     const char       *message);
HelderDiagnostic *helder_diagnostic_ref             (HelderDiagnostic *self);
void              helder_diagnostic_unref           (HelderDiagnostic *self);
void              helder_diagnostic_add_suggestion  (HelderDiagnostic *self,
                                                     const char       *suggestion);
/* helder_diagnostic_to_string: (transfer full): the caller frees the text with g_free() */
char             *helder_diagnostic_to_string       (const HelderDiagnostic *self);
int               helder_diagnostic_compare         (const HelderDiagnostic *a,
                                                     const HelderDiagnostic *b);
const char       *helder_severity_to_string         (HelderSeverity    severity);
const char       *helder_severity_to_label          (HelderSeverity    severity);
gboolean          helder_diagnostics_have_errors    (GPtrArray        *diagnostics);
void              helder_diagnostics_sort           (GPtrArray        *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderDiagnostic, helder_diagnostic_unref)

G_END_DECLS
