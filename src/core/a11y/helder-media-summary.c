/* helder-media-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-media-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-course-path.h"
#include "helder-diagnostic.h"
#include "helder-media.h"
#include "helder-media-summary.h"
#include "helder-page-content.h"
#include "helder-webvtt.h"

/* The file @path of the course, or NULL when it leaves the course or is
 * not there.
 */
static char *
dup_course_file (const char *course_path,
                 const char *path)
{
  g_autofree char *resolved = NULL;

  if (path == NULL || *path == '\0')
    return NULL;
  helder_course_path_check (course_path, path, &resolved);
  if (resolved == NULL || !g_file_test (resolved, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_steal_pointer (&resolved);
}

static void
read_captions (HelderMediaSummary *self,
               const char         *captions,
               const char         *file)
{
  g_autoptr(HelderWebVtt) vtt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_get_contents (file, &text, &length, &error))
    {
      self->captions_problem = g_strdup (error->message);
      return;
    }

  vtt = helder_webvtt_parse (captions, text, length);
  for (guint i = 0; i < vtt->diagnostics->len && self->captions_problem == NULL; i++)
    {
      const HelderDiagnostic *diagnostic = g_ptr_array_index (vtt->diagnostics, i);

      if (diagnostic->severity == HELDER_SEVERITY_ERROR)
        /* Translators: %u is a line of the caption file, %s what is wrong there */
        self->captions_problem = g_strdup_printf (_("line %u: %s"), diagnostic->line,
                                                  diagnostic->message);
    }
  self->n_cues = vtt->cues->len;
  for (guint i = 0; i < vtt->cues->len; i++)
    self->captions_end = MAX (self->captions_end,
                              ((const HelderCue *) g_ptr_array_index (vtt->cues, i))->end);
}

/**
 * helder_media_summary_read:
 * @course_path: the course folder the paths are relative to
 * @src: (nullable): the media file
 * @video: whether @src is a video, whose first frame is wanted
 * @captions: (nullable): the caption file (WebVTT)
 * @transcript: (nullable): the transcript
 *
 * Reads the files of a video or audio block. Blocking (GStreamer reads
 * the media): call it in a thread.
 *
 * Returns: (transfer full): what the files hold
 */
HelderMediaSummary *
helder_media_summary_read (const char *course_path,
                           const char *src,
                           gboolean    video,
                           const char *captions,
                           const char *transcript)
{
  HelderMediaSummary *self = g_new0 (HelderMediaSummary, 1);
  g_autofree char *media_file = dup_course_file (course_path, src);
  g_autofree char *captions_file = dup_course_file (course_path, captions);
  g_autofree char *transcript_file = dup_course_file (course_path, transcript);
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (course_path != NULL, self);

  self->duration = -1;
  self->captions_end = -1;
  self->transcript_words = -1;

  if (media_file != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->duration = helder_media_get_duration (media_file, &error);
      if (self->duration >= 0 && video)
        self->first_frame = helder_media_dup_first_frame (media_file, &error);
      if (error != NULL)
        self->media_problem = g_strdup (error->message);
    }
  if (captions_file != NULL)
    read_captions (self, captions, captions_file);
  if (transcript_file != NULL && g_file_get_contents (transcript_file, &text, &length, NULL))
    self->transcript_words = helder_count_words (text, length);

  return self;
}

void
helder_media_summary_free (HelderMediaSummary *self)
{
  if (self == NULL)
    return;

  g_free (self->media_problem);
  g_clear_pointer (&self->first_frame, g_bytes_unref);
  g_free (self->captions_problem);
  g_free (self);
}
