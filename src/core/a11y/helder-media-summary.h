/* helder-media-summary.h
 *
 * What a video or audio block's files hold, for its card: how long the
 * media lasts, whether its caption file reads and how much of the media
 * it covers, how long its transcript is, and a video's first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  duration;          /* ms, or -1 when unknown */
  char   *media_problem;     /* why the media cannot be read, or NULL */
  GBytes *first_frame;       /* a video's first frame as PNG, or NULL */
  char   *captions_problem;  /* the caption file's first error, with its line, or NULL */
  guint   n_cues;
  gint64  captions_end;      /* ms where the last caption ends, or -1 */
  gint64  transcript_words;  /* or -1 when there is no transcript to read */
} HelderMediaSummary;

HelderMediaSummary *helder_media_summary_read (const char         *course_path,
                                               const char         *src,
                                               gboolean            video,
                                               const char         *captions,
                                               const char         *transcript);
void                helder_media_summary_free (HelderMediaSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderMediaSummary, helder_media_summary_free)

G_END_DECLS
