/* helder-webvtt.h
 *
 * Caption files: parses and checks WebVTT, imports SRT, writes WebVTT and
 * SRT, and gives the plain text a viewer reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One cue of a caption file. Times are in milliseconds. */
typedef struct
{
  char   *identifier; /* or NULL */
  gint64  start;
  gint64  end;
  char   *settings;   /* the cue settings as written, or NULL */
  char   *text;       /* the payload, lines joined with '\n', markup kept */
  guint   line;       /* 1-based line of the timing line */
  gsize   offset;     /* byte offset of the timing line */
  gsize   text_end;   /* byte offset after the cue's last payload line */
} HelderCue;

/* A parsed WebVTT file: the cues that could be read and every problem
 * found on the way, each with its line.
 */
typedef struct
{
  char      *file;
  GPtrArray *cues;        /* of HelderCue* */
  GPtrArray *diagnostics; /* of HelderDiagnostic* */
} HelderWebVtt;

/* The caption guidelines the quality check applies; see
 * docs/accessibility.md for their sources.
 */
typedef struct
{
  guint  max_line_chars;      /* characters per line (42) */
  guint  max_lines;           /* lines per cue (2) */
  double max_chars_per_second; /* reading speed for a B1 audience (15) */
  gint64 max_gap;             /* ms without captions between cues (5000) */
} HelderCaptionGuidelines;

extern const HelderCaptionGuidelines helder_caption_guidelines_default;

HelderWebVtt *helder_webvtt_parse           (const char                    *file,
                                             const char                    *text,
                                             gsize                          length);
void          helder_webvtt_free            (HelderWebVtt                  *self);
void          helder_webvtt_check_quality   (HelderWebVtt                  *self,
                                             const HelderCaptionGuidelines *guidelines,
                                             gint64                         media_duration,
                                             GPtrArray                     *diagnostics);
/* helder_webvtt_to_string: (transfer full): the caller frees the text with g_free() */
char         *helder_webvtt_to_string       (HelderWebVtt                  *self);
/* helder_webvtt_to_srt: (transfer full): the caller frees the text with g_free() */
char         *helder_webvtt_to_srt          (HelderWebVtt                  *self);
/* helder_webvtt_cue_plain_text: (transfer full): the caller frees the text with g_free() */
char         *helder_webvtt_cue_plain_text  (const HelderCue               *cue);
/* helder_webvtt_plain_text: (transfer full): the caller frees the text with g_free() */
char         *helder_webvtt_plain_text      (HelderWebVtt                  *self);
/* helder_webvtt_format_time: (transfer full): the caller frees the text with g_free() */
char         *helder_webvtt_format_time     (gint64                         time,
                                             char                           separator);
HelderWebVtt *helder_webvtt_from_srt        (const char                    *file,
                                             const char                    *text,
                                             gsize                          length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderWebVtt, helder_webvtt_free)

G_END_DECLS
