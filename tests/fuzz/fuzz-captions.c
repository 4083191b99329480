/* fuzz-captions.c
 *
 * Captions: any bytes as a WebVTT file and as an SRT file, and what is
 * made of whatever they parse to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "helder-diagnostic.h"
#include "helder-webvtt.h"

static void
use (HelderWebVtt *captions)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_diagnostic_unref);
  g_autofree char *vtt = NULL;
  g_autofree char *srt = NULL;
  g_autofree char *plain = NULL;

  if (captions == NULL)
    return;

  helder_webvtt_check_quality (captions, &helder_caption_guidelines_default, 60000, findings);
  vtt = helder_webvtt_to_string (captions);
  srt = helder_webvtt_to_srt (captions);
  plain = helder_webvtt_plain_text (captions);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HelderWebVtt) vtt = helder_webvtt_parse ("media/c.vtt", (const char *) data, size);
  g_autoptr(HelderWebVtt) srt = helder_webvtt_from_srt ("media/c.srt", (const char *) data, size);

  use (vtt);
  use (srt);

  return 0;
}
