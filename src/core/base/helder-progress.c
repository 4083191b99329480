/* helder-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-progress"

#include "config.h"

#include "helder-progress.h"

struct _HelderProgress
{
  gatomicrefcount     ref_count;
  GMainContext       *context;
  HelderProgressFunc  func;
  gpointer            user_data;
};

typedef struct
{
  HelderProgress *progress;
  double          fraction;
} Update;

/**
 * helder_progress_new:
 * @func: (nullable): called with each fraction in the calling thread's
 *   main context; %NULL reports nowhere
 *
 * Returns: (transfer full): the progress; any thread may report to it
 */
HelderProgress *
helder_progress_new (HelderProgressFunc func,
                     gpointer           user_data)
{
  HelderProgress *self = g_new0 (HelderProgress, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->user_data = user_data;

  return self;
}

HelderProgress *
helder_progress_ref (HelderProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
helder_progress_unref (HelderProgress *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_main_context_unref (self->context);
  g_free (self);
}

static gboolean
deliver_cb (gpointer user_data)
{
  Update *update = user_data;

  update->progress->func (update->fraction, update->progress->user_data);

  return G_SOURCE_REMOVE;
}

static void
update_free (gpointer user_data)
{
  Update *update = user_data;

  helder_progress_unref (update->progress);
  g_free (update);
}

/* From any thread: @fraction reaches the function in its own thread. */
void
helder_progress_report (HelderProgress *self,
                        double          fraction)
{
  g_autoptr(GSource) source = NULL;
  Update *update;

  g_return_if_fail (self != NULL);

  if (self->func == NULL)
    return;

  update = g_new0 (Update, 1);
  update->progress = helder_progress_ref (self);
  update->fraction = CLAMP (fraction, 0.0, 1.0);

  /* Always through a source: g_main_context_invoke() would call the
   * function right here when no thread iterates the context just now.
   * At the priority a GTask completes with, so reports come first.
   */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_cb, update, update_free);
  g_source_set_static_name (source, "[helder] progress");
  g_source_attach (source, self->context);
}
