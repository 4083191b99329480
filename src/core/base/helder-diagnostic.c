/* helder-diagnostic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-diagnostic"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-diagnostic.h"

G_DEFINE_BOXED_TYPE (HelderDiagnostic, helder_diagnostic,
                     helder_diagnostic_ref, helder_diagnostic_unref)

/* Returns: (transfer full): a new finding; the strings are copied. */
HelderDiagnostic *
helder_diagnostic_new (const char     *file,
                       gsize           start,
                       gsize           end,
                       guint           line,
                       guint           column,
                       HelderSeverity  severity,
                       const char     *rule,
                       const char     *message)
{
  HelderDiagnostic *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_new0 (HelderDiagnostic, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->file = g_strdup (file);
  self->start = start;
  self->end = end;
  self->line = line;
  self->column = column;
  self->severity = severity;
  self->rule = g_strdup (rule);
  self->message = g_strdup (message);
  self->suggestions = g_ptr_array_new_with_free_func (g_free);

  return self;
}

/* Returns: (transfer full): @self, with one more reference. */
HelderDiagnostic *
helder_diagnostic_ref (HelderDiagnostic *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/* Drops one reference; the last one frees @self. */
void
helder_diagnostic_unref (HelderDiagnostic *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->file);
      g_free (self->rule);
      g_free (self->message);
      g_ptr_array_unref (self->suggestions);
      g_free (self);
    }
}

/* Adds a replacement the author may choose (copied). */
void
helder_diagnostic_add_suggestion (HelderDiagnostic *self,
                                  const char       *suggestion)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (suggestion != NULL);

  g_ptr_array_add (self->suggestions, g_strdup (suggestion));
}

/* Returns: (transfer none): "error", "warning" or "hint". */
const char *
helder_severity_to_string (HelderSeverity severity)
{
  switch (severity)
    {
    case HELDER_SEVERITY_ERROR:
      return "error";
    case HELDER_SEVERITY_WARNING:
      return "warning";
    case HELDER_SEVERITY_HINT:
      return "hint";
    default:
      g_return_val_if_reached ("error");
    }
}

/* The translated word for a person; helder_severity_to_string() is the
 * stable token used in machine-readable output.
 */
const char *
helder_severity_to_label (HelderSeverity severity)
{
  switch (severity)
    {
    case HELDER_SEVERITY_ERROR:
      return _("error");
    case HELDER_SEVERITY_WARNING:
      return _("warning");
    case HELDER_SEVERITY_HINT:
      return _("hint");
    default:
      g_return_val_if_reached (_("error"));
    }
}

/* "file:line:col: severity: message [rule]", the format compilers use, so
 * editors and CI logs can jump to the place.
 */
char *
helder_diagnostic_to_string (const HelderDiagnostic *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->line == 0)
    return g_strdup_printf ("%s: %s: %s [%s]",
                            self->file,
                            helder_severity_to_string (self->severity),
                            self->message, self->rule);

  return g_strdup_printf ("%s:%u:%u: %s: %s [%s]",
                          self->file, self->line, self->column,
                          helder_severity_to_string (self->severity),
                          self->message, self->rule);
}

/* Orders findings by file, then by place, then by rule: a GCompareFunc for
 * pointers to findings.
 */
int
helder_diagnostic_compare (const HelderDiagnostic *a,
                           const HelderDiagnostic *b)
{
  int cmp = g_strcmp0 (a->file, b->file);

  if (cmp != 0)
    return cmp;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->severity != b->severity)
    return a->severity > b->severity ? -1 : 1;
  return g_strcmp0 (a->rule, b->rule);
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return helder_diagnostic_compare (*(HelderDiagnostic * const *) a,
                                    *(HelderDiagnostic * const *) b);
}

/* Sorts @diagnostics in place with helder_diagnostic_compare(). */
void
helder_diagnostics_sort (GPtrArray *diagnostics)
{
  g_return_if_fail (diagnostics != NULL);

  g_ptr_array_sort (diagnostics, compare_indirect);
}

/* Whether @diagnostics holds at least one error. */
gboolean
helder_diagnostics_have_errors (GPtrArray *diagnostics)
{
  g_return_val_if_fail (diagnostics != NULL, FALSE);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const HelderDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == HELDER_SEVERITY_ERROR)
        return TRUE;
    }

  return FALSE;
}
